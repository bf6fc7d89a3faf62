// Request and response schemas of 组织单位信息查询 (the visible set of SPEC §11.1).
import { z } from 'zod';
import { orgUnit, pageQuery } from './schema.ts';

export const RELATIONS = ['SELF', 'SUBTREE', 'ANCESTOR', 'LEVEL1'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  SELF: '本单位',
  SUBTREE: '下级单位',
  ANCESTOR: '上级单位',
  LEVEL1: '其他省级（部委）单位',
};

/** all = everything visible; the others narrow it to one relation group (self counts as subtree). */
export const orgQueryFilters = z.object({
  q: z.string().trim().max(50).optional(),
  scope: z.enum(['all', 'subtree', 'ancestors', 'level1']).default('subtree'),
  level: z.coerce.number().int().min(0).max(3).optional(),
});

export const orgQueryQuery = orgQueryFilters.extend(pageQuery);

export const visibleOrgUnit = orgUnit.extend({ relation: z.enum(RELATIONS), parentName: z.string().nullable() });

export const orgQueryPage = z.object({
  items: z.array(visibleOrgUnit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
