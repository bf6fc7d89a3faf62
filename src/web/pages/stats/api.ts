// Calls of 基本信息统计: the three figure sets of a scope unit and the xlsx export of one table.
import type { z } from 'zod';
import type { alertStats, requestStats, StatsTable, siteStats } from '../../../server/modules/stats/schema.ts';
import { api } from '../../request.ts';
import { downloadFile } from '../../shared/download-file.ts';

export type SiteStats = z.infer<typeof siteStats>;
export type RequestStats = z.infer<typeof requestStats>;
export type AlertStats = z.infer<typeof alertStats>;
export type { StatsTable };

export const getSiteStats = (org?: string) => api.get<SiteStats>('/api/stats/sites', { org });
export const getRequestStats = (org?: string) => api.get<RequestStats>('/api/stats/requests', { org });
export const getAlerts = (org?: string) => api.get<AlertStats>('/api/stats/alerts', { org });
export const exportTable = (table: StatsTable, org?: string) => downloadFile('/api/stats/export', { table, org });
