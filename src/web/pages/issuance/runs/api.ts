// Calls of 标识码生成 (root): the ledger of batch runs, the dry-run preview and the manual run.
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type RunPage = ApiResponse<'/api/issuance/runs', 'get'>;
export type IssuanceRun = RunPage['items'][number];
export type IssuancePreview = ApiResponse<'/api/issuance/preview', 'post'>;
export type RunResult = ApiResponse<'/api/issuance/run', 'post'>;

export const issuanceRunsKey = ['issuance-runs'] as const;

export function listRuns(query: { page: number; pageSize: number; includeDryRuns: boolean }): Promise<RunPage> {
  return unwrap(
    client.GET('/api/issuance/runs', {
      params: { query: { ...query, includeDryRuns: query.includeDryRuns ? 'true' : 'false' } },
    }),
  );
}

export function previewIssuance(): Promise<IssuancePreview> {
  return unwrap(client.POST('/api/issuance/preview'));
}

export function runIssuance(): Promise<RunResult> {
  return unwrap(client.POST('/api/issuance/run'));
}
