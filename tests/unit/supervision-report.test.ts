// 《政府网站监管年度报表》 rules: the field definition, every check, every prefill rule and the state machine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  draftErrors,
  enteredRates,
  prefillErrors,
  submissionErrors,
} from '../../src/domain/annual-report/supervision-report-checks.ts';
import {
  allFields,
  ENTERED_KEYS,
  PREFILL_KEYS,
  SUPERVISION_SECTIONS,
} from '../../src/domain/annual-report/supervision-report-fields.ts';
import {
  computePrefill,
  type PrefillSiteRow,
  type PrefillSpotCheckRow,
  runningAtYearEnd,
  siteCounts,
  spotCheckGrid,
  yearRange,
} from '../../src/domain/annual-report/supervision-report-prefill.ts';
import {
  decideSupervision,
  isEditable,
  SUPERVISION_REPORT_STATES,
  type SupervisionActor,
  type SupervisionReportAction,
  type SupervisionReportState,
} from '../../src/domain/annual-report/supervision-report-states.ts';

const sh = (local: string) => new Date(`${local}+08:00`);
const site = (o: Partial<PrefillSiteRow> = {}): PrefillSiteRow => ({
  isPortal: false,
  runStatus: 'NORMAL',
  openedAt: sh('2025-03-01T10:00:00'),
  closedAt: null,
  reopenedAt: null,
  ...o,
});
const full = Object.fromEntries(ENTERED_KEYS.map((k) => [k, 5]));

describe('the field definition', () => {
  it('lists every entered and every prefilled key exactly once, in the template order', () => {
    const keys = allFields().map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => (ENTERED_KEYS as readonly string[]).includes(k))).toEqual([...ENTERED_KEYS]);
    expect(keys.filter((k) => (PREFILL_KEYS as readonly string[]).includes(k))).toEqual([...PREFILL_KEYS]);
    expect(SUPERVISION_SECTIONS.map((s) => s.title)).toEqual([
      '网站总数',
      '网站抽查情况',
      '网站开设整合情况',
      '“我为政府网站找错”平台网民留言办理情况',
      '安全检查情况',
      '假冒政府网站处置情况',
      '人员培训情况',
    ]);
  });

  it('says where every prefilled value comes from', () => {
    for (const f of allFields()) if (f.source === 'PREFILL') expect(f.origin.length).toBeGreaterThan(4);
  });
});

describe('checks', () => {
  it('accepts a blank draft and a complete valid report', () => {
    expect(draftErrors({})).toEqual([]);
    expect(draftErrors(full)).toEqual([]);
  });

  it('refuses negative, fractional and absurd numbers, one message per cell', () => {
    expect(draftErrors({ errorMessages: -1 })).toEqual(['留言数量不能为负数']);
    expect(draftErrors({ trainees: 2.5 })).toEqual(['培训人数须为整数']);
    expect(draftErrors({ securityChecks: 10_000_001 })).toEqual(['检查次数不能超过 10000000']);
    expect(draftErrors({ fakeSitesFound: Number.NaN })).toEqual(['发现假冒政府网站数量须为整数']);
  });

  it('refuses a part larger than its total, only when both are filled', () => {
    expect(draftErrors({ errorMessages: 3, errorMessagesOnTime: 4 })).toEqual([
      '按期办结数量（4）不能大于留言数量（3）',
    ]);
    expect(draftErrors({ securityProblems: 1, securityFixed: 2 })).toEqual([
      '问题整改数量（2）不能大于发现问题数量（1）',
    ]);
    expect(draftErrors({ fakeSitesFound: 0, fakeSitesHandled: 1 })).toEqual([
      '处置假冒政府网站数量（1）不能大于发现假冒政府网站数量（0）',
    ]);
    expect(draftErrors({ errorMessagesOnTime: 4 })).toEqual([]);
  });

  it('requires every entered cell at submission', () => {
    const prefill = computePrefill(2025, [], []);
    expect(submissionErrors(full, prefill)).toEqual([]);
    const { trainees: _t, securityChecks: _s, ...partial } = full;
    expect(submissionErrors(partial, prefill)).toEqual(['请填写：检查次数、培训人数']);
  });

  it('guards the prefill: parts add up, rates within 0–100 %, failures ≤ checked', () => {
    const good = computePrefill(2025, [site(), site({ isPortal: true })], []);
    expect(prefillErrors(good)).toEqual([]);
    const bad = structuredClone(good);
    bad.values.portalSites = 5;
    bad.spotChecks.q2.checkRatio = 120;
    bad.spotChecks.year.passRate = -1;
    bad.spotChecks.q3.failedSites = 3;
    expect(prefillErrors(bad)).toEqual([
      '门户网站与部门网站之和应等于网站总数',
      '第二季度抽查比例应在 0–100% 之间',
      '第三季度不合格网站数量不能大于抽查网站数量',
      '全年合格率应在 0–100% 之间',
    ]);
  });

  it('computes 按期办结率 with one decimal, null while blank or zero', () => {
    expect(enteredRates({ errorMessages: 3, errorMessagesOnTime: 2 })).toEqual({ errorMessagesOnTimeRate: 66.7 });
    expect(enteredRates({ errorMessages: 0, errorMessagesOnTime: 0 })).toEqual({ errorMessagesOnTimeRate: null });
    expect(enteredRates({})).toEqual({ errorMessagesOnTimeRate: null });
  });
});

