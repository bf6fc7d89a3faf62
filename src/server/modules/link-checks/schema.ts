// Request and response schemas of the link-check API (shared with the web client's types).
import { z } from 'zod';
import { FOOTER_ITEMS, FOOTER_STATUSES } from '../../../domain/footer-check.ts';
import { LINK_HEALTH_STATUSES } from '../../../domain/link-health.ts';

export const LINK_CHECK_ERRORS = [
  'TIMEOUT',
  'DNS',
  'REFUSED_TARGET',
  'TLS',
  'CONNECTION',
  'TOO_MANY_REDIRECTS',
  'REDIRECT_LOOP',
  'HTTP_ERROR',
  'ROBOTS',
] as const;
export type LinkCheckError = (typeof LINK_CHECK_ERRORS)[number];

/** HOME: 首页网址; DOMAIN: `https://<其他域名>/`; COLUMN: a 栏目 address (robots.txt respected). */
export const LINK_KINDS = ['HOME', 'DOMAIN', 'COLUMN'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const linkCheckBody = z.object({
  url: z.string().trim().min(1, '请填写网址').max(2000, '网址过长'),
  /** HOME ignores robots.txt; COLUMN (a 栏目 address) respects it. */
  kind: z.enum(['HOME', 'COLUMN']).default('HOME'),
});

const redirectHop = z.object({ status: z.number().int(), location: z.string() });

export const linkCheckResult = z.object({
  url: z.string(),
  ok: z.boolean(),
  status: z.number().int().optional(),
  finalUrl: z.string().optional(),
  redirects: z.array(redirectHop),
  elapsedMs: z.number().int(),
  error: z.enum(LINK_CHECK_ERRORS).optional(),
  message: z.string(),
});

export const siteIdParam = z.object({ id: z.coerce.number().int().positive() });

const footerFinding = z.object({
  item: z.enum(FOOTER_ITEMS),
  status: z.enum(FOOTER_STATUSES),
  expected: z.string().nullable(),
  found: z.array(z.string()),
  message: z.string(),
});

export const linkHealthView = z.object({
  siteId: z.number().int(),
  siteCode: z.string().nullable(),
  name: z.string(),
  homeUrl: z.string(),
  /** Null until the first sweep reached the site. */
  checkedAt: z.string().nullable(),
  homeOk: z.boolean().nullable(),
  homeConsecutiveFailures: z.number().int(),
  /** Home page unreachable on three consecutive sweeps. */
  flagged: z.boolean(),
  flaggedSince: z.string().nullable(),
  urlsTotal: z.number().int(),
  urlsFailed: z.number().int(),
  urls: z.array(
    z.object({
      kind: z.enum(LINK_KINDS),
      url: z.string(),
      checkedAt: z.string(),
      ok: z.boolean(),
      status: z.number().int().nullable(),
      elapsedMs: z.number().int(),
      error: z.enum(LINK_CHECK_ERRORS).nullable(),
      message: z.string(),
      finalUrl: z.string().nullable(),
      redirects: z.array(redirectHop),
    }),
  ),
  footer: z.object({ findings: z.array(footerFinding), problems: z.number().int(), truncated: z.boolean() }).nullable(),
});
export type LinkHealthView = z.infer<typeof linkHealthView>;

/** 链接健康 filter of the site list: one class of src/domain/link-health.ts. */
export const linkHealthFilter = z.enum(LINK_HEALTH_STATUSES);

/** The 链接健康 column of a list row: the class and the figures of the latest check (none when UNCHECKED). */
export const linkHealthCell = z.object({
  status: z.enum(LINK_HEALTH_STATUSES),
  label: z.string(),
  checkedAt: z.string().nullable(),
  homeOk: z.boolean().nullable(),
  /** Home page unreachable on three consecutive sweeps. */
  flagged: z.boolean(),
  homeConsecutiveFailures: z.number().int(),
  urlsTotal: z.number().int(),
  urlsFailed: z.number().int(),
  footerProblems: z.number().int(),
});
export type LinkHealthCell = z.infer<typeof linkHealthCell>;
