// Schemas of the organizing unit's workspace (政府网站和栏目基本信息表): list, review actions, bulk actions, view, export.
import { z } from 'zod';
import { REQUEST_TYPES } from '../../../domain/requests.ts';
import {
  ORG_STATUS_FILTERS,
  type OrgStatusFilter,
  RUN_STATUS_FILTERS,
  type RunStatusFilter,
} from '../../../shared/site-list.ts';
import { linkHealthCell, linkHealthFilter } from '../link-checks/schema.ts';
import { offlineRow } from '../offline/schema.ts';
import { ability } from '../requests/schema.ts';

// The list filter and the web client read the request types and their labels here; the domain defines them.
export { REQUEST_TYPE_LABELS, REQUEST_TYPES } from '../../../domain/requests.ts';
export {
  ORG_STATUS_FILTERS,
  type OrgStatusFilter,
  RUN_STATUS_FILTERS,
  type RunStatusFilter,
  SITE_COLUMN_TITLES,
  type SiteColumnKey,
} from '../../../shared/site-list.ts';
// Shared with site-workspace and offline, which sit below review: kept importable from here for the web UI.
export {
  ability,
  approveBody,
  auditEntry,
  auditTrail,
  idParam,
  transitionResult,
} from '../requests/schema.ts';

export const SORT_KEYS = ['default', 'updatedAt', 'name', 'siteCode'] as const;
export const REVIEW_PAGE_SIZES = [20, 50, 100] as const;

const boolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const orgCodeParam = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{6}$/, '组织单位标识码为 6 位')
  .optional();
const text = (max: number) => z.string().trim().max(max).optional();

/** Every filter of the list (SPEC §8.1 1.1); shared by the list, the page export and the full export. */
export const siteFilterShape = {
  name: text(100),
  siteCode: text(10),
  homeUrl: text(200),
  province: orgCodeParam,
  city: orgCodeParam,
  county: orgCodeParam,
  isPortal: boolParam,
  isServicePlatform: boolParam,
  runStatus: z.enum(Object.keys(RUN_STATUS_FILTERS) as [RunStatusFilter, ...RunStatusFilter[]]).optional(),
  includeDeleted: boolParam,
  orgStatus: z.enum(Object.keys(ORG_STATUS_FILTERS) as [OrgStatusFilter, ...OrgStatusFilter[]]).optional(),
  sponsor: text(100),
  requestType: z.enum(REQUEST_TYPES).optional(),
  waitingForMe: boolParam,
  /** 链接健康: the class of the latest nightly check (src/domain/link-health.ts). */
  linkHealth: linkHealthFilter.optional(),
  sort: z.enum(SORT_KEYS).default('default'),
  order: z.enum(['asc', 'desc']).default('desc'),
};

const pageShape = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (REVIEW_PAGE_SIZES as readonly number[]).includes(n), '每页条数只能是 20、50 或 100')
    .default(20),
};

export const listSitesQuery = z.object({ ...siteFilterShape, ...pageShape });
export const exportAllQuery = z.object(siteFilterShape);
export type SiteFilters = z.infer<typeof exportAllQuery>;
export type ListSitesQuery = z.infer<typeof listSitesQuery>;

export const rowRequest = z.object({
  id: z.number().int(),
  type: z.enum(REQUEST_TYPES),
  typeLabel: z.string(),
  state: z.string(),
  version: z.number().int(),
  stepIndex: z.number().int(),
  chain: z.array(z.string()),
  currentOrg: z.string().nullable(),
});

/** One request a row shows, with its own 申报状态 and abilities (SPEC §16 item 20: two may be open at once). */
export const shownRequest = rowRequest.extend({
  /** 审核 (NEW_SITE), 办结修改审核通过 / 退回 (CHANGE) or 下线审核 通过 / 驳回 (OFFLINE). */
  kind: z.enum(['NEW_SITE', 'CHANGE', 'OFFLINE']),
  open: z.boolean(),
  /** 申报状态 of this request as the caller's unit sees it. */
  orgStatus: z.string(),
  abilities: z.object({ approve: ability, return: ability, submit: ability }),
});

export const siteRow = z.object({
  id: z.number().int(),
  siteCode: z.string().nullable(),
  name: z.string(),
  homeUrl: z.string(),
  orgCode: z.string(),
  province: z.string(),
  city: z.string(),
  county: z.string(),
  sponsorName: z.string(),
  isPortal: z.boolean(),
  isServicePlatform: z.boolean(),
  runStatus: z.string(),
  /** 列表状态: the run-status text the organizing unit sees; empty for an application. */
  listStatus: z.string(),
  /** 申报状态: orgStatusText() of the shown requests (each labelled with orgStatusLabel); empty without one. */
  orgStatus: z.string(),
  updatedAt: z.string(),
  waitingForMe: z.boolean(),
  /** 「逾期」: the open step has waited past the review deadline (issue 9). */
  overdue: z.boolean(),
  /** The first of `requests`: the open non-emergency request, else the open emergency, else the last ended. */
  request: rowRequest.nullable(),
  /** Every open request of the site (or, none open, the one that ended last), each acted on by itself. */
  requests: z.array(shownRequest),
  abilities: z.object({
    approve: ability,
    return: ability,
    submit: ability,
    view: ability,
    /** 办结修改审核通过 / 办结修改审核退回 of a modification, flag or 其他域名 request (SPEC §8.1 1.6–1.7). */
    approveModification: ability,
    returnModification: ability,
    /** 重置校验码 (SPEC §8.1 #10): the site's 本级组织单位, once the site has a 网站标识码. */
    resetCheckCode: ability,
  }),
});
export type SiteRowView = z.infer<typeof siteRow>;

/** A row of the list page: the row and its 链接健康 column (not in the exports or 查看). */
export const siteListItem = siteRow.extend({ linkHealth: linkHealthCell });
export type SiteListItemView = z.infer<typeof siteListItem>;

export const sitePage = z.object({
  items: z.array(siteListItem),
  /** Matching rows, counted exactly up to a few thousand (and always past the page shown); see `totalExact`. */
  total: z.number().int(),
  /** false: more rows match than were counted (the list says 「超过 N 条」). */
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Rows in the caller's subtree waiting for the caller's unit, whatever the other filters. */
  waitingCount: z.number().int(),
});

export const returnBody = z.object({
  reason: z.string().trim().min(1, '请填写退回原因').max(500, '退回原因不能超过 500 个字'),
  version: z.number().int().positive().optional(),
});

export const bulkBody = z.object({
  ids: z.array(z.number().int().positive()).min(1, '当页没有可处理的申请').max(100, '一次最多处理 100 条'),
});
export const bulkResult = z.object({
  done: z.number().int(),
  skipped: z.number().int(),
  results: z.array(
    z.object({
      id: z.number().int(),
      siteName: z.string(),
      result: z.enum(['done', 'skipped']),
      reason: z.string().optional(),
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResult>;

export const siteDetail = z.object({
  site: siteRow.omit({ abilities: true }),
  /** The shown requests (as in the row), an offline one with its 下线审核 details and abilities. */
  requests: z.array(shownRequest.extend({ offline: offlineRow.nullable() })),
  orgName: z.string(),
  info: z.record(z.string(), z.unknown()),
  /** The proposed version while a request is open (SPEC §7.0: 审核前可以查看其修改后的网站基本信息). */
  proposed: z.record(z.string(), z.unknown()).nullable(),
  columns: z.array(z.unknown()),
  /** 其他域名 in effect (a pending change to them is shown by the request's diff). */
  otherDomains: z.array(z.string()),
  returnReason: z.string().nullable(),
  abilities: siteRow.shape.abilities,
});
