// Calls of 例外 / 删除 / 恢复正常 on one site (SPEC §7.7).
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type StatusActionsView = ApiResponse<'/api/sites/{id}/status-actions', 'get'>;
export type StatusChangeResult = ApiResponse<'/api/sites/{id}/exception', 'post'>;
export type StatusAction = keyof StatusActionsView['abilities'];

const PATHS = {
  EXCEPTION: '/api/sites/{id}/exception',
  DELETE: '/api/sites/{id}/delete',
  RESTORE: '/api/sites/{id}/restore',
} as const satisfies Record<StatusAction, string>;

export function getStatusActions(siteId: number): Promise<StatusActionsView> {
  return unwrap(client.GET('/api/sites/{id}/status-actions', { params: { path: { id: siteId } } }));
}

export function changeStatus(siteId: number, action: StatusAction, reason: string): Promise<StatusChangeResult> {
  return unwrap(client.POST(PATHS[action], { params: { path: { id: siteId } }, body: { reason } }));
}
