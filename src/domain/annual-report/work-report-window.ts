// When a 工作年度报表 may be filled, corrected and published, which sites must report, and the period it covers.
import { formatDateCN, isDay } from '../dates.ts';

/** The root's per-year settings; days are YYYY-MM-DD in Asia/Shanghai, each one inclusive. */
export interface WorkReportWindow {
  /** 填报开始. */
  fillFrom: string;
  /** 填报截止: last day a first submission is accepted. */
  fillTo: string;
  /** 发布截止 (国办函〔2018〕12号: 1月31日); a returned report may be corrected and resubmitted until this day. */
  publishBy: string;
}

/** The default: 填报 1–20 January, publish by 31 January of the year after the report year. */
export function defaultWindow(year: number): WorkReportWindow {
  const next = year + 1;
  return { fillFrom: `${next}-01-01`, fillTo: `${next}-01-20`, publishBy: `${next}-01-31` };
}

/** The report year a site works on at `now`: the year before (the report for 2026 is filled in January 2027). */
export function reportYearAt(now: Date): number {
  return Number(formatDateCN(now).slice(0, 4)) - 1;
}

/** The root's settings for `year`: valid days, in order, from 1 December of the year to the end of the next year. */
export function windowErrors(year: number, w: WorkReportWindow): string[] {
  const errors: string[] = [];
  for (const [key, label] of [
    ['fillFrom', '填报开始日期'],
    ['fillTo', '填报截止日期'],
    ['publishBy', '发布截止日期'],
  ] as const) {
    if (!isDay(w[key])) errors.push(`${label}不是有效日期（格式：年-月-日）`);
  }
  if (errors.length > 0) return errors;
  if (w.fillFrom > w.fillTo) errors.push('填报截止日期不能早于填报开始日期');
  if (w.fillTo > w.publishBy) errors.push('发布截止日期不能早于填报截止日期');
  if (w.fillFrom < `${year}-12-01`) errors.push(`${year}年度报表的填报最早从 ${year}-12-01 开始`);
  if (w.publishBy > `${year + 1}-12-31`) errors.push(`${year}年度报表的发布截止日期不能晚于 ${year + 1}-12-31`);
  return errors;
}

export type FillRefusal = { ok: true } | { ok: false; reason: string };

/**
 * Whether the 填报单位 may save or submit now. A report never submitted: from fillFrom to fillTo. A report returned
 * for correction: from fillFrom to publishBy, so a late return can still be corrected.
 */
export function fillAllowed(year: number, w: WorkReportWindow, now: Date, returned: boolean): FillRefusal {
  const today = formatDateCN(now);
  if (today < w.fillFrom) return { ok: false, reason: `${year}年度工作年度报表自 ${w.fillFrom} 起填报，请届时再填写` };
  const last = returned ? w.publishBy : w.fillTo;
  if (today > last) {
    return {
      ok: false,
      reason: returned
        ? `${year}年度工作年度报表的发布截止日期（${w.publishBy}）已过，退回的报表不能再提交，请联系本级组织单位`
        : `${year}年度工作年度报表已于 ${w.fillTo} 截止填报，请联系本级组织单位`,
    };
  }
  return { ok: true };
}

/**
 * Whether sites that have not submitted are overdue at `now`: after the 填报截止 and until the 发布截止 (after it a
 * first submission is no longer possible). The 本级 units are told then, and units above see them in 下级超期.
 */
export function pastFillDeadline(w: WorkReportWindow, now: Date): boolean {
  const today = formatDateCN(now);
  return today > w.fillTo && today <= w.publishBy;
}

/** Whether a published address filled in on `now` is after the deadline (shown as 「逾期发布」). */
export function publishedLate(w: WorkReportWindow, now: Date): boolean {
  return formatDateCN(now) > w.publishBy;
}

/** Run statuses of a site that still operates: it reports (例外 sites are live sites, too). */
export const REPORTING_RUN_STATUSES = [
  'NORMAL',
  'EXCEPTION',
  'TEMP_OFFLINE',
  'EMERGENCY_OFFLINE',
  'PERM_OFFLINE_PENDING',
] as const;

/**
 * Must this site file a report for `year`? Only sites that still operate and whose 标识码 was issued before the end
 * of the year; a site closed during the year files none, a site opened during the year reports from its opening.
 */
export function mustReport(site: { runStatus: string; codeIssuedAt: Date | null }, year: number): boolean {
  if (!(REPORTING_RUN_STATUSES as readonly string[]).includes(site.runStatus)) return false;
  if (site.codeIssuedAt === null) return true; // imported register entries carry no issuance date
  return formatDateCN(site.codeIssuedAt) <= `${year}-12-31`;
}

/**
 * The instant mustReport's date rule turns on: a 标识码 issued before it (00:00 on 1 January of the next year,
 * Asia/Shanghai) was issued "before the end of the year". Lets a query apply the same rule in SQL.
 */
export function mustReportIssuedBefore(year: number): Date {
  return new Date(`${year + 1}-01-01T00:00:00+08:00`);
}

/** 统计周期: the year, or from the opening day for a site opened during it. */
export function reportPeriod(year: number, codeIssuedAt: Date | null): { from: string; to: string } {
  const start = `${year}-01-01`;
  const issued = codeIssuedAt ? formatDateCN(codeIssuedAt) : null;
  return { from: issued && issued > start ? issued : start, to: `${year}-12-31` };
}
