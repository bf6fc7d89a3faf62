// The progress board's rates and counting rules, and the SQL twin of mustReport's date rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPROVED_OR_LATER,
  PUBLISHED_ONLY,
  progressRates,
  publicReportStatus,
  rateText,
  SUBMITTED_OR_LATER,
  sumCounts,
} from '../../src/domain/annual-report/work-report-progress.ts';
import { WORK_REPORT_STATES } from '../../src/domain/annual-report/work-report-states.ts';
import { mustReport, mustReportIssuedBefore } from '../../src/domain/annual-report/work-report-window.ts';

describe('rateText', () => {
  it('is a percentage with one decimal, rounded half up', () => {
    expect(rateText(0, 3)).toBe('0.0%');
    expect(rateText(1, 3)).toBe('33.3%');
    expect(rateText(2, 3)).toBe('66.7%');
    expect(rateText(1, 8)).toBe('12.5%');
    expect(rateText(1, 16)).toBe('6.3%');
    expect(rateText(5, 5)).toBe('100.0%');
  });
  it('is a dash when nothing is due', () => {
    expect(rateText(0, 0)).toBe('—');
  });
  it('stays between 0.0% and 100.0% with one decimal for any part ≤ due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (due, f) => {
        const part = Math.floor(due * f);
        const text = rateText(part, due);
        expect(text).toMatch(/^\d{1,3}\.\d%$/);
        const value = Number(text.slice(0, -1));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
        expect(Math.abs(value - (part * 100) / due)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

describe('progressRates and sumCounts', () => {
  it('gives the three rates of a row', () => {
    expect(progressRates({ due: 4, submitted: 3, approved: 2, published: 1 })).toEqual({
      fillRate: '75.0%',
      reviewRate: '50.0%',
      publishRate: '25.0%',
    });
    expect(progressRates({ due: 0, submitted: 0, approved: 0, published: 0 })).toEqual({
      fillRate: '—',
      reviewRate: '—',
      publishRate: '—',
    });
  });
  it('adds rows up', () => {
    expect(
      sumCounts([
        { due: 4, submitted: 3, approved: 2, published: 1 },
        { due: 2, submitted: 1, approved: 1, published: 1 },
      ]),
    ).toEqual({ due: 6, submitted: 4, approved: 3, published: 2 });
    expect(sumCounts([])).toEqual({ due: 0, submitted: 0, approved: 0, published: 0 });
  });
});

describe('which states count', () => {
  it('nests: published ⊂ approved ⊂ submitted; drafts and returned reports count as not submitted', () => {
    for (const s of PUBLISHED_ONLY) expect(APPROVED_OR_LATER).toContain(s);
    for (const s of APPROVED_OR_LATER) expect(SUBMITTED_OR_LATER).toContain(s);
    expect(SUBMITTED_OR_LATER).not.toContain('DRAFT');
    expect(SUBMITTED_OR_LATER).not.toContain('RETURNED');
  });
  it('shows the public only 已发布 or 未发布', () => {
    for (const s of WORK_REPORT_STATES) expect(publicReportStatus(s)).toBe(s === 'PUBLISHED' ? '已发布' : '未发布');
    expect(publicReportStatus(null)).toBe('未发布');
  });
});

describe('mustReportIssuedBefore', () => {
  it('draws the same line as mustReport, to the millisecond, in Asia/Shanghai', () => {
    const cutoff = mustReportIssuedBefore(2026);
    expect(cutoff.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const site = (at: Date) => ({ runStatus: 'NORMAL', codeIssuedAt: at });
    expect(mustReport(site(new Date(cutoff.getTime() - 1)), 2026)).toBe(true);
    expect(mustReport(site(cutoff), 2026)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: -400 * 86_400_000, max: 400 * 86_400_000 }), (offset) => {
        const at = new Date(cutoff.getTime() + offset);
        expect(mustReport(site(at), 2026)).toBe(at < cutoff);
      }),
    );
  });
});
