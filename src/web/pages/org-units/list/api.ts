// Calls of 组织单位信息查询: the caller's subtree, searched and paged.
import type { z } from 'zod';
import type { orgQueryPage } from '../../../../server/modules/org-query/schema.ts';
import type { orgUnit } from '../../../../server/modules/org-units/schema.ts';
import { api } from '../../../request.ts';
import { downloadFile } from '../../../shared/download-file.ts';

export type OrgUnit = z.infer<typeof orgUnit>;
/** The visible units (SPEC §11.1) with how each relates to the caller's unit. */
export type OrgUnitPage = z.infer<typeof orgQueryPage>;
export type VisibleOrgUnit = OrgUnitPage['items'][number];
export type OrgQueryScope = 'subtree' | 'ancestors' | 'level1' | 'all';
export type PersonContact = NonNullable<OrgUnit['principal']>;

export interface OrgUnitQuery {
  q?: string;
  scope?: OrgQueryScope;
  level?: number;
  page: number;
  pageSize: number;
}

export function listOrgUnits(query: OrgUnitQuery): Promise<OrgUnitPage> {
  return api.get<OrgUnitPage>('/api/org-query', { ...query });
}

/** 导出: every unit matching the filters (not only the page), with contacts. */
export function exportOrgUnits(query: Omit<OrgUnitQuery, 'page' | 'pageSize'>): Promise<void> {
  return downloadFile('/api/org-query/export', { ...query });
}
