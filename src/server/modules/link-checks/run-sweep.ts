// The nightly link sweep (02:00 Asia/Shanghai, src/jobs/link-sweep.ts): home pages, other domains and 栏目 addresses
// of every live site, under an advisory lock, within a time budget, resumable through the sweep row's cursor and
// idempotent per night.
import { setMaxListeners } from 'node:events';
import { formatDateCN } from '../../../domain/status-labels.ts';
import { HOUR } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { JOB_LOCKS, withJobLock } from '../../job-lock.ts';
import { checkSiteLinks } from './check-site.ts';
import { createLinkChecker, type LinkChecker } from './checker.ts';
import {
  advanceCursor,
  countsAsFailure,
  finishSweep,
  nextSweepSites,
  openSweep,
  recordSiteResults,
  type SweepRow,
  type SweepSite,
} from './repository.ts';

export interface LinkSweepOptions {
  /** Wall-clock time this run may spend; what is left is resumed by the next run. */
  budgetMs: number;
  /** Decides the night the sweep belongs to (Asia/Shanghai date); `ctx.clock.now()` by default. */
  now?: Date;
  /** Defaults to a checker built from `ctx.config.linkCheck`. */
  checker?: LinkChecker;
  /** Sites read per query. */
  batchSize?: number;
  /** Sites checked at once (their requests still pass the checker's overall and per-host limits). */
  siteConcurrency?: number;
  /** Stops the run early, like a spent budget (the scheduler's shutdown); the sweep resumes next time. */
  signal?: AbortSignal;
}

export type LinkSweepStatus = 'DONE' | 'PARTIAL' | 'ALREADY_DONE' | 'LOCKED';

export interface LinkSweepResult {
  status: LinkSweepStatus;
  sweepId: number | null;
  night: string;
  /** Done by this run. */
  sitesChecked: number;
  urlsChecked: number;
  urlsFailed: number;
  elapsedMs: number;
}

/** Three hours: the sweep should be over before offices open; the rest is resumed the next night. */
export const LINK_SWEEP_BUDGET_MS = 3 * HOUR;

interface Totals {
  sitesChecked: number;
  urlsChecked: number;
  urlsFailed: number;
}

class BudgetSpent extends Error {
  constructor() {
    super('link sweep time budget spent');
    this.name = 'BudgetSpent';
  }
}

export async function runLinkSweep(ctx: AppContext, options: LinkSweepOptions): Promise<LinkSweepResult> {
  const started = performance.now();
  const night = formatDateCN(options.now ?? ctx.clock.now());
  const locked = await withJobLock(ctx, JOB_LOCKS.linkSweep, () => sweep(ctx, options, night, started));
  if (locked.acquired) return locked.value;
  return {
    status: 'LOCKED',
    sweepId: null,
    night,
    sitesChecked: 0,
    urlsChecked: 0,
    urlsFailed: 0,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function sweep(
  ctx: AppContext,
  options: LinkSweepOptions,
  night: string,
  started: number,
): Promise<LinkSweepResult> {
  const checker = options.checker ?? createLinkChecker(ctx.config.linkCheck);
  const batchSize = options.batchSize ?? 50;
  const siteConcurrency = options.siteConcurrency ?? 8;
  const totals: Totals = { sitesChecked: 0, urlsChecked: 0, urlsFailed: 0 };
  const result = (status: LinkSweepStatus, sweepId: number | null): LinkSweepResult => ({
    status,
    sweepId,
    night,
    ...totals,
    elapsedMs: Math.round(performance.now() - started),
  });

  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new BudgetSpent()), Math.max(0, options.budgetMs));
  const signal = options.signal ? AbortSignal.any([budget.signal, options.signal]) : budget.signal;
  // Every queued and in-flight request listens on it: thousands of listeners are expected, not a leak.
  setMaxListeners(0, signal);
  try {
    let finished: number | null = null;
    for (;;) {
      const row = await openSweep(ctx.db, night, ctx.clock.now());
      if (row === null) return result(finished === null ? 'ALREADY_DONE' : 'DONE', finished);
      const complete = await runSweep(ctx, checker, row, { batchSize, siteConcurrency }, signal, totals);
      if (!complete) return result('PARTIAL', row.id);
      // An earlier night's unfinished sweep is done now: go on with tonight's within the same budget.
      if (row.night === night) return result('DONE', row.id);
      finished = row.id;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Works through one sweep from its cursor; true when every site is recorded and the sweep is closed. */
async function runSweep(
  ctx: AppContext,
  checker: LinkChecker,
  row: SweepRow,
  limits: { batchSize: number; siteConcurrency: number },
  signal: AbortSignal,
  totals: Totals,
): Promise<boolean> {
  let cursor = row.cursorSiteId;
  for (;;) {
    if (signal.aborted) return false;
    const sites = await nextSweepSites(ctx.db, row.id, cursor, limits.batchSize);
    if (sites.length === 0) {
      await finishSweep(ctx.db, row.id, ctx.clock.now());
      return true;
    }
    const done = await checkBatch(ctx, checker, row.id, sites, limits.siteConcurrency, signal, totals);
    // The cursor moves over the finished prefix only; sites finished beyond it are skipped by their health row.
    const firstUnfinished = sites.findIndex((s) => !done.has(s.id));
    const prefix = firstUnfinished < 0 ? sites : sites.slice(0, firstUnfinished);
    const last = prefix.at(-1);
    if (last !== undefined) {
      await advanceCursor(ctx.db, row.id, last.id, ctx.clock.now());
      cursor = last.id;
    }
    if (firstUnfinished >= 0) return false;
  }
}

/** Checks the sites with at most `concurrency` in flight; returns the ids recorded (or already recorded). */
async function checkBatch(
  ctx: AppContext,
  checker: LinkChecker,
  sweepId: number,
  sites: SweepSite[],
  concurrency: number,
  signal: AbortSignal,
  totals: Totals,
): Promise<Set<number>> {
  const done = new Set<number>();
  let next = 0;
  const worker = async () => {
    while (next < sites.length && !signal.aborted) {
      const site = sites[next++] as SweepSite;
      let checked: Awaited<ReturnType<typeof checkSiteLinks>>;
      try {
        checked = await checkSiteLinks(checker, site, signal);
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
      const recorded = await recordSiteResults(
        ctx.db,
        { sweepId, siteId: site.id, siteCode: site.siteCode, checks: checked.checks, footer: checked.footer },
        ctx.clock.now(),
      );
      done.add(site.id);
      if (recorded) {
        totals.sitesChecked++;
        totals.urlsChecked += checked.checks.length;
        totals.urlsFailed += checked.checks.filter((c) => countsAsFailure(c.result)).length;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sites.length) }, worker));
  return done;
}