describe('prefill: sites', () => {
  it('uses the Asia/Shanghai calendar year', () => {
    expect(yearRange(2025).start.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(yearRange(2025).end.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('counts a site issued up to 23:59 on 31 December, not one issued on 1 January', () => {
    expect(runningAtYearEnd(site({ openedAt: sh('2025-12-31T23:59:59') }), 2025)).toBe(true);
    expect(runningAtYearEnd(site({ openedAt: sh('2026-01-01T00:00:00') }), 2025)).toBe(false);
  });

  it('leaves out deleted and 例外 sites, keeps temporarily offline and 待完成下线 ones', () => {
    for (const s of ['DELETED', 'EXCEPTION', 'APPLYING', 'WITHDRAWN']) {
      expect(runningAtYearEnd(site({ runStatus: s }), 2025)).toBe(false);
    }
    for (const s of ['NORMAL', 'TEMP_OFFLINE', 'EMERGENCY_OFFLINE', 'PERM_OFFLINE_PENDING']) {
      expect(runningAtYearEnd(site({ runStatus: s }), 2025)).toBe(true);
    }
  });

  it('leaves out a site closed before the year end unless it was restored afterwards', () => {
    const closed = { runStatus: 'PERM_OFFLINE', closedAt: sh('2025-06-01T10:00:00') };
    expect(runningAtYearEnd(site(closed), 2025)).toBe(false);
    expect(
      runningAtYearEnd(site({ ...closed, reopenedAt: sh('2025-09-01T10:00:00'), runStatus: 'NORMAL' }), 2025),
    ).toBe(true);
    expect(runningAtYearEnd(site({ ...closed, reopenedAt: sh('2025-03-01T10:00:00') }), 2025)).toBe(false);
    // Closed next year: it was still running on 31 December.
    expect(runningAtYearEnd(site({ runStatus: 'PERM_OFFLINE', closedAt: sh('2026-01-02T10:00:00') }), 2025)).toBe(true);
  });

  it('splits the total into portals and department sites, and counts openings and closures of the year', () => {
    const counts = siteCounts(
      [
        site({ isPortal: true, openedAt: sh('2020-01-01T10:00:00') }),
        site({ openedAt: sh('2025-01-01T00:00:00') }),
        site({ openedAt: sh('2025-12-31T20:00:00') }),
        site({ openedAt: sh('2025-05-01T10:00:00'), runStatus: 'DELETED' }),
        site({ openedAt: sh('2024-12-31T23:00:00'), runStatus: 'PERM_OFFLINE', closedAt: sh('2025-08-01T10:00:00') }),
        site({ openedAt: sh('2019-12-31T23:00:00'), runStatus: 'PERM_OFFLINE', closedAt: sh('2024-08-01T10:00:00') }),
        site({ openedAt: sh('2026-01-01T08:00:00') }),
      ],
      2025,
    );
    expect(counts).toEqual({ sitesTotal: 3, portalSites: 1, departmentSites: 2, sitesOpened: 2, sitesClosed: 1 });
  });
});

describe('prefill: spot checks', () => {
  const report = (o: Partial<PrefillSpotCheckRow>): PrefillSpotCheckRow => ({
    quarter: 1,
    status: 'SUBMITTED',
    runningTotal: 10,
    checkedCount: 4,
    passedCount: 3,
    accountability: 1,
    ...o,
  });

  it('fills each quarter from its submitted report and sums the year', () => {
    const grid = spotCheckGrid([
      report({ quarter: 2, runningTotal: 12, checkedCount: 4, passedCount: 3, accountability: 2 }),
      report({ quarter: 4, runningTotal: 8, checkedCount: 3, passedCount: 3, accountability: 0 }),
      report({ quarter: 3, status: 'DRAFT', checkedCount: 9 }),
      report({ quarter: 1, status: 'RETURNED', checkedCount: 9 }),
    ]);
    const none = { checks: 0, checkedSites: 0, checkRatio: null, passRate: null, failedSites: 0, accountability: 0 };
    expect(grid.q1).toEqual(none);
    expect(grid.q3).toEqual(none);
    expect(grid.q2).toEqual({
      checks: 1,
      checkedSites: 4,
      checkRatio: 33.3,
      passRate: 75,
      failedSites: 1,
      accountability: 2,
    });
    expect(grid.q4).toEqual({
      checks: 1,
      checkedSites: 3,
      checkRatio: 37.5,
      passRate: 100,
      failedSites: 0,
      accountability: 0,
    });
    expect(grid.year).toEqual({
      checks: 2,
      checkedSites: 7,
      checkRatio: 35,
      passRate: 85.7,
      failedSites: 1,
      accountability: 2,
    });
  });

  it('keeps every rate within 0–100 % and the year consistent with its quarters', () => {
    const quarterArb = fc
      .record({
        runningTotal: fc.integer({ min: 0, max: 5000 }),
        checked: fc.integer({ min: 0, max: 5000 }),
        passed: fc.integer({ min: 0, max: 5000 }),
        accountability: fc.integer({ min: 0, max: 50 }),
        status: fc.constantFrom('DRAFT', 'SUBMITTED', 'RETURNED'),
      })
      .map((r) => {
        const checked = Math.min(r.checked, r.runningTotal);
        return { ...r, checked, passed: Math.min(r.passed, checked) };
      });
    fc.assert(
      fc.property(fc.array(quarterArb, { minLength: 4, maxLength: 4 }), (qs) => {
        const reports = qs.map((q, i) =>
          report({
            quarter: (i + 1) as 1 | 2 | 3 | 4,
            status: q.status as PrefillSpotCheckRow['status'],
            runningTotal: q.runningTotal,
            checkedCount: q.checked,
            passedCount: q.passed,
            accountability: q.accountability,
          }),
        );
        const prefill = computePrefill(2025, [], reports);
        expect(prefillErrors(prefill)).toEqual([]);
        const g = prefill.spotChecks;
        const quarters = [g.q1, g.q2, g.q3, g.q4];
        expect(g.year.checkedSites).toBe(quarters.reduce((s, q) => s + (q.checkedSites ?? 0), 0));
        expect(g.year.failedSites).toBe(quarters.reduce((s, q) => s + (q.failedSites ?? 0), 0));
        expect(g.year.checks).toBe(qs.filter((q) => q.status === 'SUBMITTED').length);
      }),
    );
  });
});

describe('the state machine', () => {
  const unit: SupervisionActor = { kind: 'UNIT', orgCode: '130000' };
  const other: SupervisionActor = { kind: 'UNIT', orgCode: '420000' };
  const root: SupervisionActor = { kind: 'ROOT' };
  const at = (state: SupervisionReportState) => ({ state, orgCode: '130000' });

  it('goes DRAFT → SUBMITTED → RETURNED → SUBMITTED → APPROVED', () => {
    expect(decideSupervision(at('DRAFT'), unit, 'SUBMIT')).toMatchObject({ ok: true, to: 'SUBMITTED' });
    expect(decideSupervision(at('SUBMITTED'), root, 'RETURN', ' 数据有误 ')).toMatchObject({
      ok: true,
      to: 'RETURNED',
      returnReason: '数据有误',
    });
    expect(decideSupervision(at('RETURNED'), unit, 'SAVE')).toMatchObject({ ok: true, to: 'RETURNED' });
    expect(decideSupervision(at('RETURNED'), unit, 'SUBMIT')).toMatchObject({
      ok: true,
      to: 'SUBMITTED',
      returnReason: null,
    });
    expect(decideSupervision(at('SUBMITTED'), root, 'APPROVE')).toMatchObject({ ok: true, to: 'APPROVED' });
  });

  it('refuses with the reason the user sees', () => {
    expect(decideSupervision(at('SUBMITTED'), root, 'RETURN', '  ')).toEqual({ ok: false, reason: '请填写退回原因' });
    expect(decideSupervision(at('SUBMITTED'), unit, 'APPROVE')).toEqual({
      ok: false,
      reason: '只有国务院办公厅可以审核监管年度报表',
    });
    expect(decideSupervision(at('DRAFT'), root, 'SAVE')).toEqual({
      ok: false,
      reason: '监管年度报表由省级（部委）组织单位填报',
    });
    expect(decideSupervision(at('DRAFT'), other, 'SAVE')).toEqual({
      ok: false,
      reason: '只能填报本单位的监管年度报表',
    });
    expect(decideSupervision(at('APPROVED'), unit, 'SAVE')).toEqual({
      ok: false,
      reason: '报表已审核通过，不能再修改',
    });
    expect(decideSupervision(at('APPROVED'), root, 'APPROVE')).toEqual({
      ok: false,
      reason: '报表已审核通过，不能再修改',
    });
    expect(decideSupervision(at('SUBMITTED'), unit, 'REFRESH_PREFILL')).toEqual({
      ok: false,
      reason: '报表已提交，等待国务院办公厅审核',
    });
  });

  const actions: SupervisionReportAction[] = ['SAVE', 'REFRESH_PREFILL', 'SUBMIT', 'APPROVE', 'RETURN'];
  const actorArb = fc.constantFrom<SupervisionActor>(unit, other, root);

  it('property: any sequence keeps a known state; APPROVED is final; only the root leaves SUBMITTED', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(actorArb, fc.constantFrom(...actions), fc.constantFrom('', '原因')), { maxLength: 30 }),
        (steps) => {
          let state: SupervisionReportState = 'DRAFT';
          for (const [actor, action, reason] of steps) {
            const d = decideSupervision(at(state), actor, action, reason);
            if (!d.ok) continue;
            expect(d.from).toContain(state);
            if (state === 'APPROVED') throw new Error('APPROVED must be final');
            if (state === 'SUBMITTED') expect(actor.kind).toBe('ROOT');
            if (actor.kind === 'UNIT') expect(actor.orgCode).toBe('130000');
            if (d.to !== state) expect(['SUBMIT', 'APPROVE', 'RETURN']).toContain(action);
            state = d.to;
            expect(SUPERVISION_REPORT_STATES).toContain(state);
          }
        },
      ),
    );
  });

  it('property: the unit edits exactly in the editable states; the root never edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUPERVISION_REPORT_STATES), (state) => {
        expect(decideSupervision(at(state), unit, 'SAVE').ok).toBe(isEditable(state));
        expect(decideSupervision(at(state), root, 'SAVE').ok).toBe(false);
        expect(decideSupervision(at(state), root, 'APPROVE').ok).toBe(state === 'SUBMITTED');
      }),
    );
  });
});
