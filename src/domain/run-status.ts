// 运行状态 of a register entry: the list of values (the source of the TypeScript type, the Kysely column type and
// the database CHECK list) and the one transition table — which cause moves a site from which statuses to which, and
// who may cause it. The server's single writer of run status (changeRunStatus) refuses anything not in the table.
import { MESSAGES } from './messages/index.ts';
import { SITE_RUN_STATUSES, type SiteRunStatus } from './status-labels.ts';

/** Every run status a `sites` row can hold: an application's two, then a site's (SITE_RUN_STATUSES). */
export const REGISTER_RUN_STATUSES = ['APPLYING', 'WITHDRAWN', ...SITE_RUN_STATUSES] as const;
export type RegisterRunStatus = (typeof REGISTER_RUN_STATUSES)[number];

export function isSiteRunStatus(status: RegisterRunStatus): status is SiteRunStatus {
  return (SITE_RUN_STATUSES as readonly string[]).includes(status);
}

/** Who causes a run-status change. */
export type RunStatusActorKind = 'ORG' | 'SITE' | 'APPLICANT' | 'SYSTEM';

/** Why a run status changes; each cause is one row of the table. */
export const RUN_STATUS_CAUSES = [
  'ISSUE_CODE', // 生成标识码: the 16:00 batch turns an application into a site
  'WITHDRAW_APPLICATION', // 撤回 / 超期关闭 of a new-site application frees its name and URL
  'EMERGENCY_OFFLINE', // 紧急下线: effective on submission (SPEC §7.6.4)
  'TEMP_OFFLINE_START', // 临时下线 starts on its day: at final approval or by the 00:00 job (SPEC §7.6.2)
  'PERM_OFFLINE_APPROVED', // 下线申请通过 of a 永久下线: the site waits for 完成下线
  'COMPLETE_OFFLINE', // 完成下线 by the 填报单位 (SPEC §8.2 #7)
  'RESTORE_ONLINE', // 恢复上线 by the 填报单位 before its date (SPEC §8.2 #8)
  'AUTO_RESTORE', // 恢复正常 by the 00:00 job when the restore / online date has come
  'EMERGENCY_REJECTED', // 紧急下线 驳回: the site must run again (SPEC §7.6.4)
  'EXCEPTION', // 设为例外 (SPEC §7.7)
  'DELETE', // 删除
  'RESTORE', // 恢复正常 by the root or level-1 unit
] as const;
export type RunStatusCause = (typeof RUN_STATUS_CAUSES)[number];

export interface RunStatusRule {
  from: readonly RegisterRunStatus[];
  to: RegisterRunStatus;
  actors: readonly RunStatusActorKind[];
}

const OFFLINE_IN_EFFECT = ['TEMP_OFFLINE', 'EMERGENCY_OFFLINE'] as const;

/** The transition table of run status. */
export const RUN_STATUS_TRANSITIONS: Readonly<Record<RunStatusCause, RunStatusRule>> = {
  ISSUE_CODE: { from: ['APPLYING'], to: 'NORMAL', actors: ['SYSTEM'] },
  WITHDRAW_APPLICATION: { from: ['APPLYING'], to: 'WITHDRAWN', actors: ['APPLICANT', 'SYSTEM'] },
  EMERGENCY_OFFLINE: { from: ['NORMAL'], to: 'EMERGENCY_OFFLINE', actors: ['SITE'] },
  TEMP_OFFLINE_START: { from: ['NORMAL'], to: 'TEMP_OFFLINE', actors: ['ORG', 'SYSTEM'] },
  // An approved closure supersedes a temporary or emergency offline in effect, and ends an exception.
  PERM_OFFLINE_APPROVED: {
    from: ['NORMAL', ...OFFLINE_IN_EFFECT, 'EXCEPTION'],
    to: 'PERM_OFFLINE_PENDING',
    actors: ['ORG'],
  },
  COMPLETE_OFFLINE: { from: ['PERM_OFFLINE_PENDING'], to: 'PERM_OFFLINE', actors: ['SITE'] },
  RESTORE_ONLINE: { from: OFFLINE_IN_EFFECT, to: 'NORMAL', actors: ['SITE'] },
  AUTO_RESTORE: { from: OFFLINE_IN_EFFECT, to: 'NORMAL', actors: ['SYSTEM'] },
  EMERGENCY_REJECTED: { from: ['EMERGENCY_OFFLINE'], to: 'NORMAL', actors: ['ORG'] },
  EXCEPTION: { from: ['NORMAL'], to: 'EXCEPTION', actors: ['ORG'] },
  DELETE: {
    from: ['NORMAL', ...OFFLINE_IN_EFFECT, 'PERM_OFFLINE_PENDING', 'PERM_OFFLINE', 'EXCEPTION'],
    to: 'DELETED',
    actors: ['ORG'],
  },
  RESTORE: {
    from: ['EXCEPTION', 'DELETED', 'PERM_OFFLINE', 'PERM_OFFLINE_PENDING', ...OFFLINE_IN_EFFECT],
    to: 'NORMAL',
    actors: ['ORG'],
  },
};

/** The 审核流水 action recorded for each cause (SPEC §12). */
export const RUN_STATUS_CAUSE_ACTIONS: Readonly<Record<RunStatusCause, string>> = {
  ISSUE_CODE: '生成标识码',
  WITHDRAW_APPLICATION: '撤回',
  EMERGENCY_OFFLINE: '紧急下线',
  TEMP_OFFLINE_START: '临时下线',
  PERM_OFFLINE_APPROVED: '下线申请通过',
  COMPLETE_OFFLINE: '完成下线',
  RESTORE_ONLINE: '恢复上线',
  AUTO_RESTORE: '恢复正常',
  EMERGENCY_REJECTED: '恢复正常',
  EXCEPTION: '设为例外',
  DELETE: '删除',
  RESTORE: '恢复正常',
};

export type RunStatusDecision = { ok: true; to: RegisterRunStatus } | { ok: false; reason: string };

/** Where `cause` takes a site now in `from` when `actor` causes it, or why it may not. */
export function runStatusTransition(
  cause: RunStatusCause,
  from: RegisterRunStatus,
  actor: RunStatusActorKind,
): RunStatusDecision {
  const rule = RUN_STATUS_TRANSITIONS[cause];
  if (!rule.actors.includes(actor)) return { ok: false, reason: '无权进行该运行状态变更' };
  if (!rule.from.includes(from)) return { ok: false, reason: MESSAGES.siteStatusChanged };
  return { ok: true, to: rule.to };
}
