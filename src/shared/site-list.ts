// The site list's filter values and column headings (政府网站和栏目基本信息表): read by the API's schema and xlsx export
// and by the web's list page. Browser-safe: no server code, no zod.
import { RUN_STATUS_LABELS, STATUS_LABELS } from '../domain/status-labels.ts';

export { REQUEST_TYPE_LABELS } from '../domain/requests.ts';

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
export const RUN_STATUS_FILTERS = { APPLYING: '申请中', ...RUN_STATUS_LABELS } as const;
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
