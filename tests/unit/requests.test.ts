// The request state machine: exact transitions, the labels each unit sees, and properties over random action sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicantProgressText,
  currentOrgOf,
  decide,
  MULTI_STEP_TYPES,
  orgStatusLabel,
  REQUEST_STATES,
  type RequestAction,
  type RequestActor,
  type RequestSnapshot,
  type RequestType,
  reporterStatusLabel,
  staleReturnCutoff,
  transitionColumns,
} from '../../src/domain/requests.ts';

const chain = ['130302', '130300', '130000'];
const county = { kind: 'ORG', orgCode: '130302' } as const;
const city = { kind: 'ORG', orgCode: '130300' } as const;
const province = { kind: 'ORG', orgCode: '130000' } as const;

function apply(req: RequestSnapshot, actor: RequestActor, action: RequestAction, reason?: string): RequestSnapshot {
  const d = decide(req, actor, action, reason);
  if (!d.ok) throw new Error(d.reason);
  return { ...req, state: d.next.state, stepIndex: d.next.stepIndex };
}

describe('new-site chain county → city → province', () => {
  it('walks the chain with the labels of SPEC §7.1.3 at each unit', () => {
    let r: RequestSnapshot = { type: 'NEW_SITE', state: 'SUBMITTED', chain, stepIndex: 0 };
    expect(orgStatusLabel(r, '130302')).toBe('未提交');
    expect(orgStatusLabel(r, '130300')).toBe('审核中');
    expect(decide(r, city, 'APPROVE')).toEqual({ ok: false, reason: '审核流程尚未到达本单位，暂不能审核' });
    r = apply(r, county, 'APPROVE');
    expect([r.state, r.stepIndex]).toEqual(['IN_REVIEW', 1]);
    expect(orgStatusLabel(r, '130302')).toBe('已审核');
    expect(orgStatusLabel(r, '130300')).toBe('未审核');
    expect(orgStatusLabel(r, '130000')).toBe('审核中');
    expect(decide(r, county, 'APPROVE')).toEqual({ ok: false, reason: '本单位已审核，该申请已转上级组织单位审核' });
    r = apply(r, city, 'APPROVE');
    const final = decide(r, province, 'APPROVE');
    expect(final.ok && final.next).toEqual({
      state: 'CODE_PENDING',
      stepIndex: 2,
      currentOrg: null,
      finalApproval: true,
    });
    r = apply(r, province, 'APPROVE');
    for (const org of chain) expect(orgStatusLabel(r, org)).toBe('已办结');
    expect(decide(r, province, 'APPROVE').ok).toBe(false);
    r = apply(r, { kind: 'SYSTEM' }, 'ISSUE');
    expect(r.state).toBe('DONE');
  });

  it('当页数据全部提交 moves a 未提交 row into the chain without approving', () => {
    const r = apply({ type: 'NEW_SITE', state: 'SUBMITTED', chain, stepIndex: 0 }, county, 'SUBMIT_ALL');
    expect([r.state, r.stepIndex]).toEqual(['IN_REVIEW', 0]);
    expect(orgStatusLabel(r, '130302')).toBe('未审核');
    expect(decide(r, county, 'SUBMIT_ALL').ok).toBe(false);
  });

  it('退回 needs a reason; the applicant resubmits to chain[0] or withdraws', () => {
    const r0: RequestSnapshot = { type: 'NEW_SITE', state: 'IN_REVIEW', chain, stepIndex: 1 };
    expect(decide(r0, city, 'RETURN', '  ')).toEqual({ ok: false, reason: '退回必须填写原因' });
    const returned = apply(r0, city, 'RETURN', '名称不规范');
    expect(orgStatusLabel(returned, '130302')).toBe('审核未通过');
    expect(applicantProgressText({ state: 'RETURNED', returnReason: '名称不规范' }, new Date())).toBe(
      '审核未通过：名称不规范',
    );
    const again = apply(returned, { kind: 'REQUESTER' }, 'SUBMIT');
    expect([again.state, again.stepIndex]).toEqual(['SUBMITTED', 0]);
    expect(apply(returned, { kind: 'REQUESTER' }, 'WITHDRAW').state).toBe('WITHDRAWN');
    expect(decide(r0, { kind: 'REQUESTER' }, 'WITHDRAW')).toEqual({ ok: false, reason: '审核已开始，不能撤回' });
  });

  it('the progress query says today before 16:00 and tomorrow after', () => {
    const approvedMorning = new Date('2026-11-02T02:00:00Z'); // 10:00 Shanghai
    expect(applicantProgressText({ state: 'CODE_PENDING', finalApprovedAt: approvedMorning }, approvedMorning)).toBe(
      '审核通过，网站标识码还未生成，将于今天生成',
    );
    const approvedEvening = new Date('2026-11-02T08:00:01Z'); // 16:00:01 Shanghai
    expect(applicantProgressText({ state: 'CODE_PENDING', finalApprovedAt: approvedEvening }, approvedEvening)).toBe(
      '审核通过，网站标识码还未生成，将于明天生成',
    );
  });
});

