// Quarterly spot-check reports (SPEC §9.3): quarters and the submission window, the count rules, rates and the
// stratified random sample suggestion.
import { addDays, formatDateCN, quarterRangeCN, shanghaiMidnight, shanghaiMonthStart } from './dates.ts';

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** 问题类型 of a finding. */
export const PROBLEM_TYPES = [
  'VETO_1',
  'VETO_2',
  'VETO_3',
  'VETO_4',
  'VETO_5',
  'VETO_6',
  'LOW_SCORE',
  'OTHER',
] as const;

/** 问题类型: the six single-veto items of the national indicators (SPEC §9.2), a score below 60, or other. */
export const PROBLEM_TYPE_LABELS: Readonly<Record<(typeof PROBLEM_TYPES)[number], string>> = {
  VETO_1: '单项否决1：安全、泄密等严重问题',
  VETO_2: '单项否决2：站点无法访问',
  VETO_3: '单项否决3：首页不更新',
  VETO_4: '单项否决4：栏目不更新',
  VETO_5: '单项否决5：互动回应差',
  VETO_6: '单项否决6：服务不实用',
  LOW_SCORE: '扣分后得分低于60分',
  OTHER: '其他',
};

/** Sampling share below which the form warns (SPEC §9.3, the 30 % of the national notices). */
export const SAMPLING_WARNING_PERCENT = 30;
/** Days after the quarter end the window stays open; later submissions are accepted but marked 「逾期」. */
export const WINDOW_DAYS_AFTER_QUARTER = 15;

