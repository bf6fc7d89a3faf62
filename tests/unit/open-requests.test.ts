// Which requests may be open together on one site (SPEC §7.0, §16 item 20), which ones a row shows, and each one's
// 申报状态 and abilities for the viewer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockingRequest,
  bulkApproveRefusal,
  bulkSubmitRefusal,
  mayBeOpenTogether,
  orgStatusText,
  requestViews,
  reviewRefusal,
  type ShownRequest,
  shownRequests,
} from '../../src/domain/open-requests.ts';
import {
  decide,
  OPEN_STATES,
  orgStatusLabel,
  REQUEST_STATES,
  REQUEST_TYPE_LABELS,
  REVIEWABLE_STATES,
  type RequestState,
  type RequestType,
} from '../../src/domain/requests.ts';

const TYPES = Object.keys(REQUEST_TYPE_LABELS) as RequestType[];
const STATES: RequestState[] = [...REQUEST_STATES];
const ORGS = ['130302', '130300', '130000'];
const CHAIN = ['130302', '130300', '130000'];

const requestArb = fc.record({
  id: fc.integer({ min: 1, max: 1000 }),
  type: fc.constantFrom(...TYPES),
  state: fc.constantFrom(...STATES),
  chain: fc.constant(CHAIN),
  stepIndex: fc.integer({ min: 0, max: 2 }),
  endedAt: fc.option(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }), {
    nil: null,
  }),
});

describe('mayBeOpenTogether (SPEC §16 item 20)', () => {
  it('lets exactly an emergency offline be open beside one request of another type', () => {
    for (const a of TYPES) {
      for (const b of TYPES) {
        const expected = (a === 'OFFLINE_EMERGENCY') !== (b === 'OFFLINE_EMERGENCY');
        expect(mayBeOpenTogether(a, b), `${a} + ${b}`).toBe(expected);
        expect(mayBeOpenTogether(a, b)).toBe(mayBeOpenTogether(b, a));
      }
    }
    expect(mayBeOpenTogether('SERVICE_OFF', 'OFFLINE_EMERGENCY')).toBe(true);
    expect(mayBeOpenTogether('MODIFY', 'PORTAL_ON')).toBe(false);
  });

  it('blocks a new request exactly when an open request may not coexist with it', () => {
    fc.assert(
      fc.property(fc.array(requestArb, { maxLength: 4 }), fc.constantFrom(...TYPES), (requests, type) => {
        const blocking = blockingRequest(requests, type);
        const expected = requests.some((r) => OPEN_STATES.has(r.state) && !mayBeOpenTogether(r.type, type));
        expect(blocking !== null).toBe(expected);
        if (blocking) expect(OPEN_STATES.has(blocking.state)).toBe(true);
      }),
    );
    const emergency = { type: 'OFFLINE_EMERGENCY' as const, state: 'SUBMITTED' as const };
    expect(blockingRequest([emergency], 'SERVICE_OFF')).toBeNull();
    expect(blockingRequest([{ type: 'SERVICE_OFF', state: 'IN_REVIEW' }], 'MODIFY')).not.toBeNull();
    expect(blockingRequest([{ type: 'SERVICE_OFF', state: 'DONE' }], 'MODIFY')).toBeNull();
  });
});

describe('shownRequests: what a row shows', () => {
  it('shows every open request (the emergency last), else the one that ended last, never a draft or withdrawal', () => {
    fc.assert(
      fc.property(fc.uniqueArray(requestArb, { selector: (r) => r.id, maxLength: 5 }), (requests) => {
        const shown = shownRequests(requests);
        const visible = requests.filter((r) => r.state !== 'DRAFT' && r.state !== 'WITHDRAWN');
        const open = visible.filter((r) => OPEN_STATES.has(r.state));
        if (open.length > 0) {
          expect(shown.map((r) => r.id).sort()).toEqual(open.map((r) => r.id).sort());
          const firstEmergency = shown.findIndex((r) => r.type === 'OFFLINE_EMERGENCY');
          if (firstEmergency >= 0)
            expect(shown.slice(firstEmergency).every((r) => r.type === 'OFFLINE_EMERGENCY')).toBe(true);
        } else if (visible.length === 0) {
          expect(shown).toEqual([]);
        } else {
          expect(shown).toHaveLength(1);
          const only = shown[0] as ShownRequest;
          const t = (r: ShownRequest) => r.endedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
          for (const r of visible) expect(t(r) < t(only) || (t(r) === t(only) && r.id <= only.id)).toBe(true);
        }
      }),
    );
  });

  it('after both end, shows the modification decided last, not the emergency filed last (issue 17)', () => {
    const modification = {
      id: 1,
      type: 'SERVICE_OFF' as const,
      state: 'RETURNED' as const,
      chain: ['130302'],
      stepIndex: 0,
      endedAt: new Date('2026-11-05T03:00:00Z'),
    };
    const emergency = {
      id: 2,
      type: 'OFFLINE_EMERGENCY' as const,
      state: 'DONE' as const,
      chain: CHAIN,
      stepIndex: 2,
      endedAt: new Date('2026-11-04T03:00:00Z'),
    };
    expect(shownRequests([modification, emergency])).toEqual([modification]);
    const views = requestViews([modification, emergency], '130302');
    expect(orgStatusText(views)).toBe('修改后审核未通过');
  });
});

