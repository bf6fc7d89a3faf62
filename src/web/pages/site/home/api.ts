// Calls of the 填报单位 home: its workspace (record, status, reviewers, 审核流水, buttons), the flag and 其他域名
// requests and 撤回申请.
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type SiteHome = ApiResponse<'/api/site/home', 'get'>;
export type SiteAction = SiteHome['actions'][number];
export type FiledRequest = ApiResponse<'/api/site/portal', 'post'>;

/** Every query of the site workspace starts with this key; invalidate it after each change. */
export const siteKey = ['site'] as const;
export const siteHomeKey = [...siteKey, 'home'] as const;

export function getSiteHome(): Promise<SiteHome> {
  return unwrap(client.GET('/api/site/home'));
}

export function requestPortal(isPortal: boolean): Promise<FiledRequest> {
  return unwrap(client.POST('/api/site/portal', { body: { isPortal } }));
}

export function requestServicePlatform(isServicePlatform: boolean): Promise<FiledRequest> {
  return unwrap(client.POST('/api/site/service-platform', { body: { isServicePlatform } }));
}

export function requestDomains(hosts: string[]): Promise<FiledRequest> {
  return unwrap(client.POST('/api/site/domains', { body: { hosts } }));
}

export function withdrawRequest(id: number, version: number): Promise<FiledRequest> {
  return unwrap(client.POST('/api/site/requests/{id}/withdraw', { params: { path: { id } }, body: { version } }));
}
