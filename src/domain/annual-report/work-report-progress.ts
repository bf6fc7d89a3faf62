// The 工作年度报表 progress board's rules: which states count as 已提交 / 已审核 / 已发布, and the rates shown.
import type { WorkReportState } from './work-report-states.ts';

/** 已提交: submitted and not sent back (a returned report waits for the 填报单位 again). */
export const SUBMITTED_OR_LATER: readonly WorkReportState[] = ['SUBMITTED', 'APPROVED', 'PUBLISHED'];
/** 已审核: approved, published or not. */
export const APPROVED_OR_LATER: readonly WorkReportState[] = ['APPROVED', 'PUBLISHED'];
export const PUBLISHED_ONLY: readonly WorkReportState[] = ['PUBLISHED'];

export interface ProgressCounts {
  /** 应报数: sites that must report for the year (mustReport). */
  due: number;
  submitted: number;
  approved: number;
  published: number;
}

export interface ProgressRates {
  /** 填报率 = 已提交 ÷ 应报数. */
  fillRate: string;
  /** 审核率 = 已审核 ÷ 应报数. */
  reviewRate: string;
  /** 发布率 = 已发布 ÷ 应报数. */
  publishRate: string;
}

/** A share of `due` as a percentage with one decimal ("66.7%"); "—" when nothing is due. */
export function rateText(part: number, due: number): string {
  if (due <= 0) return '—';
  // Integer arithmetic on tenths of a percent, so 1/8 is 12.5% and 2/3 is 66.7% without float surprises.
  const tenths = Math.round((part * 1000) / due);
  return `${(tenths / 10).toFixed(1)}%`;
}

export function progressRates(c: ProgressCounts): ProgressRates {
  return {
    fillRate: rateText(c.submitted, c.due),
    reviewRate: rateText(c.approved, c.due),
    publishRate: rateText(c.published, c.due),
  };
}

/** The sum of several rows' counts (the board's 合计). */
export function sumCounts(rows: readonly ProgressCounts[]): ProgressCounts {
  const total: ProgressCounts = { due: 0, submitted: 0, approved: 0, published: 0 };
  for (const r of rows) {
    total.due += r.due;
    total.submitted += r.submitted;
    total.approved += r.approved;
    total.published += r.published;
  }
  return total;
}

/** What the public 专栏 shows of a report: 已发布 (with its address) or 未发布 — no internal state. */
export function publicReportStatus(state: WorkReportState | null): '已发布' | '未发布' {
  return state === 'PUBLISHED' ? '已发布' : '未发布';
}
