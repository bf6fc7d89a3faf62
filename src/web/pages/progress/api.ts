// Calls of the progress page: the 临时码 query and the applicant's withdrawal.
import type { z } from 'zod';
import type { progressResult, withdrawResult } from '../../../server/modules/applications/schema.ts';
import { api } from '../../request.ts';

export type Progress = z.infer<typeof progressResult>;
export type WithdrawResult = z.infer<typeof withdrawResult>;

export function queryProgress(tempCode: string): Promise<Progress> {
  return api.post<Progress>('/api/public/progress', { tempCode });
}

export function withdrawApplication(tempCode: string): Promise<WithdrawResult> {
  return api.post<WithdrawResult>('/api/public/applications/withdraw', { tempCode });
}
