// Calls of 账号管理: list, create, enable/disable and reset password of accounts in the admin's subtree.
import type { ApiBody, ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type AccountPage = ApiResponse<'/api/accounts', 'get'>;
export type Account = AccountPage['items'][number];
export type CreateAccountInput = ApiBody<'/api/accounts', 'post'>;
export type InitialPassword = ApiResponse<'/api/accounts/{id}/reset-password', 'post'>;

export const accountsKey = ['accounts'] as const;

export function listAccounts(query: { q?: string; page: number; pageSize: number }): Promise<AccountPage> {
  return unwrap(client.GET('/api/accounts', { params: { query } }));
}

export function createAccount(input: CreateAccountInput): Promise<ApiResponse<'/api/accounts', 'post'>> {
  return unwrap(client.POST('/api/accounts', { body: input }));
}

export function setAccountEnabled(
  id: number,
  enabled: boolean,
): Promise<ApiResponse<'/api/accounts/{id}/enabled', 'post'>> {
  return unwrap(client.POST('/api/accounts/{id}/enabled', { params: { path: { id } }, body: { enabled } }));
}

export function resetAccountPassword(id: number): Promise<InitialPassword> {
  return unwrap(client.POST('/api/accounts/{id}/reset-password', { params: { path: { id } } }));
}
