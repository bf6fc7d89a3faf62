// The stored 审核流水 action texts, derived from typed events in one place: they must stay exactly the texts earlier
// releases wrote (existing rows, the 临时码 query and the audit hash chain read them).
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_TEXT, type AuditEvent, auditActionText } from '../../src/domain/audit-events.ts';
import { REQUEST_TYPES } from '../../src/domain/requests.ts';
import { RUN_STATUS_CAUSES } from '../../src/domain/run-status.ts';

const fields = { entityType: 'REQUEST', entityId: '1' };

describe('audit event texts', () => {
  it('keeps the texts of the review lifecycle (SPEC §12)', () => {
    const texts = (
      ['REQUEST_SUBMITTED', 'REQUEST_RESUBMITTED', 'REQUEST_WITHDRAWN', 'REQUEST_CLOSED_STALE'] as const
    ).map((kind) => auditActionText({ kind, ...fields }));
    expect(texts).toEqual(['提交', '重新提交', '撤回', '超期关闭']);
    expect(auditActionText({ kind: 'REQUEST_APPROVED', ...fields })).toBe('审核通过');
    expect(auditActionText({ kind: 'REQUEST_RETURNED', ...fields })).toBe('退回');
    expect(auditActionText({ kind: 'REQUEST_SUBMITTED_ALL', ...fields })).toBe('全部提交');
    expect(auditActionText({ kind: 'CHANGE_APPROVED', ...fields })).toBe('办结修改审核通过');
    expect(auditActionText({ kind: 'CHANGE_RETURNED', ...fields })).toBe('办结修改审核退回');
    expect(auditActionText({ kind: 'OFFLINE_REJECTED', ...fields })).toBe('驳回');
    expect(auditActionText({ kind: 'CODE_ISSUED', ...fields })).toBe('生成标识码');
    expect(auditActionText({ kind: 'REQUEST_REROUTED', ...fields })).toBe('挂接变更');
  });

  it('names the request type in the operator’s 提交 / 撤回', () => {
    const filed: AuditEvent = { kind: 'OPERATOR_REQUEST_FILED', requestType: 'MODIFY', ...fields };
    const withdrawn: AuditEvent = { kind: 'OPERATOR_REQUEST_WITHDRAWN', requestType: 'DOMAINS', ...fields };
    expect(auditActionText(filed)).toBe('提交基本信息修改');
    expect(auditActionText(withdrawn)).toBe('撤回维护其他域名');
    for (const requestType of REQUEST_TYPES) {
      expect(auditActionText({ kind: 'OPERATOR_REQUEST_FILED', requestType, ...fields })).toMatch(
        /^提交\p{Script=Han}/u,
      );
    }
  });

  it('gives each run-status cause its action', () => {
    const text = (cause: (typeof RUN_STATUS_CAUSES)[number]) =>
      auditActionText({ kind: 'RUN_STATUS_CHANGED', cause, entityType: 'SITE', entityId: '1' });
    expect(RUN_STATUS_CAUSES.map(text)).toEqual([
      '生成标识码',
      '撤回',
      '紧急下线',
      '临时下线',
      '下线申请通过',
      '完成下线',
      '恢复上线',
      '恢复正常',
      '恢复正常',
      '设为例外',
      '删除',
      '恢复正常',
    ]);
  });

  it('has one text per plain kind, none empty, and no two kinds of one entity sharing a text by accident', () => {
    const entries = Object.entries(AUDIT_ACTION_TEXT);
    for (const [, text] of entries) expect(text.length).toBeGreaterThan(0);
    expect(new Set(entries.map(([, t]) => t)).size).toBe(entries.length);
  });
});
