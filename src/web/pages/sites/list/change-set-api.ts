// Calls of the 修改内容对比 view: the live record and the proposed change of one modification, flag or 其他域名 request.
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';
import { sitesKey } from './api.ts';

export type ChangeSet = ApiResponse<'/api/requests/{id}/change-set', 'get'>;

export const changeSetKey = (requestId: number) => [...sitesKey, 'change-set', requestId] as const;

export function getChangeSet(requestId: number): Promise<ChangeSet> {
  return unwrap(client.GET('/api/requests/{id}/change-set', { params: { path: { id: requestId } } }));
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
