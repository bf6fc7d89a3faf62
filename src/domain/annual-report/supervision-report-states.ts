// The life of a 《政府网站监管年度报表》 as one transition table: the level-1 unit fills in and submits, the root
// (国务院办公厅) approves or returns it with a reason; a returned report is corrected and submitted again.
// Pure like decide() in ../requests.ts: the server executes the result as a compare-and-set.

export const SUPERVISION_REPORT_STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type SupervisionReportState = (typeof SUPERVISION_REPORT_STATES)[number];

export const SUPERVISION_STATE_LABELS: Readonly<Record<SupervisionReportState, string>> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交，待审核',
  RETURNED: '已退回',
  APPROVED: '已通过',
};

export type SupervisionReportAction = 'SAVE' | 'REFRESH_PREFILL' | 'SUBMIT' | 'APPROVE' | 'RETURN';

export const SUPERVISION_ACTION_LABELS: Readonly<Record<SupervisionReportAction, string>> = {
  SAVE: '保存监管年度报表',
  REFRESH_PREFILL: '更新监管年度报表预填数据',
  SUBMIT: '提交监管年度报表',
  APPROVE: '通过监管年度报表',
  RETURN: '退回监管年度报表',
};

/** The reporting level-1 unit (its own report only) or the root. */
export type SupervisionActor = { kind: 'UNIT'; orgCode: string } | { kind: 'ROOT' };

interface Transition {
  by: SupervisionActor['kind'];
  from: readonly SupervisionReportState[];
  /** null: the state does not change. */
  to: SupervisionReportState | null;
}

export const SUPERVISION_TRANSITIONS: Readonly<Record<SupervisionReportAction, Transition>> = {
  SAVE: { by: 'UNIT', from: ['DRAFT', 'RETURNED'], to: null },
  REFRESH_PREFILL: { by: 'UNIT', from: ['DRAFT', 'RETURNED'], to: null },
  SUBMIT: { by: 'UNIT', from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  APPROVE: { by: 'ROOT', from: ['SUBMITTED'], to: 'APPROVED' },
  RETURN: { by: 'ROOT', from: ['SUBMITTED'], to: 'RETURNED' },
};

export interface SupervisionSnapshot {
  state: SupervisionReportState;
  orgCode: string;
}

export type SupervisionDecision =
  | {
      ok: true;
      from: readonly SupervisionReportState[];
      to: SupervisionReportState;
      /** The reason stored with the report after a state change (cleared by a new submission or approval). */
      returnReason: string | null;
    }
  | { ok: false; reason: string };

const REFUSED_IN: Readonly<Record<SupervisionReportState, string>> = {
  DRAFT: '报表尚未提交',
  SUBMITTED: '报表已提交，等待国务院办公厅审核',
  RETURNED: '报表已退回，等待填报单位修改后重新提交',
  APPROVED: '报表已审核通过，不能再修改',
};

export function decideSupervision(
  report: SupervisionSnapshot,
  actor: SupervisionActor,
  action: SupervisionReportAction,
  reason?: string,
): SupervisionDecision {
  const t = SUPERVISION_TRANSITIONS[action];
  if (t.by === 'ROOT' && actor.kind !== 'ROOT') return { ok: false, reason: '只有国务院办公厅可以审核监管年度报表' };
  if (t.by === 'UNIT') {
    if (actor.kind !== 'UNIT') return { ok: false, reason: '监管年度报表由省级（部委）组织单位填报' };
    if (actor.orgCode !== report.orgCode) return { ok: false, reason: '只能填报本单位的监管年度报表' };
  }
  if (!t.from.includes(report.state)) return { ok: false, reason: REFUSED_IN[report.state] };
  const trimmed = reason?.trim() ?? '';
  if (action === 'RETURN' && trimmed === '') return { ok: false, reason: '请填写退回原因' };
  return {
    ok: true,
    from: t.from,
    to: t.to ?? report.state,
    returnReason: action === 'RETURN' ? trimmed : null,
  };
}

/** Whether the unit may still change the report's entries. */
export function isEditable(state: SupervisionReportState): boolean {
  return SUPERVISION_TRANSITIONS.SAVE.from.includes(state);
}
