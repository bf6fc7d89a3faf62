// Calls of 监管年度报表: the unit's report of a year, create, save, refresh the prefill, submit; the root's list,
// approve and return.
import type { z } from 'zod';
import type { EnteredValues } from '../../../domain/annual-report/supervision-report-checks.ts';
import type { reportList, reportView } from '../../../server/modules/supervision-reports/schema.ts';
import { api } from '../../request.ts';

export type ReportView = z.infer<typeof reportView>;
export type ReportListItem = z.infer<typeof reportList>['items'][number];

export const reportsKey = ['supervision-reports'] as const;
export const mineKey = (year: number) => [...reportsKey, 'mine', year] as const;
export const listKey = (year: number) => [...reportsKey, 'list', year] as const;
export const reportKey = (id: number) => [...reportsKey, 'report', id] as const;

export const getMine = (year: number) =>
  api.get<{ report: ReportView | null }>('/api/supervision-reports/mine', { year });
export const openReport = (year: number) => api.post<ReportView>('/api/supervision-reports', { year });
export const getReport = (id: number) => api.get<ReportView>(`/api/supervision-reports/${id}`);
export const listReports = (year: number) =>
  api.get<{ year: number; items: ReportListItem[] }>('/api/supervision-reports', { year });
export const saveDraft = (id: number, version: number, data: EnteredValues) =>
  api.post<ReportView>(`/api/supervision-reports/${id}/draft`, { version, data });
export const refreshPrefill = (id: number, version: number) =>
  api.post<ReportView>(`/api/supervision-reports/${id}/refresh-prefill`, { version });
export const submitReport = (id: number, version: number) =>
  api.post<ReportView>(`/api/supervision-reports/${id}/submit`, { version });
export const approveReport = (id: number, version: number) =>
  api.post<ReportView>(`/api/supervision-reports/${id}/approve`, { version });
export const returnReport = (id: number, version: number, reason: string) =>
  api.post<ReportView>(`/api/supervision-reports/${id}/return`, { version, reason });
