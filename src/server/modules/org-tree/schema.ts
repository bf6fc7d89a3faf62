// Request and response schemas of 挂接关系维护 (root only).
import { z } from 'zod';
import { orgUnit, pageQuery } from '../org-units/schema.ts';

const contactInput = z.object({
  name: z.string().trim().max(30),
  officePhone: z.string().trim().max(30),
  mobile: z.string().trim().max(20),
  email: z.string().trim().max(100),
});

export const treeNode = z.object({
  code: z.string(),
  name: z.string(),
  displayName: z.string(),
  level: z.number().int(),
  branch: z.enum(['LOCAL', 'VERTICAL']),
  enabled: z.boolean(),
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
  siteCount: z.number().int(),
});

export const childrenQuery = z.object({ parent: z.string().min(1).max(6).default('bm0100') });
export const childrenResponse = z.object({ items: z.array(treeNode) });

export const searchQuery = z.object({ q: z.string().trim().min(1).max(50) });
export const searchResponse = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      displayName: z.string(),
      level: z.number().int(),
      enabled: z.boolean(),
      /** Codes from the root down to the unit, for expanding the tree. */
      pathCodes: z.array(z.string()),
    }),
  ),
});

export const unitDetailsBody = z.object({
  name: z.string().trim().min(1, '请填写单位名称').max(100),
  displayName: z.string().trim().min(1, '请填写显示名称').max(100),
  principal: contactInput.nullable(),
  contacts: z.array(contactInput).max(3, '联系人最多 3 位'),
});

export const createUnitBody = unitDetailsBody.extend({
  code: z.string().trim().min(1, '请填写组织单位标识码').max(20),
  parentCode: z.string().trim().min(1).max(6),
  branch: z.enum(['LOCAL', 'VERTICAL']).optional(),
});

export const treeActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('MOVE'), newParentCode: z.string().trim().min(1).max(6) }),
  z.object({ action: z.literal('DISABLE') }),
  z.object({ action: z.literal('ENABLE') }),
]);
export type TreeAction = z.infer<typeof treeActionBody>;

export const codeParam = z.object({ code: z.string().min(1).max(6) });

export const reroutedStep = z.object({
  requestId: z.number().int(),
  type: z.string(),
  state: z.string(),
  siteName: z.string(),
  siteCode: z.string().nullable(),
  oldChain: z.array(z.string()),
  newChain: z.array(z.string()),
  oldStepIndex: z.number().int(),
  newStepIndex: z.number().int(),
  oldCurrentOrg: z.string().nullable(),
  newCurrentOrg: z.string().nullable(),
});

export const treeChangePlan = z.object({
  applied: z.boolean(),
  action: z.enum(['MOVE', 'DISABLE', 'ENABLE']),
  unit: z.object({ code: z.string(), displayName: z.string(), level: z.number().int() }),
  fromParentCode: z.string().nullable(),
  toParentCode: z.string().nullable(),
  movedUnits: z.number().int(),
  affectedSites: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.number().int(),
        siteCode: z.string().nullable(),
        name: z.string(),
        orgCode: z.string(),
        orgName: z.string(),
        runStatus: z.string(),
      }),
    ),
  }),
  rerouted: z.array(reroutedStep),
  /** Open requests under the subtree whose route stays the same. */
  unchangedRequests: z.number().int(),
  /** Display names of every unit code that appears in the chains above. */
  names: z.record(z.string(), z.string()),
});

export const unitView = orgUnit.extend({ path: z.string() });

export const historyQuery = z.object({ code: z.string().max(6).optional(), ...pageQuery });
export const historyPage = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      code: z.string(),
      comment: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