describe('requestViews: each open request with its own 申报状态 and abilities', () => {
  const modification = {
    id: 1,
    type: 'SERVICE_OFF' as const,
    state: 'SUBMITTED' as const,
    chain: ['130302'],
    stepIndex: 0,
  };
  const emergency = {
    id: 2,
    type: 'OFFLINE_EMERGENCY' as const,
    state: 'SUBMITTED' as const,
    chain: CHAIN,
    stepIndex: 0,
  };

  it('gives the 本级 unit 通过 / 退回 for both the modification and the emergency offline', () => {
    const views = requestViews([emergency, modification], '130302');
    expect(
      views.map((v) => [v.request.id, v.kind, v.orgStatus, v.abilities.approve.allowed, v.abilities.return.allowed]),
    ).toEqual([
      [1, 'CHANGE', '办结后修改', true, true],
      [2, 'OFFLINE', '未提交', true, true],
    ]);
    expect(orgStatusText(views)).toBe('申请取消政务服务平台：办结后修改；紧急下线：未提交');
    const upper = requestViews([emergency, modification], '130300');
    expect(upper.map((v) => v.abilities.approve)).toEqual([
      { allowed: false, reason: '该申请不由本单位审核' },
      { allowed: false, reason: '审核流程尚未到达本单位，暂不能审核' },
    ]);
  });

  it('allows exactly what decide() allows, and refuses in the words of the 申报状态 column', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...ORGS), (request, org) => {
        for (const action of ['APPROVE', 'RETURN', 'SUBMIT_ALL'] as const) {
          const refusal = reviewRefusal(request, org, action);
          const ok = decide(request, { kind: 'ORG', orgCode: org }, action, '退回').ok;
          expect(refusal === null).toBe(ok);
          if (refusal && action !== 'SUBMIT_ALL' && !REVIEWABLE_STATES.has(request.state)) {
            expect(refusal).toContain(`“${orgStatusLabel(request, org)}”`);
          }
        }
      }),
    );
  });
});

describe('bulk refusals (当页数据全部审核 / 当页数据全部提交)', () => {
  const app = (state: RequestState, stepIndex = 0) => ({ type: 'NEW_SITE' as const, state, chain: CHAIN, stepIndex });

  it('names the state with the label the list shows for it', () => {
    expect(bulkApproveRefusal(app('IN_REVIEW'), '130302')).toBeNull();
    expect(bulkApproveRefusal(app('SUBMITTED'), '130302')).toBe('该申请为“未提交”，请先“当页数据全部提交”或单独审核');
    expect(bulkApproveRefusal(app('RETURNED'), '130302')).toBe('该申请已处理（申报状态为“审核未通过”）');
    expect(bulkApproveRefusal(app('CODE_PENDING', 2), '130302')).toBe('该申请已处理（申报状态为“已办结”）');
    expect(bulkApproveRefusal(app('IN_REVIEW', 1), '130302')).toBe('本单位已审核，该申请已转上级组织单位审核');
    expect(bulkApproveRefusal({ ...app('SUBMITTED'), type: 'MODIFY', chain: ['130302'] }, '130302')).toBe(
      '只处理新增网站申请',
    );
    expect(bulkSubmitRefusal(app('SUBMITTED'), '130302')).toBeNull();
    expect(bulkSubmitRefusal(app('IN_REVIEW'), '130302')).toBe('该申请的申报状态为“未审核”，不是“未提交”');
  });

  it('every refusal quoting a label quotes one the viewer sees in the list', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(...ORGS),
        (state, step, org) => {
          const req = app(state, step);
          for (const refusal of [bulkApproveRefusal(req, org), bulkSubmitRefusal(req, org)]) {
            const quoted = refusal?.match(/申报状态为“([^”]+)”/)?.[1];
            if (quoted !== undefined) expect(quoted).toBe(orgStatusLabel(req, org));
          }
        },
      ),
    );
  });
});