export function quarterOf(date: Date): Quarter {
  const [y, m] = formatDateCN(date).split('-').map(Number) as [number, number];
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter['quarter'] };
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}年第${['一', '二', '三', '四'][q.quarter - 1]}季度`;
}

/** [start, end) of the quarter in Asia/Shanghai. */
export function quarterRange(q: Quarter): { start: Date; end: Date } {
  return quarterRangeCN(q.year, q.quarter);
}

export interface SubmissionWindow {
  /** First day of the quarter's last month, 00:00. */
  opensAt: Date;
  /** The last day on which a submission is on time (YYYY-MM-DD): the 15th day after the quarter end. */
  lastDay: string;
  /** First instant at which a submission is late. */
  lateFrom: Date;
}

export function submissionWindow(q: Quarter): SubmissionWindow {
  const lastMonth = q.quarter * 3;
  const { end } = quarterRange(q);
  const lastDay = addDays(formatDateCN(end), WINDOW_DAYS_AFTER_QUARTER - 1);
  return {
    opensAt: shanghaiMonthStart(q.year, lastMonth),
    lastDay,
    lateFrom: shanghaiMidnight(addDays(lastDay, 1)),
  };
}

export type WindowState = 'NOT_OPEN' | 'OPEN' | 'LATE';

export function windowState(q: Quarter, now: Date): WindowState {
  const w = submissionWindow(q);
  if (now < w.opensAt) return 'NOT_OPEN';
  return now >= w.lateFrom ? 'LATE' : 'OPEN';
}

/** Whether the quarter has started (reports for future quarters are refused). */
export function isFutureQuarter(q: Quarter, now: Date): boolean {
  return quarterRange(q).start > now;
}

/** A percentage with one decimal, rounded half up; null when the denominator is zero. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

export interface ReportCounts {
  runningTotal: number;
  checkedCount: number;
  passedCount: number;
}

/** The count rules of §9.3; the messages are shown to the user as they are. */
export function countErrors(c: ReportCounts): string[] {
  const errors: string[] = [];
  if (c.checkedCount > c.runningTotal) {
    errors.push(`抽查网站数（${c.checkedCount}）不能大于正常运行网站总数（${c.runningTotal}）`);
  }
  if (c.passedCount > c.checkedCount) {
    errors.push(`合格网站数（${c.passedCount}）不能大于抽查网站数（${c.checkedCount}）`);
  }
  return errors;
}

/** Extra rules checked at submission: the list of non-compliant sites matches the counts, texts are filled. */
export function submissionErrors(
  c: ReportCounts & { findings: number; summary: string; reporterName: string; reporterPhone: string },
): string[] {
  const errors = countErrors(c);
  const failed = c.checkedCount - c.passedCount;
  if (failed >= 0 && c.findings !== failed) {
    errors.push(`不合格网站清单应列出 ${failed} 个网站（抽查数减合格数），当前为 ${c.findings} 个`);
  }
  if (c.summary.trim() === '') errors.push('请填写情况说明');
  if (c.reporterName.trim() === '') errors.push('请填写填报人');
  if (c.reporterPhone.trim() === '') errors.push('请填写联系电话');
  return errors;
}

export interface SampleCandidate {
  id: number;
  /** e.g. 「市级·部门网站」: the stratum the sample is balanced over. */
  stratum: string;
}

/**
 * How many sites to draw from each stratum: proportional to its size (largest remainder), at least one from every
 * non-empty stratum when the sample is large enough to allow it, never more than the stratum holds.
 */
export function allocateSample(sizes: ReadonlyMap<string, number>, sampleSize: number): Map<string, number> {
  const strata = [...sizes.entries()].filter(([, n]) => n > 0);
  const total = strata.reduce((s, [, n]) => s + n, 0);
  const target = Math.min(Math.max(0, Math.floor(sampleSize)), total);
  const out = new Map<string, number>(strata.map(([k]) => [k, 0]));
  if (target === 0) return out;
  const floorEach = target >= strata.length ? 1 : 0;
  let left = target;
  if (floorEach) {
    for (const [k] of strata) out.set(k, 1);
    left -= strata.length;
  }
  const spare = strata.map(([k, n]) => ({ k, cap: n - (out.get(k) ?? 0), weight: n }));
  const capTotal = spare.reduce((s, x) => s + x.weight, 0);
  const shares = spare.map((x) => {
    const exact = (left * x.weight) / capTotal;
    const whole = Math.min(Math.floor(exact), x.cap);
    return { ...x, whole, rest: exact - Math.floor(exact) };
  });
  for (const s of shares) out.set(s.k, (out.get(s.k) ?? 0) + s.whole);
  left -= shares.reduce((s, x) => s + x.whole, 0);
  // Hand out what is left by largest remainder, then to any stratum that still has room.
  const order = [...shares].sort((a, b) => b.rest - a.rest || a.k.localeCompare(b.k));
  while (left > 0) {
    const next = order.find((s) => (out.get(s.k) ?? 0) < (sizes.get(s.k) ?? 0));
    if (!next) break;
    out.set(next.k, (out.get(next.k) ?? 0) + 1);
    left -= 1;
    order.push(order.splice(order.indexOf(next), 1)[0]!);
  }
  return out;
}

/** A stratified random sample of `ratioPercent` % of the candidates (rounded up); `random` returns [0, 1). */
export function stratifiedSample<T extends SampleCandidate>(
  candidates: readonly T[],
  ratioPercent: number,
  random: () => number,
): T[] {
  const byStratum = new Map<string, T[]>();
  for (const c of candidates) {
    const list = byStratum.get(c.stratum) ?? [];
    list.push(c);
    byStratum.set(c.stratum, list);
  }
  const size = Math.ceil((candidates.length * ratioPercent) / 100);
  const counts = allocateSample(new Map([...byStratum].map(([k, v]) => [k, v.length])), size);
  const picked: T[] = [];
  for (const [stratum, list] of [...byStratum].sort(([a], [b]) => a.localeCompare(b))) {
    const pool = [...list];
    const n = counts.get(stratum) ?? 0;
    // Partial Fisher–Yates: the first n entries end up a uniform random subset.
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    picked.push(...pool.slice(0, n));
  }
  return picked;
}
