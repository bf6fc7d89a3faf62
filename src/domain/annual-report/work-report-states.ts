// The 工作年度报表's state machine as one table: who may do what in which state, and the texts each side sees.
// Pure, like decide() in ../requests.ts; the window rules (dates) are checked beside it in work-report-window.ts.

export const WORK_REPORT_STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED'] as const;
export type WorkReportState = (typeof WORK_REPORT_STATES)[number];

export type WorkReportAction =
  | 'SAVE' // 保存草稿 (填报单位)
  | 'SUBMIT' // 提交审核 (填报单位)
  | 'APPROVE' // 审核通过 (本级组织单位)
  | 'RETURN' // 退回 with a reason (本级组织单位)
  | 'PUBLISH'; // 回填发布地址 (填报单位; again while PUBLISHED to correct the address)

/** SITE: the report's own 填报单位; REVIEWER: the site's 本级组织单位; VIEWER: any other unit above the site. */
export type WorkReportRole = 'SITE' | 'REVIEWER' | 'VIEWER';

interface Transition {
  from: readonly WorkReportState[];
  to: WorkReportState | 'SAME';
  by: WorkReportRole;
}

export const WORK_REPORT_TRANSITIONS: Readonly<Record<WorkReportAction, Transition>> = {
  SAVE: { from: ['DRAFT', 'RETURNED'], to: 'SAME', by: 'SITE' },
  SUBMIT: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', by: 'SITE' },
  APPROVE: { from: ['SUBMITTED'], to: 'APPROVED', by: 'REVIEWER' },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED', by: 'REVIEWER' },
  PUBLISH: { from: ['APPROVED', 'PUBLISHED'], to: 'PUBLISHED', by: 'SITE' },
};

/** What the 填报单位 and the units see; NONE = no report started yet. */
export const WORK_REPORT_STATE_LABELS: Readonly<Record<WorkReportState | 'NONE', string>> = {
  NONE: '未填报',
  DRAFT: '填报中',
  SUBMITTED: '待审核',
  RETURNED: '已退回',
  APPROVED: '审核通过，待发布',
  PUBLISHED: '已发布',
};

export type WorkReportDecision = { ok: true; to: WorkReportState } | { ok: false; reason: string; conflict: boolean };

const ROLE_REFUSALS: Readonly<Record<WorkReportRole, string>> = {
  SITE: '年度报表由网站的本级组织单位审核',
  REVIEWER: '年度报表由填报单位填写和发布',
  VIEWER: '只有网站的本级组织单位可以审核年度报表，上级单位可以查看',
};

function stateRefusal(action: WorkReportAction, state: WorkReportState): string {
  switch (action) {
    case 'SAVE':
    case 'SUBMIT':
      return state === 'SUBMITTED' ? '年度报表已提交，正在审核，不能修改' : '年度报表已审核通过，不能修改';
    case 'APPROVE':
    case 'RETURN':
      return state === 'DRAFT' || state === 'RETURNED'
        ? '该年度报表尚未提交（或已被退回），不能审核'
        : '该年度报表已审核，请刷新后查看';
    case 'PUBLISH':
      return '年度报表审核通过后才能回填发布地址';
  }
}

/** May `role` do `action` to a report in `state` (null: no report yet, as DRAFT), and where does it go. */
export function decideWorkReport(
  state: WorkReportState | null,
  action: WorkReportAction,
  role: WorkReportRole,
): WorkReportDecision {
  const t = WORK_REPORT_TRANSITIONS[action];
  if (role !== t.by) return { ok: false, reason: ROLE_REFUSALS[role], conflict: false };
  const from = state ?? 'DRAFT';
  if (!t.from.includes(from)) return { ok: false, reason: stateRefusal(action, from), conflict: true };
  return { ok: true, to: t.to === 'SAME' ? from : t.to };
}

/** The states from which `action` may start: the compare-and-set's `state IN (…)`. */
export function statesAllowing(action: WorkReportAction): readonly WorkReportState[] {
  return WORK_REPORT_TRANSITIONS[action].from;
}

/** The actions `role` may take now, with the refusal reason of the others (for the buttons). */
export function workReportAbilities(
  state: WorkReportState | null,
  role: WorkReportRole,
): Record<WorkReportAction, { allowed: boolean; reason?: string }> {
  const out = {} as Record<WorkReportAction, { allowed: boolean; reason?: string }>;
  for (const action of Object.keys(WORK_REPORT_TRANSITIONS) as WorkReportAction[]) {
    const d = decideWorkReport(state, action, role);
    out[action] = d.ok ? { allowed: true } : { allowed: false, reason: d.reason };
  }
  return out;
}
