// Calls of 账号管理: list, create, enable/disable and reset password of accounts in the admin's subtree.
import type { z } from 'zod';
import type {
  account,
  accountPage,
  createAccountBody,
  initialPasswordBody,
} from '../../../../server/modules/accounts/schema.ts';
import { api } from '../../../request.ts';

export type Account = z.infer<typeof account>;
export type AccountPage = z.infer<typeof accountPage>;
export type CreateAccountInput = z.input<typeof createAccountBody>;
export type InitialPassword = z.infer<typeof initialPasswordBody>;

export const accountsKey = ['accounts'] as const;

export function listAccounts(query: { q?: string; page: number; pageSize: number }): Promise<AccountPage> {
  return api.get<AccountPage>('/api/accounts', query);
}

export function createAccount(input: CreateAccountInput): Promise<{ id: number; initialPassword: string }> {
  return api.post('/api/accounts', input);
}

export function setAccountEnabled(id: number, enabled: boolean): Promise<{ ok: true }> {
  return api.post(`/api/accounts/${id}/enabled`, { enabled });
}

export function resetAccountPassword(id: number): Promise<InitialPassword> {
  return api.post(`/api/accounts/${id}/reset-password`);
}
