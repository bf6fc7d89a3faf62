// Schemas of 下线: the 填报单位's application, 完成下线 and its own view; the organizing units' 下线审核 list and
// decisions; 例外 / 删除 / 恢复正常 (shared with the web client's types).
import { z } from 'zod';
import { isDay, OFFLINE_KINDS, type OfflineKind } from '../../../domain/offline.ts';
import { ability, auditEntry, transitionResult as requestTransitionResult } from '../requests/schema.ts';

export { ability, approveBody, idParam } from '../requests/schema.ts';

export const offlineKind = z.enum(OFFLINE_KINDS as [OfflineKind, ...OfflineKind[]]);

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isDay, '日期不存在');
const optionalText = (max: number, message: string) => z.string().trim().max(max, message).optional();

export const applyBody = z.object({
  kind: offlineKind,
  reason: z.string().trim().min(1, '请填写下线原因').max(500, '下线原因不能超过 500 个字'),
  /** 计划下线日期; 紧急下线 takes effect today whatever is sent. */
  plannedDate: day.optional(),
  restoreDate: day.optional(),
  onlineDate: day.optional(),
  /** 整合迁移后网址 (永久下线, optional). */
  migrationUrl: optionalText(500, '网址不能超过 500 个字符'),
  description: optionalText(1000, '说明不能超过 1000 个字'),
  attachmentId: z.number().int().positive().optional(),
});
export type ApplyInput = z.infer<typeof applyBody>;

export const attachmentView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});

export const applyResult = z.object({
  requestId: z.number().int(),
  state: z.string(),
  runStatus: z.string(),
  runStatusLabel: z.string(),
});

export const completeBody = z.object({
  noticeUrl: optionalText(500, '网址不能超过 500 个字符'),
  noticePostedDate: day.optional(),
  icpCancelled: z.boolean(),
  psbCancelled: z.boolean(),
  conacCancelled: z.boolean(),
  domainCancelled: z.boolean(),
  /** The operator has seen the warnings (missing items, notice up < 30 days) and completes anyway. */
  acknowledgeWarnings: z.boolean().default(false),
});
export type CompleteInput = z.infer<typeof completeBody>;

export const siteStatusResult = z.object({
  runStatus: z.string(),
  runStatusLabel: z.string(),
  warnings: z.array(z.string()),
});

/** One offline request as its 填报单位 sees it. */
export const operatorRequest = z.object({
  id: z.number().int(),
  kind: offlineKind,
  kindLabel: z.string(),
  state: z.string(),
  label: z.string(),
  plannedDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string(),
  description: z.string(),
  migrationUrl: z.string().nullable(),
  attachment: attachmentView.nullable(),
  submittedAt: z.string(),
  returnReason: z.string().nullable(),
  rejected: z.boolean(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const operatorView = z.object({
  site: z.object({
    siteCode: z.string(),
    name: z.string(),
    isPortal: z.boolean(),
    runStatus: z.string(),
    /** The 填报单位 side of SPEC §7.8. */
    runStatusLabel: z.string(),
    runStatusUntil: z.string().nullable(),
    readOnly: z.boolean(),
  }),
  abilities: z.object({
    apply: z.object({ TEMP: ability, PERM: ability, EMERGENCY: ability }),
    complete: ability,
    restore: ability,
  }),
  limits: z.object({
    today: z.string(),
    tempMaxDays: z.number().int(),
    tempPerYear: z.number().int(),
    emergencyMaxDays: z.number().int(),
    noticeMinDays: z.number().int(),
    /** Calendar years in which this site already has an approved 临时下线. */
    approvedTempYears: z.array(z.number().int()),
  }),
  requests: z.array(operatorRequest),
  trail: z.array(auditEntry),
});
export type OperatorView = z.infer<typeof operatorView>;

// ── 下线审核 (organizing units) ──

export const OFFLINE_STATUS_FILTERS = ['WAITING', 'IN_REVIEW', 'DONE', 'RETURNED'] as const;
export const OFFLINE_PAGE_SIZES = [20, 50, 100] as const;
const boolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const listQuery = z.object({
  kind: offlineKind.optional(),
  status: z.enum(OFFLINE_STATUS_FILTERS).optional(),
  name: optionalText(100, '网站名称过长'),
  siteCode: optionalText(10, '网站标识码过长'),
  includeDeleted: boolParam,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (OFFLINE_PAGE_SIZES as readonly number[]).includes(n), '每页条数只能是 20、50 或 100')
    .default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const offlineRow = z.object({
  id: z.number().int(),
  version: z.number().int(),
  siteId: z.number().int(),
  siteCode: z.string().nullable(),
  siteName: z.string(),
  homeUrl: z.string(),
  orgName: z.string(),
  kind: offlineKind,
  kindLabel: z.string(),
  plannedDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string(),
  description: z.string(),
  migrationUrl: z.string().nullable(),
  attachment: attachmentView.omit({ mimeType: true }).nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  state: z.string(),
  /** 申报状态 as the caller's unit sees it (「未提交」 / 「未审核」 / 「审核中」 / 「已审核」 / 「已办结」 …). */
  orgStatus: z.string(),
  /** 列表状态: the run-status text of SPEC §7.8, organizing-unit side. */
  listStatus: z.string(),
  runStatus: z.string(),
  returnReason: z.string().nullable(),
  /** An emergency offline the chain refused: the site had to restore. */
  rejected: z.boolean(),
  waitingForMe: z.boolean(),
  chain: z.array(z.object({ code: z.string(), name: z.string() })),
  stepIndex: z.number().int(),
  abilities: z.object({ approve: ability, return: ability }),
});
export type OfflineRow = z.infer<typeof offlineRow>;

export const offlinePage = z.object({
  items: z.array(offlineRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  waitingCount: z.number().int(),
});

export const returnBody = z.object({
  reason: z.string().trim().min(1, '请填写驳回原因').max(500, '驳回原因不能超过 500 个字'),
  version: z.number().int().positive().optional(),
});
export const transitionResult = requestTransitionResult.extend({
  runStatus: z.string(),
  listStatus: z.string(),
});

// ── 例外 / 删除 / 恢复正常 ──

export const reasonBody = z.object({
  reason: z.string().trim().min(1, '请填写原因').max(500, '原因不能超过 500 个字'),
});
export const statusActionsView = z.object({
  runStatus: z.string(),
  listStatus: z.string(),
  abilities: z.object({ EXCEPTION: ability, DELETE: ability, RESTORE: ability }),
});
export const statusChangeResult = z.object({
  siteId: z.number().int(),
  runStatus: z.string(),
  listStatus: z.string(),
  warning: z.string().nullable(),
});
