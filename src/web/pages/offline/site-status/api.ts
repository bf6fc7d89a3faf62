// Calls of 例外 / 删除 / 恢复正常 on one site (SPEC §7.7).
import type { z } from 'zod';
import type { statusActionsView, statusChangeResult } from '../../../../server/modules/offline/schema.ts';
import { api } from '../../../request.ts';

export type StatusActionsView = z.infer<typeof statusActionsView>;
export type StatusChangeResult = z.infer<typeof statusChangeResult>;
export type StatusAction = keyof StatusActionsView['abilities'];

const PATHS: Record<StatusAction, string> = { EXCEPTION: 'exception', DELETE: 'delete', RESTORE: 'restore' };

export function getStatusActions(siteId: number): Promise<StatusActionsView> {
  return api.get<StatusActionsView>(`/api/sites/${siteId}/status-actions`);
}

export function changeStatus(siteId: number, action: StatusAction, reason: string): Promise<StatusChangeResult> {
  return api.post(`/api/sites/${siteId}/${PATHS[action]}`, { reason });
}