describe('single-step modification labels', () => {
  it('办结后修改 / 修改未审核 → 已办结 / 修改审核通过, or 修改后审核未通过 on both sides', () => {
    const r: RequestSnapshot = { type: 'MODIFY', state: 'SUBMITTED', chain: ['130302'], stepIndex: 0 };
    expect(orgStatusLabel(r, '130302')).toBe('办结后修改');
    expect(reporterStatusLabel(r)).toBe('修改未审核');
    const done = apply(r, county, 'APPROVE');
    expect(done.state).toBe('DONE');
    expect([orgStatusLabel(done, '130302'), reporterStatusLabel(done)]).toEqual(['已办结', '修改审核通过']);
    const back = apply(r, county, 'RETURN', '栏目地址无法访问');
    expect([orgStatusLabel(back, '130302'), reporterStatusLabel(back)]).toEqual([
      '修改后审核未通过',
      '修改后审核未通过',
    ]);
  });
});

describe('closing an application left returned (SPEC §16 item 2)', () => {
  const returned: RequestSnapshot = { type: 'NEW_SITE', state: 'RETURNED', chain, stepIndex: 1 };

  it('closes a returned new-site application as withdrawn, by the system only', () => {
    expect(decide(returned, { kind: 'SYSTEM' }, 'CLOSE_STALE')).toMatchObject({
      ok: true,
      next: { state: 'WITHDRAWN' },
    });
    expect(decide(returned, { kind: 'REQUESTER' }, 'CLOSE_STALE').ok).toBe(false);
    expect(decide(returned, { kind: 'ORG', orgCode: '130300' }, 'CLOSE_STALE').ok).toBe(false);
    for (const state of ['SUBMITTED', 'IN_REVIEW', 'CODE_PENDING', 'DONE', 'WITHDRAWN', 'DRAFT'] as const) {
      expect(decide({ ...returned, state }, { kind: 'SYSTEM' }, 'CLOSE_STALE').ok, state).toBe(false);
    }
    expect(
      decide({ ...returned, type: 'MODIFY', chain: ['130302'], stepIndex: 0 }, { kind: 'SYSTEM' }, 'CLOSE_STALE').ok,
    ).toBe(false);
  });

  it('the cut-off is 90 × 24 hours before now, and the progress text says why', () => {
    const now = new Date('2026-11-29T16:10:00Z');
    expect(staleReturnCutoff(now).toISOString()).toBe('2026-08-31T16:10:00.000Z');
    expect(applicantProgressText({ state: 'WITHDRAWN', closedStale: true }, now)).toBe(
      '已关闭：退回后 90 天内未重新提交，网站名称和网址已释放',
    );
    expect(applicantProgressText({ state: 'WITHDRAWN' }, now)).toBe('已撤回');
  });
});

