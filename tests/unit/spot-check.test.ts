// Quarterly spot-check rules (SPEC §9.3): quarters in Beijing time, the submission window, rates, count rules and the
// stratified sample.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateSample,
  countErrors,
  percent,
  quarterLabel,
  quarterOf,
  quarterRange,
  stratifiedSample,
  submissionErrors,
  submissionWindow,
  windowState,
} from '../../src/domain/spot-check.ts';

describe('quarters and the window', () => {
  it('reads the quarter in Asia/Shanghai', () => {
    expect(quarterOf(new Date('2026-03-31T15:59:59Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date('2026-03-31T16:00:00Z'))).toEqual({ year: 2026, quarter: 2 });
    expect(quarterLabel({ year: 2026, quarter: 4 })).toBe('2026年第四季度');
  });

  it('opens on the first day of the last month and closes 15 days after the quarter', () => {
    const q = { year: 2026, quarter: 4 } as const;
    expect(quarterRange(q).end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const w = submissionWindow(q);
    expect(w.opensAt.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(w.lastDay).toBe('2027-01-15');
    expect(windowState(q, new Date('2026-11-30T15:59:59Z'))).toBe('NOT_OPEN');
    expect(windowState(q, new Date('2026-12-01T00:00:00Z'))).toBe('OPEN');
    expect(windowState(q, new Date('2027-01-15T15:59:59Z'))).toBe('OPEN');
    expect(windowState(q, new Date('2027-01-15T16:00:00Z'))).toBe('LATE');
  });
});

describe('counts and rates', () => {
  it('rounds to one decimal and is null without a denominator', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(500, 736)).toBe(67.9);
    expect(percent(1, 0)).toBeNull();
  });

  it('refuses 合格 > 抽查 and 抽查 > 总数', () => {
    expect(countErrors({ runningTotal: 10, checkedCount: 3, passedCount: 3 })).toEqual([]);
    expect(countErrors({ runningTotal: 10, checkedCount: 3, passedCount: 4 })).toEqual([
      '合格网站数（4）不能大于抽查网站数（3）',
    ]);
    expect(countErrors({ runningTotal: 2, checkedCount: 3, passedCount: 3 })[0]).toContain('不能大于正常运行网站总数');
  });

  it('asks at submission for one listed site per failure and the texts', () => {
    const base = {
      runningTotal: 10,
      checkedCount: 5,
      passedCount: 3,
      summary: 'x',
      reporterName: 'y',
      reporterPhone: 'z',
    };
    expect(submissionErrors({ ...base, findings: 2 })).toEqual([]);
    expect(submissionErrors({ ...base, findings: 1 })[0]).toContain('应列出 2 个网站');
    expect(submissionErrors({ ...base, findings: 2, summary: ' ' })).toEqual(['请填写情况说明']);
  });
});

describe('stratified sample', () => {
  it('allocates proportionally with at least one per stratum', () => {
    const sizes = new Map([
      ['a', 10],
      ['b', 5],
      ['c', 1],
    ]);
    const out = allocateSample(sizes, 8);
    expect([...out.values()].reduce((s, n) => s + n, 0)).toBe(8);
    expect(out.get('c')).toBe(1);
    expect(out.get('a')).toBeGreaterThan(out.get('b')!);
  });

  it('never exceeds a stratum or the sample size, and draws distinct candidates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer(),
        (strata, ratio, seed) => {
          const candidates = strata.map((s, id) => ({ id, stratum: `s${s}` }));
          let x = seed;
          const random = () => {
            x = (x * 1103515245 + 12345) & 0x7fffffff;
            return x / 0x80000000;
          };
          const picked = stratifiedSample(candidates, ratio, random);
          expect(picked.length).toBe(Math.ceil((candidates.length * ratio) / 100));
          expect(new Set(picked.map((p) => p.id)).size).toBe(picked.length);
          for (const s of new Set(strata)) {
            const have = candidates.filter((c) => c.stratum === `s${s}`).length;
            expect(picked.filter((p) => p.stratum === `s${s}`).length).toBeLessThanOrEqual(have);
          }
        },
      ),
    );
  });
});
