// Calls of 工作年度报表: the 填报单位's report, the units' list and decisions, the printable view.
import type { z } from 'zod';
import type { ReportView, reportList, WindowView } from '../../../server/modules/work-reports/schema.ts';
import { api } from '../../request.ts';

export type { ReportView };
export type ReportList = z.infer<typeof reportList>;
export type ReportData = ReportView['data'];

export const workReportKey = ['work-report'] as const;
/** The 填报单位's report of the year being filled. */
export const siteReportKey = [...workReportKey, 'site'] as const;

export const getSiteReport = (year?: number) => api.get<ReportView>('/api/site/work-report', { year });
export const saveDraft = (year: number, version: number, data: ReportData) =>
  api.post<ReportView>('/api/site/work-report/draft', { year, version, data });
export const submitReport = (year: number, version: number, data: ReportData) =>
  api.post<ReportView>('/api/site/work-report/submit', { year, version, data });
export const publishReport = (year: number, version: number, url: string) =>
  api.post<ReportView>('/api/site/work-report/publish', { year, version, url });

export interface ListQuery {
  year?: number;
  state?: string;
  q?: string;
  mine?: string;
  page: number;
  pageSize: number;
}
export const listReports = (q: ListQuery) => api.get<ReportList>('/api/work-reports', { ...q });
export const getReport = (id: number) => api.get<ReportView>(`/api/work-reports/${id}`);
export const approveReport = (id: number, version: number) =>
  api.post<ReportView>(`/api/work-reports/${id}/approve`, { version });
export const returnReport = (id: number, version: number, reason: string) =>
  api.post<ReportView>(`/api/work-reports/${id}/return`, { version, reason });
export const approvePage = (items: { id: number; version: number }[]) =>
  api.post<{ approved: number; skipped: { id: number; reason: string }[] }>('/api/work-reports/approve-page', {
    items,
  });

export const waitingKey = [...workReportKey, 'waiting'] as const;
export const waitingCount = () => api.get<{ count: number }>('/api/work-reports/waiting');

export const getWindow = (year: number) => api.get<WindowView>('/api/work-report-window', { year });
export const saveWindow = (w: { year: number; fillFrom: string; fillTo: string; publishBy: string }) =>
  api.post<WindowView>('/api/work-report-window', w);
