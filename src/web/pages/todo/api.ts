// Calls of 待办: the to-do list and its count, 已办, 下级超期, the digest setting; the 填报单位's notices.
import type { ApiBody, ApiResponse } from '../../api/types.ts';
import { client, unwrap } from '../../request.ts';

export type InboxPage = ApiResponse<'/api/inbox', 'get'>;
export type InboxItem = InboxPage['items'][number];
export type DonePage = ApiResponse<'/api/inbox/done', 'get'>;
export type DoneItem = DonePage['items'][number];
export type InboxSettings = ApiResponse<'/api/inbox/settings', 'get'>;

/** Every query of 待办 starts with this key; any successful mutation refreshes them (see useInboxRefresh). */
export const inboxKey = ['inbox'] as const;
export const inboxCountKey = ['inbox', 'count'] as const;
export const siteNoticesKey = ['site', 'notices'] as const;

type Page = { page: number; pageSize: number };

export const listInbox = (q: Page) => unwrap(client.GET('/api/inbox', { params: { query: q } }));
export const inboxCount = () => unwrap(client.GET('/api/inbox/count'));
export const listDone = (q: Page) => unwrap(client.GET('/api/inbox/done', { params: { query: q } }));
export const listOverdueBelow = (q: Page & { level: 'escalated' | 'overdue' }) =>
  unwrap(client.GET('/api/inbox/overdue-below', { params: { query: q } }));
export const getInboxSettings = () => unwrap(client.GET('/api/inbox/settings'));
export const saveInboxSettings = (body: ApiBody<'/api/inbox/settings', 'post'>) =>
  unwrap(client.POST('/api/inbox/settings', { body }));

export const listSiteNotices = () => unwrap(client.GET('/api/site/notices'));
export const markSiteNoticesRead = (ids?: number[]) =>
  unwrap(client.POST('/api/site/notices/read', { body: ids ? { ids } : {} }));
