// Calls of 上报抽查情况: the report of a quarter, save/submit, sample suggestion, site picker, roll-up and return.
import type { z } from 'zod';
import type {
  linkProblems,
  reportList,
  reportView,
  rollup,
  saveReportBody,
  sitePicker,
  suggestion,
} from '../../../server/modules/spot-checks/schema.ts';
import { api } from '../../request.ts';

export type ReportView = z.infer<typeof reportView>;
export type SaveInput = z.input<typeof saveReportBody>;
export type Suggestion = z.infer<typeof suggestion>;
export type Rollup = z.infer<typeof rollup>;
export type RollupRow = Rollup['rows'][number];
export type PickerSite = z.infer<typeof sitePicker>['items'][number];
export type OwnReport = z.infer<typeof reportList>['items'][number];
export type LinkProblem = z.infer<typeof linkProblems>['items'][number];
export { PROBLEM_TYPE_LABELS, PROBLEM_TYPES } from '../../../server/modules/spot-checks/schema.ts';

export interface QuarterKey {
  year: number;
  quarter: number;
}

export const reportKey = (q: QuarterKey, org?: string) =>
  ['spot-checks', 'report', q.year, q.quarter, org ?? ''] as const;

export const getReport = (q: QuarterKey, org?: string) => api.get<ReportView>('/api/spot-checks/report', { ...q, org });
export const saveReport = (input: SaveInput) => api.post<ReportView>('/api/spot-checks/report', input);
export const submitReport = (q: QuarterKey, version: number) =>
  api.post<ReportView>('/api/spot-checks/report/submit', { ...q, version });
export const suggestSample = (q: QuarterKey, ratio: number) =>
  api.post<Suggestion>('/api/spot-checks/sample-suggestion', { ...q, ratio });
export const getLinkProblems = () => api.get<{ total: number; items: LinkProblem[] }>('/api/spot-checks/link-problems');
export const pickSites = (q: string) => api.get<{ items: PickerSite[] }>('/api/spot-checks/sites', { q });
export const ownReports = () => api.get<{ items: OwnReport[] }>('/api/spot-checks/mine');
export const getRollup = (q: QuarterKey) => api.get<Rollup>('/api/spot-checks/rollup', { ...q });
export const returnReport = (id: number, reason: string) =>
  api.post<{ ok: true }>(`/api/spot-checks/${id}/return`, { reason });
