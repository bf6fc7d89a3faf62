// The prefilled part of 《政府网站监管年度报表》, computed from plain rows: the unit's register (sites with their type,
// run status, the day their 标识码 was issued and their last 永久下线 before the year end) and its quarterly
// spot-check reports of the year. Pure: the repository gathers the rows, this decides what counts.

import { yearRangeCN } from '../dates.ts';
import { percent } from '../spot-check.ts';
import type { PrefillKey, SpotCheckMetric, SpotCheckPeriod } from './supervision-report-fields.ts';

export interface PrefillSiteRow {
  isPortal: boolean;
  /** Current run status (SitesTable.run_status). */
  runStatus: string;
  /** When its 标识码 was issued (the register's opening date). */
  openedAt: Date;
  /** The last 永久下线 (完成下线) before the end of the year, if any. */
  closedAt: Date | null;
  /** The last restore out of 永久下线 before the end of the year, if any. */
  reopenedAt: Date | null;
}

export interface PrefillSpotCheckRow {
  quarter: 1 | 2 | 3 | 4;
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED';
  /** The quarter's frozen 正常运行网站总数. */
  runningTotal: number;
  checkedCount: number;
  passedCount: number;
  /** Sum of 问责人次 over its 不合格网站清单. */
  accountability: number;
}

export type SpotCheckCells = Record<SpotCheckMetric, number | null>;

export interface SupervisionPrefill {
  values: Record<PrefillKey, number>;
  spotChecks: Record<SpotCheckPeriod, SpotCheckCells>;
}

/** Statuses never counted as a running site: logically deleted records and 例外 sites (SPEC §16 item 10). */
const NOT_COUNTED: ReadonlySet<string> = new Set(['APPLYING', 'WITHDRAWN', 'DELETED', 'EXCEPTION']);

/** [start, end) of a calendar year in Asia/Shanghai. */
export function yearRange(year: number): { start: Date; end: Date } {
  return yearRangeCN(year);
}

const within = (at: Date | null, r: { start: Date; end: Date }) => at !== null && at >= r.start && at < r.end;

/** Whether the site was permanently offline at `end`: closed before it, and not restored after that close. */
function closedBy(site: PrefillSiteRow, end: Date): boolean {
  if (site.closedAt === null || site.closedAt >= end) return false;
  return site.reopenedAt === null || site.reopenedAt < site.closedAt || site.reopenedAt >= end;
}

/** A site counts in 网站总数 when it had its 标识码 before 1 January of the next year and was not closed by then. */
export function runningAtYearEnd(site: PrefillSiteRow, year: number): boolean {
  const { end } = yearRange(year);
  return site.openedAt < end && !NOT_COUNTED.has(site.runStatus) && !closedBy(site, end);
}

export function siteCounts(sites: readonly PrefillSiteRow[], year: number): Record<PrefillKey, number> {
  const range = yearRange(year);
  const running = sites.filter((s) => runningAtYearEnd(s, year));
  const portals = running.filter((s) => s.isPortal).length;
  return {
    sitesTotal: running.length,
    portalSites: portals,
    departmentSites: running.length - portals,
    sitesOpened: sites.filter((s) => s.runStatus !== 'DELETED' && within(s.openedAt, range)).length,
    sitesClosed: sites.filter((s) => within(s.closedAt, range)).length,
  };
}

const EMPTY_QUARTER: SpotCheckCells = {
  checks: 0,
  checkedSites: 0,
  checkRatio: null,
  passRate: null,
  failedSites: 0,
  accountability: 0,
};

/** The spot-check grid: one column per quarter from its submitted report, and the whole year. */
export function spotCheckGrid(reports: readonly PrefillSpotCheckRow[]): Record<SpotCheckPeriod, SpotCheckCells> {
  const submitted = reports.filter((r) => r.status === 'SUBMITTED');
  const quarter = (q: 1 | 2 | 3 | 4): SpotCheckCells => {
    const r = submitted.find((x) => x.quarter === q);
    if (!r) return { ...EMPTY_QUARTER };
    return {
      checks: 1,
      checkedSites: r.checkedCount,
      checkRatio: percent(r.checkedCount, r.runningTotal),
      passRate: percent(r.passedCount, r.checkedCount),
      failedSites: r.checkedCount - r.passedCount,
      accountability: r.accountability,
    };
  };
  const sum = (f: (r: PrefillSpotCheckRow) => number) => submitted.reduce((s, r) => s + f(r), 0);
  const checked = sum((r) => r.checkedCount);
  return {
    q1: quarter(1),
    q2: quarter(2),
    q3: quarter(3),
    q4: quarter(4),
    year: {
      checks: submitted.length,
      checkedSites: checked,
      checkRatio: percent(
        checked,
        sum((r) => r.runningTotal),
      ),
      passRate: percent(
        sum((r) => r.passedCount),
        checked,
      ),
      failedSites: checked - sum((r) => r.passedCount),
      accountability: sum((r) => r.accountability),
    },
  };
}

export function computePrefill(
  year: number,
  sites: readonly PrefillSiteRow[],
  reports: readonly PrefillSpotCheckRow[],
): SupervisionPrefill {
  return { values: siteCounts(sites, year), spotChecks: spotCheckGrid(reports) };
}
