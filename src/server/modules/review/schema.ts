// Schemas of the organizing unit's workspace (政府网站和栏目基本信息表): list, review actions, bulk actions, view, export.
import { z } from 'zod';
import { STATUS_LABELS } from '../../../domain/status-labels.ts';
import { linkHealthCell, linkHealthFilter } from '../link-checks/schema.ts';
import { REQUEST_TYPES } from '../requests/schema.ts';

// Shared with site-workspace and offline, which sit below review: kept importable from here for the web UI.
export { auditEntry, auditTrail, REQUEST_TYPE_LABELS, REQUEST_TYPES } from '../requests/schema.ts';

/** 申报状态 filter values; each is exactly one label of orgStatusLabel() as the viewer sees it. */
export const ORG_STATUS_FILTERS = {
  NOT_SUBMITTED: STATUS_LABELS.notSubmitted,
  NOT_REVIEWED: STATUS_LABELS.notReviewed,
  IN_REVIEW: STATUS_LABELS.inReview,
  REVIEWED: STATUS_LABELS.reviewed,
  RETURNED: STATUS_LABELS.returned,
  DONE: STATUS_LABELS.done,
  MODIFICATION_PENDING: STATUS_LABELS.modificationPendingOrg,
  MODIFICATION_RETURNED: STATUS_LABELS.modificationReturned,
} as const;
export type OrgStatusFilter = keyof typeof ORG_STATUS_FILTERS;

/** 运行状态 filter values: the site run states plus 申请中 (an application without its 标识码 yet). */
export const RUN_STATUS_FILTERS = {
  APPLYING: '申请中',
  NORMAL: '正常',
  TEMP_OFFLINE: '临时下线',
  EMERGENCY_OFFLINE: '紧急下线',
  PERM_OFFLINE_PENDING: '永久下线（待完成下线）',
  PERM_OFFLINE: '永久下线',
  EXCEPTION: '例外',
  DELETED: '已删除',
} as const;
export type RunStatusFilter = keyof typeof RUN_STATUS_FILTERS;

/** The list's columns in display order with their headings (SPEC §8.1); the page export uses the same. */
export const SITE_COLUMN_TITLES = {
  siteCode: '网站标识码',
  name: '网站名称',
  homeUrl: '首页网址',
  province: '省/部委',
  city: '市/垂管省局',
  county: '县/垂管分局',
  sponsorName: '主办单位',
  isPortal: '是否组织单位门户',
  isServicePlatform: '是否政务服务平台',
  listStatus: '列表状态',
  orgStatus: '申报状态',
  updatedAt: '最后更新时间',
} as const;
export type SiteColumnKey = keyof typeof SITE_COLUMN_TITLES;

export const SORT_KEYS = ['default', 'updatedAt', 'name', 'siteCode'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
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

export const ability = z.object({ allowed: z.boolean(), reason: z.string().optional() });
export type Ability = z.infer<typeof ability>;

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
  /** 申报状态 = orgStatusLabel(request, viewer); empty without a request. */
  orgStatus: z.string(),
  updatedAt: z.string(),
  waitingForMe: z.boolean(),
  /** 「逾期」: the open step has waited past the review deadline (issue 9). */
  overdue: z.boolean(),
  request: rowRequest.nullable(),
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
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Rows in the caller's subtree waiting for the caller's unit, whatever the other filters. */
  waitingCount: z.number().int(),
});

export const idParam = z.object({ id: z.coerce.number().int().positive() });
/** `version` is the request version the client showed; a different current version is a conflict. */
export const approveBody = z.object({ version: z.number().int().positive().optional() });
export const returnBody = z.object({
  reason: z.string().trim().min(1, '请填写退回原因').max(500, '退回原因不能超过 500 个字'),
  version: z.number().int().positive().optional(),
});

export const transitionResult = z.object({
  id: z.number().int(),
  state: z.string(),
  stepIndex: z.number().int(),
  version: z.number().int(),
  orgStatus: z.string(),
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
