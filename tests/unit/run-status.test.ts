// The run-status transition table: which cause moves a site from which status to which, and who may cause it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REGISTER_RUN_STATUSES,
  RUN_STATUS_CAUSES,
  RUN_STATUS_TRANSITIONS,
  type RunStatusActorKind,
  runStatusTransition,
} from '../../src/domain/run-status.ts';
import { SITE_STATUS_ACTIONS, siteStatusTransition } from '../../src/domain/site-status.ts';

const ACTORS: readonly RunStatusActorKind[] = ['ORG', 'SITE', 'APPLICANT', 'SYSTEM'];

describe('run-status transitions', () => {
  it('allows the documented moves', () => {
    expect(runStatusTransition('ISSUE_CODE', 'APPLYING', 'SYSTEM')).toEqual({ ok: true, to: 'NORMAL' });
    expect(runStatusTransition('WITHDRAW_APPLICATION', 'APPLYING', 'APPLICANT')).toEqual({ ok: true, to: 'WITHDRAWN' });
    expect(runStatusTransition('EMERGENCY_OFFLINE', 'NORMAL', 'SITE')).toEqual({ ok: true, to: 'EMERGENCY_OFFLINE' });
    expect(runStatusTransition('TEMP_OFFLINE_START', 'NORMAL', 'SYSTEM')).toEqual({ ok: true, to: 'TEMP_OFFLINE' });
    expect(runStatusTransition('PERM_OFFLINE_APPROVED', 'TEMP_OFFLINE', 'ORG')).toEqual({
      ok: true,
      to: 'PERM_OFFLINE_PENDING',
    });
    expect(runStatusTransition('COMPLETE_OFFLINE', 'PERM_OFFLINE_PENDING', 'SITE')).toEqual({
      ok: true,
      to: 'PERM_OFFLINE',
    });
    expect(runStatusTransition('AUTO_RESTORE', 'EMERGENCY_OFFLINE', 'SYSTEM')).toEqual({ ok: true, to: 'NORMAL' });
    expect(runStatusTransition('RESTORE', 'DELETED', 'ORG')).toEqual({ ok: true, to: 'NORMAL' });
  });

  it('refuses the moves the table does not hold', () => {
    expect(runStatusTransition('ISSUE_CODE', 'WITHDRAWN', 'SYSTEM').ok).toBe(false);
    expect(runStatusTransition('COMPLETE_OFFLINE', 'NORMAL', 'SITE').ok).toBe(false);
    expect(runStatusTransition('EMERGENCY_OFFLINE', 'TEMP_OFFLINE', 'SITE').ok).toBe(false);
    expect(runStatusTransition('DELETE', 'DELETED', 'ORG').ok).toBe(false);
    expect(runStatusTransition('RESTORE', 'NORMAL', 'ORG').ok).toBe(false);
    // The wrong actor: a 填报单位 cannot delete its own site, an organizing unit does not complete a closure.
    expect(runStatusTransition('DELETE', 'NORMAL', 'SITE').ok).toBe(false);
    expect(runStatusTransition('COMPLETE_OFFLINE', 'PERM_OFFLINE_PENDING', 'ORG').ok).toBe(false);
  });

  it('never leaves an application status by an offline or status cause, and never returns to APPLYING', () => {
    for (const cause of RUN_STATUS_CAUSES) {
      const rule = RUN_STATUS_TRANSITIONS[cause];
      expect(rule.to).not.toBe('APPLYING');
      if (cause !== 'ISSUE_CODE' && cause !== 'WITHDRAW_APPLICATION') {
        expect(rule.from).not.toContain('APPLYING');
        expect(rule.from).not.toContain('WITHDRAWN');
      }
    }
  });

  it('is exactly the table for every cause × status × actor (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RUN_STATUS_CAUSES),
        fc.constantFrom(...REGISTER_RUN_STATUSES),
        fc.constantFrom(...ACTORS),
        (cause, from, actor) => {
          const rule = RUN_STATUS_TRANSITIONS[cause];
          const d = runStatusTransition(cause, from, actor);
          const allowed = rule.from.includes(from) && rule.actors.includes(actor);
          expect(d.ok).toBe(allowed);
          if (d.ok) {
            expect(d.to).toBe(rule.to);
            expect(d.to).not.toBe(from);
          } else {
            expect(d.reason.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any sequence of allowed moves keeps a site in a known status and an issued site never unissued', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...RUN_STATUS_CAUSES), fc.constantFrom(...ACTORS)), { maxLength: 30 }),
        (steps) => {
          let status: (typeof REGISTER_RUN_STATUSES)[number] = 'APPLYING';
          let issued = false;
          for (const [cause, actor] of steps) {
            const d = runStatusTransition(cause, status, actor);
            if (!d.ok) continue;
            status = d.to;
            if (cause === 'ISSUE_CODE') issued = true;
            expect(REGISTER_RUN_STATUSES).toContain(status);
            if (issued) expect(['APPLYING', 'WITHDRAWN']).not.toContain(status);
          }
        },
      ),
    );
  });

  it('例外 / 删除 / 恢复正常 follow the table', () => {
    for (const action of SITE_STATUS_ACTIONS) {
      for (const from of REGISTER_RUN_STATUSES) {
        const t = siteStatusTransition(action, from);
        const d = runStatusTransition(action, from, 'ORG');
        expect(t.ok).toBe(d.ok);
        if (t.ok && d.ok) expect(t.to).toBe(d.to);
      }
    }
  });
});
