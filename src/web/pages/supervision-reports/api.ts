// Calls of 监管年度报表: the unit's report of a year, create, save, refresh the prefill, submit; the root's list,
// approve and return.
import type { EnteredValues } from '../../../domain/annual-report/supervision-report-checks.ts';
import type { ApiResponse } from '../../api/types.ts';
import { client, unwrap } from '../../request.ts';

export type ReportView = ApiResponse<'/api/supervision-reports/{id}', 'get'>;
export type ReportListItem = ApiResponse<'/api/supervision-reports', 'get'>['items'][number];

export const reportsKey = ['supervision-reports'] as const;
export const mineKey = (year: number) => [...reportsKey, 'mine', year] as const;
export const listKey = (year: number) => [...reportsKey, 'list', year] as const;
export const reportKey = (id: number) => [...reportsKey, 'report', id] as const;

const path = (id: number) => ({ params: { path: { id } } });

export const getMine = (year: number) =>
  unwrap(client.GET('/api/supervision-reports/mine', { params: { query: { year } } }));
export const openReport = (year: number) => unwrap(client.POST('/api/supervision-reports', { body: { year } }));
export const getReport = (id: number) => unwrap(client.GET('/api/supervision-reports/{id}', path(id)));
export const listReports = (year: number) =>
  unwrap(client.GET('/api/supervision-reports', { params: { query: { year } } }));
export const saveDraft = (id: number, version: number, data: EnteredValues) =>
  unwrap(client.POST('/api/supervision-reports/{id}/draft', { ...path(id), body: { version, data } }));
export const refreshPrefill = (id: number, version: number) =>
  unwrap(client.POST('/api/supervision-reports/{id}/refresh-prefill', { ...path(id), body: { version } }));
export const submitReport = (id: number, version: number) =>
  unwrap(client.POST('/api/supervision-reports/{id}/submit', { ...path(id), body: { version } }));
export const approveReport = (id: number, version: number) =>
  unwrap(client.POST('/api/supervision-reports/{id}/approve', { ...path(id), body: { version } }));
export const returnReport = (id: number, version: number, reason: string) =>
  unwrap(client.POST('/api/supervision-reports/{id}/return', { ...path(id), body: { version, reason } }));
