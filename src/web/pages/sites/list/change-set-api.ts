// Calls of the 修改内容对比 view: the live record and the proposed change of one modification, flag or 其他域名 request.
import type { z } from 'zod';
import type { changeSetView } from '../../../../server/modules/site-workspace/schema.ts';
import { api } from '../../../request.ts';
import { sitesKey } from './api.ts';

export type ChangeSet = z.infer<typeof changeSetView>;

export const changeSetKey = (requestId: number) => [...sitesKey, 'change-set', requestId] as const;

export function getChangeSet(requestId: number): Promise<ChangeSet> {
  return api.get<ChangeSet>(`/api/requests/${requestId}/change-set`);
}

/** The request types reviewed with 办结修改审核通过 / 办结修改审核退回 (SPEC §8.1 1.6–1.7). */
export const CHANGE_REQUEST_TYPES: ReadonlySet<string> = new Set([
  'MODIFY',
  'PORTAL_ON',
  'PORTAL_OFF',
  'SERVICE_ON',
  'SERVICE_OFF',
  'DOMAINS',
]);