const TYPES: RequestType[] = ['NEW_SITE', 'MODIFY', 'PORTAL_ON', 'OFFLINE_TEMP', 'OFFLINE_EMERGENCY'];
const ORGS = ['130302', '130300', '130000', '130303', 'bm0100'];
const actorArb: fc.Arbitrary<RequestActor> = fc.oneof(
  fc.constantFrom(...ORGS).map((orgCode) => ({ kind: 'ORG' as const, orgCode })),
  fc.constant({ kind: 'REQUESTER' as const }),
  fc.constant({ kind: 'SYSTEM' as const }),
);
const actionArb = fc.constantFrom<RequestAction>(
  'SUBMIT_ALL',
  'APPROVE',
  'RETURN',
  'SUBMIT',
  'WITHDRAW',
  'ISSUE',
  'CLOSE_STALE',
);

describe('properties over random action sequences', () => {
  it('never reaches an invalid state, and only the current unit moves a request forward', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(actorArb, actionArb, fc.option(fc.string(), { nil: undefined })), { maxLength: 40 }),
        (type, length, steps) => {
          const reqChain = MULTI_STEP_TYPES.has(type) ? chain.slice(3 - length) : ['130302'];
          let r: RequestSnapshot = { type, state: 'SUBMITTED', chain: reqChain, stepIndex: 0 };
          for (const [actor, action, reason] of steps) {
            const before = r;
            const d = decide(r, actor, action, reason);
            if (!d.ok) {
              expect(d.reason.length).toBeGreaterThan(0);
              continue;
            }
            r = { ...r, state: d.next.state, stepIndex: d.next.stepIndex };
            // Bounds and the current-unit invariant.
            expect(r.stepIndex).toBeGreaterThanOrEqual(0);
            expect(r.stepIndex).toBeLessThan(r.chain.length);
            expect(d.next.currentOrg).toBe(currentOrgOf(r));
            // Org actions come only from the unit whose turn it was (or chain[0] for 全部提交).
            if (actor.kind === 'ORG') {
              expect(actor.orgCode).toBe(action === 'SUBMIT_ALL' ? before.chain[0] : currentOrgOf(before));
              expect(['130302', '130300', '130000']).toContain(actor.orgCode);
            }
            // Forward moves are by one step at most; finals land in CODE_PENDING only for new sites.
            if (action === 'APPROVE') expect(r.stepIndex - before.stepIndex).toBeLessThanOrEqual(1);
            if (r.state === 'CODE_PENDING') expect(type).toBe('NEW_SITE');
            if (r.state === 'DONE' && type === 'NEW_SITE') expect(actor.kind).toBe('SYSTEM');
            // Only a returned new-site application is closed by the system.
            if (action === 'CLOSE_STALE')
              expect([type, before.state, actor.kind]).toEqual(['NEW_SITE', 'RETURNED', 'SYSTEM']);
            // Terminal states stay terminal.
            if (before.state === 'DONE' || before.state === 'WITHDRAWN')
              throw new Error('moved out of a terminal state');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('删除 of the site withdraws its open requests', () => {
  it('withdraws any open request by an organizing unit, never a finished one', () => {
    for (const state of REQUEST_STATES) {
      const d = decide(
        { type: 'NEW_SITE', state, chain, stepIndex: 1 },
        { kind: 'ORG', orgCode: 'bm0100' },
        'SITE_DELETED',
      );
      const open = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CODE_PENDING'].includes(state);
      expect(d.ok).toBe(open);
      if (d.ok) expect(d.next).toEqual({ state: 'WITHDRAWN', stepIndex: 1, currentOrg: null, finalApproval: false });
    }
    const open: RequestSnapshot = { type: 'MODIFY', state: 'SUBMITTED', chain: ['130302'], stepIndex: 0 };
    expect(decide(open, { kind: 'REQUESTER' }, 'SITE_DELETED').ok).toBe(false);
  });
});

describe('the columns a transition moves (one rule for every writer)', () => {
  const at = (state: RequestSnapshot['state'], stepIndex = 0): RequestSnapshot => ({
    type: 'NEW_SITE',
    state,
    chain,
    stepIndex,
  });
  const next = (r: RequestSnapshot, action: RequestAction, reason?: string) => {
    const d = decide(
      r,
      action === 'SUBMIT' || action === 'WITHDRAW'
        ? { kind: 'REQUESTER' }
        : r.state === 'CODE_PENDING'
          ? { kind: 'SYSTEM' }
          : { kind: 'ORG', orgCode: currentOrgOf(r) ?? chain[0]! },
      action,
      reason,
    );
    if (!d.ok) throw new Error(d.reason);
    return d.next;
  };

  it('first submission, approval up the chain, return, resubmission, final approval, issuance', () => {
    const draft = at('DRAFT');
    expect(transitionColumns('SUBMIT', draft, next(draft, 'SUBMIT'))).toEqual({
      stepEntered: true,
      submitted: true,
      decided: false,
      finalApproved: false,
      returnReason: 'CLEAR',
    });
    const step0 = at('IN_REVIEW', 0);
    expect(transitionColumns('APPROVE', step0, next(step0, 'APPROVE'))).toMatchObject({
      stepEntered: true,
      decided: false,
    });
    const submittedRow = at('SUBMITTED', 0);
    expect(transitionColumns('SUBMIT_ALL', submittedRow, next(submittedRow, 'SUBMIT_ALL')).stepEntered).toBe(false);
    const step1 = at('IN_REVIEW', 1);
    expect(transitionColumns('RETURN', step1, next(step1, 'RETURN', '材料不全'))).toEqual({
      stepEntered: false,
      submitted: false,
      decided: true,
      finalApproved: false,
      returnReason: 'SET',
    });
    const returned = at('RETURNED', 1);
    expect(transitionColumns('SUBMIT', returned, next(returned, 'SUBMIT'))).toMatchObject({
      stepEntered: true,
      submitted: false, // 提交时间 stays the first submission
      returnReason: 'CLEAR',
    });
    const last = at('IN_REVIEW', 2);
    expect(transitionColumns('APPROVE', last, next(last, 'APPROVE'))).toMatchObject({
      decided: true,
      finalApproved: true,
      stepEntered: false,
    });
    const pending = at('CODE_PENDING', 2);
    expect(transitionColumns('ISSUE', pending, next(pending, 'ISSUE'))).toEqual({
      stepEntered: false,
      submitted: false,
      decided: false,
      finalApproved: false,
      returnReason: 'CLEAR',
    });
  });

  it('for any allowed decision: the step clock restarts exactly when a unit newly holds the request (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.constantFrom(...REQUEST_STATES),
        fc.integer({ min: 0, max: 2 }),
        actorArb,
        actionArb,
        (type, state, stepIndex, actor, action) => {
          const reqChain = MULTI_STEP_TYPES.has(type) ? chain : ['130302'];
          const r: RequestSnapshot = {
            type,
            state,
            chain: reqChain,
            stepIndex: Math.min(stepIndex, reqChain.length - 1),
          };
          const d = decide(r, actor, action, '原因');
          if (!d.ok) return;
          const c = transitionColumns(action, r, d.next);
          const held = d.next.currentOrg !== null;
          expect(c.stepEntered).toBe(held && (currentOrgOf(r) === null || r.stepIndex !== d.next.stepIndex));
          expect(c.finalApproved).toBe(d.next.finalApproval);
          expect(c.returnReason === 'SET').toBe(d.next.state === 'RETURNED');
          if (d.next.state === 'WITHDRAWN' || d.next.state === 'RETURNED') expect(c.decided).toBe(true);
          if (c.submitted) expect([action, r.state]).toEqual(['SUBMIT', 'DRAFT']);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
