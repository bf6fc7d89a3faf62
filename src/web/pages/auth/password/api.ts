// Call of 修改密码.
import type { ApiBody, ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type ChangePasswordInput = ApiBody<'/api/auth/password', 'post'>;

export function changePassword(input: ChangePasswordInput): Promise<ApiResponse<'/api/auth/password', 'post'>> {
  return unwrap(client.POST('/api/auth/password', { body: input }));
}
