// Pure rules of 下线 (SPEC §7.6, §16 items 6–9, 11, 20): who may apply, the limits of each kind, the date arithmetic
// on Asia/Shanghai days, the 完成下线 checklist warnings and the labels each side sees.
import type { Ability } from './ability.ts';
import { daysBetween, isDay, yearOf } from './dates.ts';
import type { RequestState, RequestType } from './requests.ts';
import type { RegisterRunStatus } from './run-status.ts';
import { runStatusText, type Side, type SiteRunStatus, STATUS_LABELS } from './status-labels.ts';

/** 下线类型: 临时 / 永久 / 紧急. */
export type OfflineKind = 'TEMP' | 'PERM' | 'EMERGENCY';
export const OFFLINE_KINDS: readonly OfflineKind[] = ['TEMP', 'PERM', 'EMERGENCY'];

export const OFFLINE_KIND_LABELS: Readonly<Record<OfflineKind, string>> = {
  TEMP: '临时下线',
  PERM: '永久下线',
  EMERGENCY: '紧急下线',
};

export const OFFLINE_REQUEST_TYPES: Readonly<Record<OfflineKind, RequestType>> = {
  TEMP: 'OFFLINE_TEMP',
  PERM: 'OFFLINE_PERM',
  EMERGENCY: 'OFFLINE_EMERGENCY',
};

export function offlineKindOf(type: RequestType): OfflineKind | null {
  const found = OFFLINE_KINDS.find((kind) => OFFLINE_REQUEST_TYPES[kind] === type);
  return found ?? null;
}

/** 临时下线: at most 30 days (start inclusive, restore exclusive) and once per calendar year of the start [M §二.1]. */
export const TEMP_OFFLINE_MAX_DAYS = 30;
export const TEMP_OFFLINE_PER_YEAR = 1;
/** A closure notice should stay up at least 30 days before 完成下线 [S8]: a warning, not a block. */
export const NOTICE_MIN_DAYS = 30;
/** How far ahead a planned offline date may lie [INF]: one year. */
export const PLAN_AHEAD_MAX_DAYS = 366;

const allow: Ability = { allowed: true };
const deny = (reason: string): Ability => ({ allowed: false, reason });

// ── Days (`YYYY-MM-DD`, Asia/Shanghai calendar) ──

// isDay, daysBetween, addDays, yearOf and todayCN live in dates.ts; re-exported here for their existing importers.
export { addDays, daysBetween, isDay, todayCN, yearOf } from './dates.ts';

// ── Who may apply (§7.6.1 with §16 items 6, 11 and 20) ──

export interface EligibilityInput {
  runStatus: RegisterRunStatus;
  isPortal: boolean;
  /** The site's open request other than an emergency offline (at most one, SPEC §7.0), if any. */
  openRequestType: RequestType | null;
}

const OPEN_REQUEST_TEXT: Partial<Record<RequestType, string>> = {
  MODIFY: '基本信息修改尚未审核完成',
  DOMAINS: '其他域名修改尚未审核完成',
  PORTAL_ON: '门户网站申请尚未审核完成',
  PORTAL_OFF: '取消门户网站申请尚未审核完成',
  SERVICE_ON: '政务服务平台申请尚未审核完成',
  SERVICE_OFF: '取消政务服务平台申请尚未审核完成',
  OFFLINE_TEMP: '已有下线申请正在审核',
  OFFLINE_PERM: '已有下线申请正在审核',
};

/**
 * 下线申请 is open to a site whose 列表状态 is 「正常」, that is not a portal, and (except for 紧急下线, which may
 * coexist with one open request) that has no pending modification or other open request.
 */
export function offlineEligibility(kind: OfflineKind, input: EligibilityInput): Ability {
  if (input.runStatus !== 'NORMAL') {
    return deny(
      input.runStatus === 'EMERGENCY_OFFLINE' || input.runStatus === 'TEMP_OFFLINE'
        ? '网站目前已处于下线状态，恢复上线后才能再次申请下线'
        : '只有运行状态为“正常”的网站可以申请下线',
    );
  }
  if (input.isPortal) return deny('组织单位门户网站不能申请下线，请先申请取消门户网站');
  if (kind !== 'EMERGENCY' && input.openRequestType !== null) {
    const what = OPEN_REQUEST_TEXT[input.openRequestType] ?? '还有未办结的申请';
    return deny(`${what}，暂不能申请下线`);
  }
  return allow;
}

