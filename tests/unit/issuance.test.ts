// The 16:00 batch's pure rules: cut-off, catch-up, predicted codes (local and bm orgs), login and reset rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchCutoffAt,
  CHECK_CODE_RESET_NOTE,
  checkCodeUsedNote,
  isDueAtCutoff,
  needsCatchUp,
  predictSiteCodes,
  resetCheckCodeAbility,
  siteLoginBlockedReason,
} from '../../src/domain/issuance.ts';
import { formatSiteCode, SITE_CODE_RE } from '../../src/domain/org-code.ts';
import { nextCodeBatchAt } from '../../src/domain/status-labels.ts';

/** An Asia/Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('batch cut-off (the run’s 16:00:00 Asia/Shanghai)', () => {
  it('a run at 15:59:59 still belongs to yesterday’s batch', () => {
    expect(batchCutoffAt(sh('2026-11-02T15:59:59'))).toEqual(sh('2026-11-01T16:00:00'));
  });

  it('a run at 16:00:00 and at 16:00:01 has today’s cut-off', () => {
    expect(batchCutoffAt(sh('2026-11-02T16:00:00'))).toEqual(sh('2026-11-02T16:00:00'));
    expect(batchCutoffAt(sh('2026-11-02T16:00:01'))).toEqual(sh('2026-11-02T16:00:00'));
  });

  it('is independent of the UTC date (00:30 Shanghai is the previous UTC day)', () => {
    expect(batchCutoffAt(sh('2026-11-03T00:30:00'))).toEqual(sh('2026-11-02T16:00:00'));
    expect(batchCutoffAt(sh('2027-01-01T09:00:00'))).toEqual(sh('2026-12-31T16:00:00'));
  });

  it('issues approvals before 16:00:00 today; at or after 16:00:00 they wait for tomorrow', () => {
    const today = batchCutoffAt(sh('2026-11-02T16:00:00'));
    const tomorrow = batchCutoffAt(sh('2026-11-03T16:00:00'));
    expect(isDueAtCutoff(sh('2026-11-02T15:59:59'), today)).toBe(true);
    expect(isDueAtCutoff(sh('2026-11-02T16:00:00'), today)).toBe(false);
    expect(isDueAtCutoff(sh('2026-11-02T16:00:01'), today)).toBe(false);
    expect(isDueAtCutoff(sh('2026-11-02T16:00:00'), tomorrow)).toBe(true);
    expect(isDueAtCutoff(sh('2026-11-02T16:00:01'), tomorrow)).toBe(true);
  });

  it('agrees with the date the progress query promises (nextCodeBatchAt), for any approval time', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), (t) => {
        const batch = nextCodeBatchAt(t);
        // The run at the promised 16:00 issues it; the run a day earlier did not.
        expect(isDueAtCutoff(t, batchCutoffAt(batch))).toBe(true);
        expect(isDueAtCutoff(t, batchCutoffAt(new Date(batch.getTime() - 1)))).toBe(false);
      }),
    );
  });
});

describe('start-up catch-up', () => {
  it('runs when no batch has ever completed', () => {
    expect(needsCatchUp(null, sh('2026-11-02T09:00:00'))).toBe(true);
  });

  it('runs when the server was down at the most recent 16:00', () => {
    expect(needsCatchUp(sh('2026-11-01T16:00:00'), sh('2026-11-02T16:30:00'))).toBe(true);
  });

  it('does not run when the most recent 16:00 is covered', () => {
    expect(needsCatchUp(sh('2026-11-01T16:00:00'), sh('2026-11-02T15:59:59'))).toBe(false);
    expect(needsCatchUp(sh('2026-11-02T16:00:00'), sh('2026-11-02T23:00:00'))).toBe(false);
  });
});

describe('网站标识码 of the batch', () => {
  it('formats local and bm org codes with a 4-digit sequence', () => {
    expect(formatSiteCode('130302', 1)).toBe('1303020001');
    expect(formatSiteCode('bm3000', 12)).toBe('bm30000012');
    expect(formatSiteCode('11BM01', 9999)).toBe('11BM019999');
    for (const code of ['1303020001', 'bm30000012', '11BM019999']) expect(code).toMatch(SITE_CODE_RE);
  });

  it('predicts consecutive numbers per org after the last one handed out', () => {
    const predicted = predictSiteCodes(
      [
        { requestId: 1, orgCode: '130302' },
        { requestId: 2, orgCode: 'bm3000' },
        { requestId: 3, orgCode: '130302' },
        { requestId: 4, orgCode: 'bm3000' },
      ],
      new Map([['130302', 41]]),
    );
    expect(predicted).toEqual([
      { requestId: 1, siteCode: '1303020042', seq: 42 },
      { requestId: 2, siteCode: 'bm30000001', seq: 1 },
      { requestId: 3, siteCode: '1303020043', seq: 43 },
      { requestId: 4, siteCode: 'bm30000002', seq: 2 },
    ]);
  });

  it('reports the overflow past 9999 for that application only', () => {
    const predicted = predictSiteCodes(
      [
        { requestId: 1, orgCode: '130302' },
        { requestId: 2, orgCode: '130302' },
        { requestId: 3, orgCode: '130303' },
      ],
      new Map([['130302', 9998]]),
    );
    expect(predicted[0]).toEqual({ requestId: 1, siteCode: '1303029999', seq: 9999 });
    expect(predicted[1]).toEqual({ requestId: 2, error: expect.stringContaining('已用尽（最大 9999）') });
    expect(predicted[2]).toEqual({ requestId: 3, siteCode: '1303030001', seq: 1 });
  });
});

describe('填报单位 login and 重置校验码 rules', () => {
  it('lets every issued, non-deleted site log in', () => {
    for (const s of [
      'NORMAL',
      'TEMP_OFFLINE',
      'EMERGENCY_OFFLINE',
      'PERM_OFFLINE_PENDING',
      'PERM_OFFLINE',
      'EXCEPTION',
    ] as const) {
      expect(siteLoginBlockedReason(s)).toBeNull();
    }
    expect(siteLoginBlockedReason('DELETED')).toContain('已被删除');
    expect(siteLoginBlockedReason('APPLYING')).toContain('尚未生成');
    expect(siteLoginBlockedReason('WITHDRAWN')).toContain('尚未生成');
  });

  it('allows the reset only to the site’s 本级组织单位, and says why not', () => {
    const site = { orgCode: '130302', orgName: '海港区', siteCode: '1303020001', runStatus: 'NORMAL' as const };
    expect(resetCheckCodeAbility('130302', site)).toEqual({ allowed: true });
    expect(resetCheckCodeAbility('130300', site)).toEqual({
      allowed: false,
      reason: '只有该网站的本级组织单位（海港区）可以重置校验码',
    });
    expect(resetCheckCodeAbility('130302', { ...site, runStatus: 'DELETED' })).toMatchObject({ allowed: false });
    expect(resetCheckCodeAbility('130302', { ...site, siteCode: null, runStatus: 'APPLYING' })).toMatchObject({
      allowed: false,
    });
  });

  it('words the progress-query note byte-exactly', () => {
    expect(checkCodeUsedNote(sh('2026-11-03T09:15:00'))).toBe(
      '校验码已于 2026-11-03 首次登录时使用；如遗失，请联系本级组织单位重置校验码',
    );
    expect(CHECK_CODE_RESET_NOTE).toContain('重置');
  });
});
