// Calls of 工作年度报表: the 填报单位's report, the units' list and decisions, the printable view.
import type { ApiBody, ApiQuery, ApiResponse } from '../../api/types.ts';
import { client, unwrap } from '../../request.ts';

export type ReportView = ApiResponse<'/api/work-reports/{id}', 'get'>;
export type ReportList = ApiResponse<'/api/work-reports', 'get'>;
export type ReportData = ApiBody<'/api/site/work-report/draft', 'post'>['data'];
export type WindowView = ApiResponse<'/api/work-report-window', 'get'>;

export const workReportKey = ['work-report'] as const;
/** The 填报单位's report of the year being filled. */
export const siteReportKey = [...workReportKey, 'site'] as const;

export const getSiteReport = (year?: number) =>
  unwrap(client.GET('/api/site/work-report', { params: { query: { year } } }));
export const saveDraft = (year: number, version: number, data: ReportData) =>
  unwrap(client.POST('/api/site/work-report/draft', { body: { year, version, data } }));
export const submitReport = (year: number, version: number, data: ReportData) =>
  unwrap(client.POST('/api/site/work-report/submit', { body: { year, version, data } }));
export const publishReport = (year: number, version: number, url: string) =>
  unwrap(client.POST('/api/site/work-report/publish', { body: { year, version, url } }));

export type ListQuery = ApiQuery<'/api/work-reports', 'get'>;
export const listReports = (q: ListQuery) => unwrap(client.GET('/api/work-reports', { params: { query: q } }));
const path = (id: number) => ({ params: { path: { id } } });
export const getReport = (id: number) => unwrap(client.GET('/api/work-reports/{id}', path(id)));
export const approveReport = (id: number, version: number) =>
  unwrap(client.POST('/api/work-reports/{id}/approve', { ...path(id), body: { version } }));
export const returnReport = (id: number, version: number, reason: string) =>
  unwrap(client.POST('/api/work-reports/{id}/return', { ...path(id), body: { version, reason } }));
export const approvePage = (items: { id: number; version: number }[]) =>
  unwrap(client.POST('/api/work-reports/approve-page', { body: { items } }));

export const waitingKey = [...workReportKey, 'waiting'] as const;
export const waitingCount = () => unwrap(client.GET('/api/work-reports/waiting'));

export const getWindow = (year: number) =>
  unwrap(client.GET('/api/work-report-window', { params: { query: { year } } }));
export const saveWindow = (w: ApiBody<'/api/work-report-window', 'post'>) =>
  unwrap(client.POST('/api/work-report-window', { body: w }));

export type ProgressBoard = ApiResponse<'/api/work-reports/progress', 'get'>;
export type ProgressQuery = ApiQuery<'/api/work-reports/progress', 'get'>;
export const getProgress = (q: ProgressQuery) =>
  unwrap(client.GET('/api/work-reports/progress', { params: { query: q } }));
