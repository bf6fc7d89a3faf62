// Schemas of 待办 / 已办 / 下级超期, the header badge count, the digest settings and the overdue statistics.
import { z } from 'zod';
import { REQUEST_TYPES } from '../requests/schema.ts';

const pageShape = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
export const pageQuery = z.object(pageShape);
export type PageQuery = z.infer<typeof pageQuery>;

/** 下级超期: `escalated` (default) = past twice the deadline, the level that is escalated; `overdue` = past it. */
export const overdueBelowQuery = z.object({
  ...pageShape,
  level: z.enum(['escalated', 'overdue']).default('escalated'),
});

/** What a 待办 item is: a request's step, a 工作年度报表 or a 监管年度报表 waiting for review. */
export const INBOX_KINDS = ['REQUEST', 'WORK_REPORT', 'SUPERVISION_REPORT'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];
/** 下级超期 lists one more: a site that has not submitted its 工作年度报表 after the 填报截止. */
export const BELOW_KINDS = [...INBOX_KINDS, 'WORK_REPORT_UNSUBMITTED'] as const;
export type BelowKind = (typeof BELOW_KINDS)[number];

export const inboxItem = z.object({
  /** WORK_REPORT_UNSUBMITTED only in 下级超期. */
  kind: z.enum(BELOW_KINDS),
  /** Unique among the items of every kind ('REQUEST:12', 'WORK_REPORT:3'). */
  key: z.string(),
  /** The request (kind REQUEST), else null. */
  requestId: z.number().int().nullable(),
  /** The report (kinds WORK_REPORT / SUPERVISION_REPORT; an unsubmitted site's draft), else null. */
  reportId: z.number().int().nullable(),
  /** 申请类型 of a request; null for a report. */
  type: z.enum(REQUEST_TYPES).nullable(),
  /** 类型 in Chinese: the request type, 工作年度报表 or 监管年度报表. */
  typeLabel: z.string(),
  /** 申报状态 as the caller's unit sees it. */
  orgStatus: z.string(),
  /** The site; null for a 监管年度报表 (one per level-1 unit). */
  siteId: z.number().int().nullable(),
  /** The site's name, or the reporting unit's for a 监管年度报表. */
  siteName: z.string(),
  siteCode: z.string().nullable(),
  /** The site's 本级组织单位 (the reporting unit for a 监管年度报表). */
  siteOrgName: z.string(),
  /** The unit holding the step now (the caller's unit in 待办; an unsubmitted site's 本级组织单位). */
  holderCode: z.string(),
  holderName: z.string(),
  submittedAt: z.string(),
  stepEnteredAt: z.string(),
  /** Working days waited at this step (the arrival day not counted; weekends and holidays skipped). */
  waitingDays: z.number().int(),
  dueDate: z.string(),
  /** 「逾期」: past the deadline of GOVSITE_REVIEW_DEADLINE_DAYS working days. */
  overdue: z.boolean(),
  /** Past twice the deadline: shown to the parent unit in 下级超期. */
  escalated: z.boolean(),
  /** Where to act or look: the site list filtered to the site, 下线审核, or the 年度报表 review list with the report open. */
  link: z.string(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxPage = z.object({
  items: z.array(inboxItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  deadlineDays: z.number().int(),
});

export const inboxCount = z.object({ count: z.number().int(), overdue: z.number().int() });

export const doneItem = z.object({
  id: z.number().int(),
  kind: z.enum(INBOX_KINDS),
  at: z.string(),
  action: z.string(),
  person: z.string(),
  comment: z.string(),
  /** The request (kind REQUEST), else null. */
  requestId: z.number().int().nullable(),
  /** The report (kinds WORK_REPORT / SUPERVISION_REPORT), else null. */
  reportId: z.number().int().nullable(),
  typeLabel: z.string(),
  /** The site; null for a 监管年度报表. */
  siteId: z.number().int().nullable(),
  siteName: z.string(),
  siteCode: z.string().nullable(),
  link: z.string(),
});

export const donePage = z.object({
  items: z.array(doneItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const inboxSettings = z.object({ digestEnabled: z.boolean(), email: z.string().nullable() });
export const inboxSettingsBody = z.object({
  digestEnabled: z.boolean(),
  email: z.string().trim().max(100, '电子邮箱不能超过100个字符').nullable().optional(),
});

const overdueCounts = { open: z.number().int(), overdue: z.number().int(), escalated: z.number().int() };
export const overdueStats = z.object({
  scope: z.object({ code: z.string(), displayName: z.string(), level: z.number().int() }),
  deadlineDays: z.number().int(),
  totals: z.object(overdueCounts),
  /** The scope unit itself (本级) first, then each child unit with its whole subtree. */
  rows: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int(), ...overdueCounts })),
});
export const overdueStatsQuery = z.object({
  org: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{6}$/, '组织单位标识码为 6 位')
    .optional(),
});
