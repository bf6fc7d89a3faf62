// The contractual 「…」 texts each side sees (SPEC §0.2, §5.4, §7.1.3, §7.2, §7.8), and the 标识码 batch time.
import { addDays, formatDateCN, shanghaiTimeOn } from './dates.ts';

// The Asia/Shanghai date helpers live in dates.ts; re-exported here for their many existing importers.
export { formatDateCN, type ShanghaiParts, shanghaiMidnight, shanghaiParts } from './dates.ts';

type DateText = Date | string;

/** Every label is byte-exact; dated labels take a `YYYY-MM-DD` string or a Date (formatted in Asia/Shanghai). */
export const STATUS_LABELS = {
  // 申报状态 of a new-site application, organizing-unit side (§7.1.3, §7.8).
  notSubmitted: '未提交',
  notReviewed: '未审核',
  inReview: '审核中',
  reviewed: '已审核',
  done: '已办结',
  returned: '审核未通过',
  // 临时码 progress query (§7.1.3).
  returnedWithReason: (reason: string) => `审核未通过：${reason}`,
  codePendingToday: '审核通过，网站标识码还未生成，将于今天生成',
  codePendingTomorrow: '审核通过，网站标识码还未生成，将于明天生成',
  // 基本信息修改 (§7.2, §7.3): org side 「办结后修改」, 填报 side 「修改未审核」 / 「修改审核通过」.
  modificationPendingOrg: '办结后修改',
  modificationPendingReporter: '修改未审核',
  modificationApproved: '修改审核通过',
  modificationReturned: '修改后审核未通过',
  // Offline (§7.8).
  offlineApproved: '下线申请通过',
  permanentOffline: '永久下线',
  permanentOfflinePending: '永久下线（待完成下线）',
  temporaryOfflineOrg: (restoreDate: DateText) => `暂时下线恢复开通时间：${dateText(restoreDate)}`,
  emergencyOfflineOrg: (onlineDate: DateText) => `网站运行状态为：紧急下线并于 ${dateText(onlineDate)} 上线`,
  emergencyOfflineReporter: (onlineDate: DateText) => `紧急下线，并于 ${dateText(onlineDate)} 上线`,
} as const;

/** Button and page captions quoted in §7.1.3 and §7.2. */
export const ACTION_LABELS = {
  review: '审核',
  submitAllOnPage: '当页数据全部提交',
  reviewAllOnPage: '当页数据全部审核',
  view: '查看',
  submit: '提交',
  next: '下一步',
  modifyBasicInfo: '基本信息修改',
  approveModification: '办结修改审核通过',
  returnModification: '办结修改审核退回',
  completeOffline: '完成下线',
} as const;

/** Column headings (§5.4). */
export const COLUMN_LABELS = {
  listStatus: '列表状态',
  applicationStatus: '申报状态',
  modificationStatus: '修改审核状态',
  isOrgPortal: '是否组织单位门户',
} as const;

/** 运行状态 (§5.4 a) of a site that has its 网站标识码; `REGISTER_RUN_STATUSES` (run-status.ts) adds the two of an application. */
export const SITE_RUN_STATUSES = [
  'NORMAL',
  'TEMP_OFFLINE',
  'EMERGENCY_OFFLINE',
  'PERM_OFFLINE_PENDING',
  'PERM_OFFLINE',
  'EXCEPTION',
  'DELETED',
] as const;
export type SiteRunStatus = (typeof SITE_RUN_STATUSES)[number];

/** Short run-status labels (filters, statistics). PERM_OFFLINE_PENDING shows the org-side text. */
export const RUN_STATUS_LABELS: Readonly<Record<SiteRunStatus, string>> = {
  NORMAL: '正常',
  TEMP_OFFLINE: '临时下线',
  EMERGENCY_OFFLINE: '紧急下线',
  PERM_OFFLINE_PENDING: '永久下线（待完成下线）',
  PERM_OFFLINE: '永久下线',
  EXCEPTION: '例外',
  DELETED: '已删除',
};

export const YES_NO = { yes: '是', no: '否' } as const;
export const SITE_TYPE_LABELS = { portal: '政府门户网站', department: '部门网站' } as const;

export type Side = 'ORG' | 'REPORTER';

export interface RunStatusTextInput {
  side: Side;
  status: SiteRunStatus;
  /** 恢复开通时间 of a temporary offline. */
  restoreDate?: DateText;
  /** 预计上线日期 of an emergency offline. */
  onlineDate?: DateText;
}

/** The run-status text of the display matrix (§7.8): dated labels when a date is known, short labels otherwise. */
export function runStatusText({ side, status, restoreDate, onlineDate }: RunStatusTextInput): string {
  switch (status) {
    case 'TEMP_OFFLINE':
      if (side === 'REPORTER') return STATUS_LABELS.offlineApproved;
      return restoreDate === undefined
        ? RUN_STATUS_LABELS.TEMP_OFFLINE
        : STATUS_LABELS.temporaryOfflineOrg(restoreDate);
    case 'EMERGENCY_OFFLINE':
      if (onlineDate === undefined) return RUN_STATUS_LABELS.EMERGENCY_OFFLINE;
      return side === 'ORG'
        ? STATUS_LABELS.emergencyOfflineOrg(onlineDate)
        : STATUS_LABELS.emergencyOfflineReporter(onlineDate);
    case 'PERM_OFFLINE_PENDING':
      return side === 'ORG' ? STATUS_LABELS.permanentOfflinePending : STATUS_LABELS.offlineApproved;
    default:
      return RUN_STATUS_LABELS[status];
  }
}

function dateText(date: DateText): string {
  return typeof date === 'string' ? date : formatDateCN(date);
}

/** Hour of the daily 网站标识码 batch in Asia/Shanghai (§7.1.4). */
export const CODE_BATCH_HOUR = 16;

/** The batch that will issue the code: 16:00 on the approval day, or the next day if approved at/after 16:00:00. */
export function nextCodeBatchAt(finalApprovedAt: Date): Date {
  const day = formatDateCN(finalApprovedAt);
  const batch = shanghaiTimeOn(day, CODE_BATCH_HOUR);
  return finalApprovedAt.getTime() < batch.getTime() ? batch : shanghaiTimeOn(addDays(day, 1), CODE_BATCH_HOUR);
}

/** 临时码 query text while the code is pending: 「…将于今天生成」 or 「…将于明天生成」 (§16 item 16). */
export function codePendingText(finalApprovedAt: Date, now: Date): string {
  const batchDay = formatDateCN(nextCodeBatchAt(finalApprovedAt));
  return batchDay > formatDateCN(now) ? STATUS_LABELS.codePendingTomorrow : STATUS_LABELS.codePendingToday;
}
