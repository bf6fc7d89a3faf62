// Calls of 登录日志: login attempts of accounts in the admin's subtree, newest first.
import type { z } from 'zod';
import type { loginLogEntry, loginLogPage } from '../../../../server/modules/accounts/schema.ts';
import { api } from '../../../request.ts';

export type LoginLogEntry = z.infer<typeof loginLogEntry>;
export type LoginLogPage = z.infer<typeof loginLogPage>;

export function listLoginLog(query: { page: number; pageSize: number }): Promise<LoginLogPage> {
  return api.get<LoginLogPage>('/api/login-log', query);
}
