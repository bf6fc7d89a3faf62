// Calls of 待办: the to-do list and its count, 已办, 下级超期, the digest setting; the 填报单位's notices.
import type { z } from 'zod';
import type {
  donePage,
  inboxCount as inboxCountSchema,
  inboxPage,
  inboxSettings,
} from '../../../server/modules/inbox/schema.ts';
import type { siteNoticeList } from '../../../server/modules/notifications/schema.ts';
import { api } from '../../request.ts';

export type InboxPage = z.infer<typeof inboxPage>;
export type InboxItem = InboxPage['items'][number];
export type DonePage = z.infer<typeof donePage>;
export type DoneItem = DonePage['items'][number];
export type InboxCount = z.infer<typeof inboxCountSchema>;
export type InboxSettings = z.infer<typeof inboxSettings>;
export type SiteNoticeList = z.infer<typeof siteNoticeList>;

/** Every query of 待办 starts with this key; any successful mutation refreshes them (see useInboxRefresh). */
export const inboxKey = ['inbox'] as const;
export const inboxCountKey = ['inbox', 'count'] as const;
export const siteNoticesKey = ['site', 'notices'] as const;

type Page = { page: number; pageSize: number };

export const listInbox = (q: Page) => api.get<InboxPage>('/api/inbox', q);
export const inboxCount = () => api.get<InboxCount>('/api/inbox/count');
export const listDone = (q: Page) => api.get<DonePage>('/api/inbox/done', q);
export const listOverdueBelow = (q: Page & { level: 'escalated' | 'overdue' }) =>
  api.get<InboxPage>('/api/inbox/overdue-below', q);
export const getInboxSettings = () => api.get<InboxSettings>('/api/inbox/settings');
export const saveInboxSettings = (body: { digestEnabled: boolean; email: string | null }) =>
  api.post<InboxSettings>('/api/inbox/settings', body);

export const listSiteNotices = () => api.get<SiteNoticeList>('/api/site/notices');
export const markSiteNoticesRead = (ids?: number[]) =>
  api.post<{ updated: number }>('/api/site/notices/read', ids ? { ids } : {});
