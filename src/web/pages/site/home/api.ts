// Calls of the 填报单位 home: its workspace (record, status, reviewers, 审核流水, buttons), the flag and 其他域名
// requests and 撤回申请.
import type { z } from 'zod';
import type { filedRequest, siteHome } from '../../../../server/modules/site-workspace/schema.ts';
import { api } from '../../../request.ts';

export type SiteHome = z.infer<typeof siteHome>;
export type SiteAction = SiteHome['actions'][number];
export type FiledRequest = z.infer<typeof filedRequest>;

/** Every query of the site workspace starts with this key; invalidate it after each change. */
export const siteKey = ['site'] as const;
export const siteHomeKey = [...siteKey, 'home'] as const;

export function getSiteHome(): Promise<SiteHome> {
  return api.get<SiteHome>('/api/site/home');
}

export function requestPortal(isPortal: boolean): Promise<FiledRequest> {
  return api.post('/api/site/portal', { isPortal });
}

export function requestServicePlatform(isServicePlatform: boolean): Promise<FiledRequest> {
  return api.post('/api/site/service-platform', { isServicePlatform });
}

export function requestDomains(hosts: string[]): Promise<FiledRequest> {
  return api.post('/api/site/domains', { hosts });
}

export function withdrawRequest(id: number, version: number): Promise<FiledRequest> {
  return api.post(`/api/site/requests/${id}/withdraw`, { version });
}
