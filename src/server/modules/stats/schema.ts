// Request and response schemas of 基本信息统计.
import { z } from 'zod';

export const scopeQuery = z.object({ org: z.string().trim().max(6).optional() });

const labelled = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const scopeView = z.object({
  code: z.string(),
  displayName: z.string(),
  level: z.number().int(),
  /** From the caller's own unit down to the scope unit, for the drill-down breadcrumb. */
  trail: z.array(z.object({ code: z.string(), displayName: z.string() })),
});

export const childRow = z.object({
  /** null for the scope unit's own sites (「本级」). */
  code: z.string().nullable(),
  displayName: z.string(),
  level: z.number().int(),
  hasChildren: z.boolean(),
  total: z.number().int(),
  normal: z.number().int(),
  portals: z.number().int(),
  platforms: z.number().int(),
  /** Sites of the row with an unreachable address on their latest check (链接异常). */
  linkFailing: z.number().int(),
});

export const siteStats = z.object({
  scope: scopeView,
  registered: z.number().int(),
  categories: z.array(labelled),
  runStatus: z.array(labelled),
  servicePlatform: z.array(labelled),
  levels: z.array(labelled),
  children: z.array(childRow),
  /** 链接健康 of the registered sites the nightly sweep checks (正常 and 例外). */
  linkHealth: z.object({
    /** The sites counted: registered and 正常 or 例外. */
    swept: z.number().int(),
    /** One row per class of src/domain/link-health.ts: 链接异常, 底部标识不符, 正常, 未检查. */
    statuses: z.array(labelled),
    /** Of 链接异常: home page unreachable on three consecutive sweeps. */
    flagged: z.number().int(),
  }),
});

const requestGroup = z.object({
  key: z.string(),
  label: z.string(),
  level: z.number().int().nullable(),
  count: z.number().int(),
  medianWaitDays: z.number().nullable(),
});

export const requestStats = z.object({
  scope: scopeView,
  openTotal: z.number().int(),
  byType: z.array(requestGroup),
  byHolder: z.array(requestGroup),
  quarter: z.object({ label: z.string(), newSites: z.number().int(), closedSites: z.number().int() }),
});

export const alertStats = z.object({
  scope: scopeView,
  noPortal: z.object({
    total: z.number().int(),
    items: z.array(z.object({ code: z.string(), displayName: z.string(), level: z.number().int() })),
  }),
  missingFilings: z.object({
    total: z.number().int(),
    icp: z.number().int(),
    psb: z.number().int(),
    conac: z.number().int(),
    items: z.array(
      z.object({
        siteCode: z.string().nullable(),
        name: z.string(),
        orgName: z.string(),
        missing: z.array(z.string()),
      }),
    ),
  }),
  nonGovHosts: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({ siteCode: z.string().nullable(), name: z.string(), homeUrl: z.string(), orgName: z.string() }),
    ),
  }),
  duplicateSponsors: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({ orgCode: z.string(), orgName: z.string(), sponsorName: z.string(), count: z.number().int() }),
    ),
  }),
});

export const STATS_TABLES = [
  'categories',
  'runStatus',
  'servicePlatform',
  'levels',
  'children',
  'linkHealth',
  'requestTypes',
  'requestHolders',
  'noPortal',
  'missingFilings',
  'nonGovHosts',
  'duplicateSponsors',
] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

export const exportQuery = scopeQuery.extend({ table: z.enum(STATS_TABLES) });
