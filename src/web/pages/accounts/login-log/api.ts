// Calls of 登录日志: login attempts of accounts in the admin's subtree, newest first.
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type LoginLogPage = ApiResponse<'/api/login-log', 'get'>;
export type LoginLogEntry = LoginLogPage['items'][number];

export function listLoginLog(query: { page: number; pageSize: number }): Promise<LoginLogPage> {
  return unwrap(client.GET('/api/login-log', { params: { query } }));
}