// ── Limits (§7.6.2, §7.6.4, §16 items 7 and 9) ──

export interface OfflineForm {
  kind: OfflineKind;
  /** 计划下线日期; for 紧急下线 it is today (effective at once). */
  plannedDate: string;
  /** 恢复开通时间 (临时). */
  restoreDate?: string | null;
  /** 预计上线日期 (紧急). */
  onlineDate?: string | null;
}

export interface LimitContext {
  today: string;
  emergencyMaxDays: number;
  /** Approved 临时下线 of this site whose start falls in the calendar year of `plannedDate`. */
  approvedTempInYear: number;
}

export type FieldError = { field: 'plannedDate' | 'restoreDate' | 'onlineDate'; message: string };

/** Every limit the form breaks, each with its field; an empty list means the dates are acceptable. */
export function checkOfflineLimits(form: OfflineForm, ctx: LimitContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!isDay(form.plannedDate)) return [{ field: 'plannedDate', message: '请填写计划下线日期（YYYY-MM-DD）' }];
  const ahead = daysBetween(ctx.today, form.plannedDate);
  if (form.kind === 'EMERGENCY') {
    if (ahead !== 0) errors.push({ field: 'plannedDate', message: '紧急下线立即生效，计划下线日期只能是今天' });
    const online = form.onlineDate ?? '';
    if (!isDay(online)) return [...errors, { field: 'onlineDate', message: '请填写预计上线日期（YYYY-MM-DD）' }];
    const days = daysBetween(ctx.today, online);
    if (days < 1) errors.push({ field: 'onlineDate', message: '预计上线日期必须晚于今天' });
    else if (days > ctx.emergencyMaxDays) {
      errors.push({
        field: 'onlineDate',
        message: `紧急下线不能超过 ${ctx.emergencyMaxDays} 天（今天起至 ${online} 上线共 ${days} 天）`,
      });
    }
    return errors;
  }
  if (ahead < 0) errors.push({ field: 'plannedDate', message: '计划下线日期不能早于今天' });
  if (ahead > PLAN_AHEAD_MAX_DAYS) errors.push({ field: 'plannedDate', message: '计划下线日期不能晚于一年以后' });
  if (form.kind === 'TEMP') {
    const restore = form.restoreDate ?? '';
    if (!isDay(restore)) return [...errors, { field: 'restoreDate', message: '请填写恢复开通时间（YYYY-MM-DD）' }];
    const days = daysBetween(form.plannedDate, restore);
    if (days < 1) errors.push({ field: 'restoreDate', message: '恢复开通时间必须晚于计划下线日期' });
    else if (days > TEMP_OFFLINE_MAX_DAYS) {
      errors.push({
        field: 'restoreDate',
        message: `临时下线不能超过 ${TEMP_OFFLINE_MAX_DAYS} 天（${form.plannedDate} 下线至 ${restore} 恢复共 ${days} 天）`,
      });
    }
    if (ctx.approvedTempInYear >= TEMP_OFFLINE_PER_YEAR) {
      errors.push({
        field: 'plannedDate',
        message: `临时下线每年不得超过 ${TEMP_OFFLINE_PER_YEAR} 次：${yearOf(form.plannedDate)} 年已有经批准的临时下线`,
      });
    }
  }
  return errors;
}

// ── 完成下线 (§7.6.3) ──

export interface CompletionChecklist {
  /** Where the migration notice (迁移公告) hangs. */
  noticeUrl: string | null;
  /** The day the notice went up. */
  noticePostedDate: string | null;
  icpCancelled: boolean;
  psbCancelled: boolean;
  conacCancelled: boolean;
  domainCancelled: boolean;
}

/** What is missing or too early; 完成下线 proceeds only once the operator has acknowledged these. */
export function completionWarnings(c: CompletionChecklist, today: string): string[] {
  const warnings: string[] = [];
  if (!c.noticeUrl) warnings.push('未填写迁移公告的网址');
  if (!c.noticePostedDate) warnings.push('未填写迁移公告的发布日期');
  else if (isDay(c.noticePostedDate)) {
    const days = daysBetween(c.noticePostedDate, today);
    if (days < NOTICE_MIN_DAYS) {
      warnings.push(
        `迁移公告发布不足 ${NOTICE_MIN_DAYS} 天（${c.noticePostedDate} 发布，至今 ${Math.max(days, 0)} 天）`,
      );
    }
  }
  if (!c.icpCancelled) warnings.push('尚未注销 ICP 备案');
  if (!c.psbCancelled) warnings.push('尚未注销公安机关备案');
  if (!c.conacCancelled) warnings.push('尚未注销党政机关网站标识');
  if (!c.domainCancelled) warnings.push('尚未注销域名');
  return warnings;
}

