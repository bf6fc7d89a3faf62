// 审核流水 and every other audited action as typed events: one variant per action, and the Chinese action text stored
// in audit_log.action derived from the event here, in one place. The texts are stored history (existing rows, the
// 临时码 query and the audit hash chain read them): change a text only with a migration of the old rows.
import { SUPERVISION_ACTION_LABELS, type SupervisionReportAction } from './annual-report/supervision-report-states.ts';
import { REQUEST_TYPE_LABELS, type RequestType } from './requests.ts';
import { RUN_STATUS_CAUSE_ACTIONS, type RunStatusCause } from './run-status.ts';

/** Who can act (the audit_log.actor_type CHECK list). */
export const ACTOR_TYPES = ['ORG_USER', 'SITE', 'APPLICANT', 'SYSTEM'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** The stored text of each action whose text does not depend on the event's details. */
export const AUDIT_ACTION_TEXT = {
  // A request's lifecycle (SPEC §12)
  REQUEST_SUBMITTED: '提交',
  REQUEST_RESUBMITTED: '重新提交',
  REQUEST_WITHDRAWN: '撤回',
  REQUEST_CLOSED_STALE: '超期关闭',
  REQUEST_SUBMITTED_ALL: '全部提交',
  REQUEST_APPROVED: '审核通过',
  REQUEST_RETURNED: '退回',
  CHANGE_APPROVED: '办结修改审核通过',
  CHANGE_RETURNED: '办结修改审核退回',
  OFFLINE_REJECTED: '驳回',
  CODE_ISSUED: '生成标识码',
  REQUEST_REROUTED: '挂接变更',
  // The 16:00 batch and 校验码
  ISSUANCE_RUN_STARTED: '手动生成标识码',
  CHECK_CODE_RESET: '重置校验码',
  // Organizing units
  ORG_UNIT_CREATED: '新建组织单位',
  ORG_UNIT_RENAMED: '组织单位更名',
  ORG_UNIT_EDITED: '修改组织单位信息',
  ORG_UNIT_MOVED: '迁移组织单位',
  ORG_UNIT_DISABLED: '停用组织单位',
  ORG_UNIT_ENABLED: '启用组织单位',
  ORG_UNITS_IMPORT_CREATED: '导入新增组织单位',
  ORG_UNITS_IMPORT_UPDATED: '导入更新组织单位',
  ORG_UNITS_EXPORTED: '导出组织单位信息',
  // Accounts
  ACCOUNT_CREATED: '新建账号',
  ACCOUNT_ENABLED: '启用账号',
  ACCOUNT_DISABLED: '停用账号',
  PASSWORD_RESET: '重置密码',
  PASSWORD_CHANGED: '修改密码',
  // Register exports and imports
  REGISTER_EXPORTED: '导出',
  SITES_IMPORTED: '批量导入',
  SITE_IMPORT_UPDATED: '批量导入更新',
  SITE_IMPORT_RUN: '批量导入网站',
  CHECK_CODE_SHEET_DOWNLOADED: '下载校验码发放表',
  // Org tools
  NOTICE_PUBLISHED: '发布重要通知',
  NOTICE_PINNED: '置顶重要通知',
  NOTICE_UNPINNED: '取消置顶重要通知',
  NOTICE_WITHDRAWN: '撤回重要通知',
  SPOT_CHECK_SUBMITTED: '上报抽查情况',
  SPOT_CHECK_SUBMITTED_LATE: '上报抽查情况（逾期）',
  SPOT_CHECK_RETURNED: '退回抽查情况',
  COLUMN_CATEGORIES_MAINTAINED: '维护栏目类别',
  // Annual reports (issue 21)
  SUPERVISION_REPORT_CREATED: '创建监管年度报表',
  WORK_REPORT_SAVED: '保存工作年度报表草稿',
  WORK_REPORT_SUBMITTED: '提交工作年度报表',
  WORK_REPORT_RESUBMITTED: '重新提交工作年度报表',
  WORK_REPORT_APPROVED: '工作年度报表审核通过',
  WORK_REPORT_RETURNED: '退回工作年度报表',
  WORK_REPORT_PUBLISHED: '回填工作年度报表发布地址',
  WORK_REPORT_ADDRESS_CORRECTED: '更正工作年度报表发布地址',
  WORK_REPORT_WINDOW_SET: '设置工作年度报表填报时间',
  // System
  LINK_HEALTH_FLAGGED: 'LINK_HEALTH_FLAGGED',
  DEMO_DATA_SEEDED: '写入演示数据',
} as const;
export type PlainAuditKind = keyof typeof AUDIT_ACTION_TEXT;

/** What an entry records about its record, besides who acted, when, and the action. */
export interface AuditFields {
  entityType: string;
  entityId: string;
  siteCode?: string | null;
  requestId?: number | null;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
}

/** 提交 / 撤回 of a change request by the 填报单位: the text names the request type (提交基本信息修改 …). */
export type OperatorRequestEvent = AuditFields & {
  kind: 'OPERATOR_REQUEST_FILED' | 'OPERATOR_REQUEST_WITHDRAWN';
  requestType: RequestType;
};
/** A run-status change: the text is its cause's (临时下线, 恢复正常, 删除 …). */
export type RunStatusEvent = AuditFields & { kind: 'RUN_STATUS_CHANGED'; cause: RunStatusCause };

/** A step of a 监管年度报表 (保存, 提交, 通过, 退回 …): the text is the action's. */
export type SupervisionReportEvent = AuditFields & {
  kind: 'SUPERVISION_REPORT_STEP';
  action: SupervisionReportAction;
};

export type AuditEvent =
  | { [K in PlainAuditKind]: AuditFields & { kind: K } }[PlainAuditKind]
  | OperatorRequestEvent
  | RunStatusEvent
  | SupervisionReportEvent;

/** The stored audit_log.action text of an event (审核流水's 操作 column). */
export function auditActionText(event: AuditEvent): string {
  switch (event.kind) {
    case 'OPERATOR_REQUEST_FILED':
      return `提交${REQUEST_TYPE_LABELS[event.requestType]}`;
    case 'OPERATOR_REQUEST_WITHDRAWN':
      return `撤回${REQUEST_TYPE_LABELS[event.requestType]}`;
    case 'RUN_STATUS_CHANGED':
      return RUN_STATUS_CAUSE_ACTIONS[event.cause];
    case 'SUPERVISION_REPORT_STEP':
      return SUPERVISION_ACTION_LABELS[event.action];
    default:
      return AUDIT_ACTION_TEXT[event.kind];
  }
}
