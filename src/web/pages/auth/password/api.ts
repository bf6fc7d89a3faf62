// Call of 修改密码.
import type { z } from 'zod';
import type { changePasswordBody } from '../../../../server/modules/auth/schema.ts';
import { api } from '../../../request.ts';

export type ChangePasswordInput = z.input<typeof changePasswordBody>;

export function changePassword(input: ChangePasswordInput): Promise<{ ok: true }> {
  return api.post('/api/auth/password', input);
}
