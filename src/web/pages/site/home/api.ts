// Calls of the 填报单位 home: the signed-in site's own record.
import type { z } from 'zod';
import type { siteRecord } from '../../../../server/modules/auth/site-schema.ts';
import { api } from '../../../request.ts';

export type SiteRecord = z.infer<typeof siteRecord>;

export const siteRecordKey = ['site', 'me'] as const;

export function getSiteRecord(): Promise<SiteRecord> {
  return api.get<SiteRecord>('/api/site/me');
}
