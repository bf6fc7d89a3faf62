// Calls of the progress page: the 临时码 query and the applicant's withdrawal.
import type { ApiResponse } from '../../api/types.ts';
import { client, unwrap } from '../../request.ts';

export type Progress = ApiResponse<'/api/public/progress', 'post'>;
export type WithdrawResult = ApiResponse<'/api/public/applications/withdraw', 'post'>;

export function queryProgress(tempCode: string): Promise<Progress> {
  return unwrap(client.POST('/api/public/progress', { body: { tempCode } }));
}

export function withdrawApplication(tempCode: string): Promise<WithdrawResult> {
  return unwrap(client.POST('/api/public/applications/withdraw', { body: { tempCode } }));
}
