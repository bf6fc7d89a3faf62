// What the 填报单位 may do now (SPEC §7.0, §8.2), and why not: one policy for the home's buttons and the use cases.
import type { RunStatus } from '../../../db/schema.ts';
import { decide, type RequestSnapshot, reporterStatusLabel } from '../../../domain/requests.ts';
import { ACTION_LABELS, RUN_STATUS_LABELS } from '../../../domain/status-labels.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import { isChangeType } from './repository.ts';
import type { SiteAction } from './schema.ts';

/** Run states in which the record may be changed (SPEC §8.2 #5, §16 item 22). */
const CHANGEABLE: ReadonlySet<RunStatus> = new Set(['NORMAL', 'EXCEPTION', 'TEMP_OFFLINE', 'EMERGENCY_OFFLINE']);

export const SITE_ACTION_LABELS = {
  portalOn: '申请门户网站',
  portalOff: '申请取消门户网站',
  serviceOn: '申请政务服务平台',
  serviceOff: '申请取消政务服务平台',
  modify: ACTION_LABELS.modifyBasicInfo,
  domains: '维护/添加其他域名',
  withdraw: '撤回申请',
  audit: '查看审核流水',
} as const;

type RequestLike = RequestSnapshot & { id: number };

export interface SiteState {
  runStatus: RunStatus;
  isPortal: boolean;
  isServicePlatform: boolean;
  /** The open request (emergency offline excepted), of any type. */
  open: RequestLike | null;
  /** The latest 基本信息修改 when it is DRAFT or RETURNED: a change set the operator may continue. */
  resumable: RequestLike | null;
  /** Why this site cannot apply to become the portal now (another portal of its org), if so. */
  portalTaken?: string | null;
}

export function runStatusRefusal(runStatus: RunStatus): string | null {
  if (CHANGEABLE.has(runStatus)) return null;
  const label = RUN_STATUS_LABELS[runStatus as keyof typeof RUN_STATUS_LABELS] ?? runStatus;
  return `网站当前为“${label}”，不能提交修改类申请`;
}

/** Can the operator withdraw this open request with 撤回申请? Offline requests have no withdrawal (SPEC §7.6). */
function canWithdraw(open: RequestSnapshot): boolean {
  return isChangeType(open.type) && decide(open, { kind: 'REQUESTER' }, 'WITHDRAW').ok;
}

/**
 * The refusal naming the open request (SPEC §7.0: one open request per site); it offers 撤回 only when 撤回申请 can
 * in fact withdraw it, so that the buttons never contradict each other.
 */
export function openRequestRefusal(open: RequestSnapshot): string {
  const wait = canWithdraw(open) ? '请等待审核完成或撤回后再申请' : '请等待审核完成后再申请';
  return `该网站已有未办结的申请“${REQUEST_TYPE_LABELS[open.type]}”（${reporterStatusLabel(open)}），同一网站同一时间只能有一个申请；${wait}`;
}

/** Why 撤回申请 is disabled: nothing to withdraw, or the open request and why it cannot be withdrawn. */
export function withdrawRefusal(state: Pick<SiteState, 'open' | 'resumable'>): string | null {
  if (withdrawTarget(state)) return null;
  const open = state.open;
  if (!open) return '没有可撤回的申请';
  const what = `“${REQUEST_TYPE_LABELS[open.type]}”（${reporterStatusLabel(open)}）`;
  if (!isChangeType(open.type)) return `${what}为下线申请，提交后不能撤回，请等待组织单位审核完成`;
  const decision = decide(open, { kind: 'REQUESTER' }, 'WITHDRAW');
  return `${what}${decision.ok ? '不能撤回' : decision.reason}`;
}

/** May a new request be filed (flags, 其他域名, or a new 基本信息修改)? */
export function newRequestRefusal(state: Pick<SiteState, 'runStatus' | 'open'>): string | null {
  return runStatusRefusal(state.runStatus) ?? (state.open ? openRequestRefusal(state.open) : null);
}

/** 基本信息修改: a new one, or continuing the operator's own draft or returned change set. */
export function modifyRefusal(state: Pick<SiteState, 'runStatus' | 'open'>): string | null {
  const run = runStatusRefusal(state.runStatus);
  if (run) return run;
  const open = state.open;
  if (!open || (open.type === 'MODIFY' && open.state === 'DRAFT')) return null;
  if (open.type === 'MODIFY') return '基本信息修改已提交，正在等待审核；如需再次修改，请先撤回申请';
  return openRequestRefusal(open);
}

/** The request 撤回申请 acts on: the open change request, else a returned 基本信息修改 (discarding it). */
export function withdrawTarget(state: Pick<SiteState, 'open' | 'resumable'>): RequestLike | null {
  const open = state.open;
  if (open) {
    if (!isChangeType(open.type)) return null;
    return decide(open, { kind: 'REQUESTER' }, 'WITHDRAW').ok ? open : null;
  }
  return state.resumable?.state === 'RETURNED' ? state.resumable : null;
}

const action = (key: string, label: string, refusal: string | null): SiteAction =>
  refusal === null ? { key, label, allowed: true } : { key, label, allowed: false, reason: refusal };

/**
 * The buttons of the 填报单位 home in display order (SPEC §8.2). The offline module adds 下线申请 / 完成下线 /
 * 恢复上线 with its own keys; the web page renders any key it has a handler for.
 */
export function siteActions(state: SiteState): SiteAction[] {
  const general = newRequestRefusal(state);
  const portalRefusal = general ?? (state.isPortal ? null : (state.portalTaken ?? null));
  return [
    action('portal', state.isPortal ? SITE_ACTION_LABELS.portalOff : SITE_ACTION_LABELS.portalOn, portalRefusal),
    action(
      'servicePlatform',
      state.isServicePlatform ? SITE_ACTION_LABELS.serviceOff : SITE_ACTION_LABELS.serviceOn,
      general,
    ),
    action('modify', SITE_ACTION_LABELS.modify, modifyRefusal(state)),
    action('domains', SITE_ACTION_LABELS.domains, general),
    action('withdraw', SITE_ACTION_LABELS.withdraw, withdrawRefusal(state)),
    action('audit', SITE_ACTION_LABELS.audit, null),
  ];
}
