// Calls of 标识码生成 (root): the ledger of batch runs, the dry-run preview and the manual run.
import type { z } from 'zod';
import type { issuancePreview, issuanceRun, runPage, runResult } from '../../../../server/modules/issuance/schema.ts';
import { api } from '../../../request.ts';

export type IssuanceRun = z.infer<typeof issuanceRun>;
export type RunPage = z.infer<typeof runPage>;
export type IssuancePreview = z.infer<typeof issuancePreview>;
export type RunResult = z.infer<typeof runResult>;

export const issuanceRunsKey = ['issuance-runs'] as const;

export function listRuns(query: { page: number; pageSize: number; includeDryRuns: boolean }): Promise<RunPage> {
  return api.get<RunPage>('/api/issuance/runs', { ...query, includeDryRuns: String(query.includeDryRuns) });
}

export function previewIssuance(): Promise<IssuancePreview> {
  return api.post<IssuancePreview>('/api/issuance/preview');
}

export function runIssuance(): Promise<RunResult> {
  return api.post<RunResult>('/api/issuance/run');
}