// ── Labels (§7.8) ──

/** The run-status text a side sees, with the date of a temporary or emergency offline. */
export function siteStatusText(side: Side, status: SiteRunStatus, until: string | null): string {
  const date = until ?? undefined;
  return runStatusText({
    side,
    status,
    restoreDate: status === 'TEMP_OFFLINE' ? date : undefined,
    onlineDate: status === 'EMERGENCY_OFFLINE' ? date : undefined,
  });
}

/** The state of an offline request as its 填报单位 sees it. */
export function reporterOfflineLabel(req: {
  type: RequestType;
  state: RequestState;
  returnReason?: string | null;
  /** 完成下线 done: the 填报单位's label moves on to 「永久下线」 (§7.8). */
  completed?: boolean;
}): string {
  switch (req.state) {
    case 'SUBMITTED':
    case 'IN_REVIEW':
      return req.type === 'OFFLINE_EMERGENCY' ? '已生效，组织单位确认中' : STATUS_LABELS.inReview;
    case 'RETURNED':
      return STATUS_LABELS.returnedWithReason(req.returnReason ?? '');
    case 'WITHDRAWN':
      return '已撤回';
    default:
      if (req.type === 'OFFLINE_EMERGENCY') return '组织单位已确认';
      return req.completed ? STATUS_LABELS.permanentOffline : STATUS_LABELS.offlineApproved;
  }
}

// ── 操作: 恢复上线 / 完成下线 by the 填报单位 (§8.2 #7, #8) ──

export function completeAbility(runStatus: RegisterRunStatus): Ability {
  if (runStatus === 'PERM_OFFLINE_PENDING') return allow;
  if (runStatus === 'PERM_OFFLINE') return deny('网站已完成下线');
  return deny('永久下线申请审核通过后才能完成下线');
}

export function restoreAbility(runStatus: RegisterRunStatus): Ability {
  if (runStatus === 'TEMP_OFFLINE' || runStatus === 'EMERGENCY_OFFLINE') return allow;
  return deny('只有临时下线或紧急下线中的网站可以恢复上线');
}

/** The 填报单位 home's offline buttons (SPEC §8.2 #3, #7, #8), in the shape of the site workspace's actions. */
export const OFFLINE_ACTION_LABELS = { apply: '下线申请', complete: '完成下线', restore: '恢复上线' } as const;

export interface OfflineAction {
  key: 'offlineApply' | 'offlineComplete' | 'offlineRestore';
  label: string;
  allowed: boolean;
  reason?: string;
}

const asAction = (key: OfflineAction['key'], label: string, a: Ability): OfflineAction =>
  a.allowed ? { key, label, allowed: true } : { key, label, allowed: false, reason: a.reason };

/**
 * 下线申请 is always shown (enabled when any kind may be filed, e.g. only 紧急下线 beside a pending modification);
 * 完成下线 and 恢复上线 only in the run states where they apply.
 */
export function offlineSiteActions(input: EligibilityInput): OfflineAction[] {
  const kinds = OFFLINE_KINDS.map((kind) => offlineEligibility(kind, input));
  const apply = kinds.find((a) => a.allowed) ?? kinds[0] ?? allow;
  const actions = [asAction('offlineApply', OFFLINE_ACTION_LABELS.apply, apply)];
  if (input.runStatus === 'PERM_OFFLINE_PENDING') {
    actions.push(asAction('offlineComplete', OFFLINE_ACTION_LABELS.complete, completeAbility(input.runStatus)));
  }
  if (input.runStatus === 'TEMP_OFFLINE' || input.runStatus === 'EMERGENCY_OFFLINE') {
    actions.push(asAction('offlineRestore', OFFLINE_ACTION_LABELS.restore, restoreAbility(input.runStatus)));
  }
  return actions;
}
