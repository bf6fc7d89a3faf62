// Calls of 上报抽查情况: the report of a quarter, save/submit, sample suggestion, site picker, roll-up and return.
import type { ApiBody, ApiResponse } from '../../api/types.ts';
import { client, unwrap } from '../../request.ts';

export type ReportView = ApiResponse<'/api/spot-checks/report', 'get'>;
export type SaveInput = ApiBody<'/api/spot-checks/report', 'post'>;
export type Suggestion = ApiResponse<'/api/spot-checks/sample-suggestion', 'post'>;
export type Rollup = ApiResponse<'/api/spot-checks/rollup', 'get'>;
export type RollupRow = Rollup['rows'][number];
export type LinkProblem = ApiResponse<'/api/spot-checks/link-problems', 'get'>['items'][number];
export { PROBLEM_TYPE_LABELS, PROBLEM_TYPES } from '../../../domain/spot-check.ts';

export interface QuarterKey {
  year: number;
  quarter: number;
}

export const reportKey = (q: QuarterKey, org?: string) =>
  ['spot-checks', 'report', q.year, q.quarter, org ?? ''] as const;

export const getReport = (q: QuarterKey, org?: string) =>
  unwrap(client.GET('/api/spot-checks/report', { params: { query: { ...q, org } } }));
export const saveReport = (input: SaveInput) => unwrap(client.POST('/api/spot-checks/report', { body: input }));
export const submitReport = (q: QuarterKey, version: number) =>
  unwrap(client.POST('/api/spot-checks/report/submit', { body: { ...q, version } }));
export const suggestSample = (q: QuarterKey, ratio: number) =>
  unwrap(client.POST('/api/spot-checks/sample-suggestion', { body: { ...q, ratio } }));
export const getLinkProblems = () => unwrap(client.GET('/api/spot-checks/link-problems'));
export const pickSites = (q: string) => unwrap(client.GET('/api/spot-checks/sites', { params: { query: { q } } }));
export const ownReports = () => unwrap(client.GET('/api/spot-checks/mine'));
export const getRollup = (q: QuarterKey) => unwrap(client.GET('/api/spot-checks/rollup', { params: { query: q } }));
export const returnReport = (id: number, reason: string) =>
  unwrap(client.POST('/api/spot-checks/{id}/return', { params: { path: { id } }, body: { reason } }));
