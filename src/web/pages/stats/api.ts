// Calls of 基本信息统计: the three figure sets of a scope unit and the xlsx export of one table.
import type { ApiQuery, ApiResponse } from '../../api/types.ts';
import { client, unwrap } from '../../request.ts';
import { downloadFile } from '../../shared/download-file.ts';

export type SiteStats = ApiResponse<'/api/stats/sites', 'get'>;
export type RequestStats = ApiResponse<'/api/stats/requests', 'get'>;
export type AlertStats = ApiResponse<'/api/stats/alerts', 'get'>;
export type StatsTable = ApiQuery<'/api/stats/export', 'get'>['table'];

export const getSiteStats = (org?: string) => unwrap(client.GET('/api/stats/sites', { params: { query: { org } } }));
export const getRequestStats = (org?: string) =>
  unwrap(client.GET('/api/stats/requests', { params: { query: { org } } }));
export const getAlerts = (org?: string) => unwrap(client.GET('/api/stats/alerts', { params: { query: { org } } }));
export const exportTable = (table: StatsTable, org?: string) => downloadFile('/api/stats/export', { table, org });
