// Schemas of the 填报单位's in-app notices (decisions on its requests, shown on its home page).
import { z } from 'zod';

export const siteNotice = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const siteNoticeList = z.object({ items: z.array(siteNotice), unread: z.number().int() });

export const siteNoticesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Without `ids`: every notice of the site is marked read. */
export const markReadBody = z.object({
  ids: z.array(z.number().int().positive()).max(100, '一次最多标记 100 条').optional(),
});

export const markReadResult = z.object({ updated: z.number().int() });
