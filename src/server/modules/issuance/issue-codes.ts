// The daily 16:00 batch (SPEC §7.1.4): issues 网站标识码 + 校验码 to every application finally approved before the
// run's cut-off, a chunk of applications per transaction, under the batch lock, recorded in the issuance_runs ledger.

import type { IssuanceRunError } from '../../../db/schema.ts';
import { batchCutoffAt, type IssuanceTrigger } from '../../../domain/issuance.ts';
import { SiteSequenceOverflowError } from '../../../domain/org-code.ts';
import type { AppContext } from '../../context.ts';
import { JOB_LOCKS, withJobLock } from '../../job-lock.ts';
import {
  type IssueOutcome,
  issueApplication,
  issueChunk,
  type PreparedCheckCode,
  prepareCheckCode,
} from './issue-application.ts';
import { type IssuancePreview, previewIssuance } from './preview-issuance.ts';
import { listDueApplications, type PendingApplication } from './repository.ts';
import { closeInterruptedRuns, finishRun, insertRun, recordProgress } from './runs-repository.ts';

export interface IssueCodesOptions {
  trigger: IssuanceTrigger;
  /** Only report what would be issued (recorded in the ledger as a dry run). */
  dryRun?: boolean;
  /** Who started a MANUAL run, for the ledger. */
  triggeredBy?: string | null;
  /**
   * Tests only: run without the batch lock, to show that per-application idempotency (row lock + compare-and-set)
   * alone keeps concurrent batches from issuing twice.
   */
  withoutLock?: boolean;
}

export interface IssueCodesResult {
  runId: number;
  status: 'DONE' | 'FAILED' | 'SKIPPED';
  cutoff: Date;
  dryRun: boolean;
  /** Applications issued by this run (for a dry run: 0). */
  issued: number;
  /** Applications left alone because another worker had them or they were no longer waiting. */
  skipped: number;
  errors: IssuanceRunError[];
  /** The 标识码 issued, in order (for a dry run: the codes that would be issued). */
  codes: string[];
  message: string | null;
  preview?: IssuancePreview;
}

/**
 * Applications per transaction. Larger chunks save statements (five per chunk, each parsed and planned once) and
 * commits: 400 against 100 took ~10 % less time on PostgreSQL (issue 22). A crash loses at most one chunk's work,
 * which is rolled back whole and issued by the next run; a failing chunk is retried one application at a time.
 */
export const ISSUANCE_CHUNK = 400;

/** Chunk pipelines run side by side on PostgreSQL (each on its own connection). */
const BATCH_LANES = 2;

/**
 * `apps` (in approval order) in `lanes` lists: each org's applications whole in one lane, in their order; orgs go to
 * the lane with the fewest applications so far, largest org first.
 */
export function splitByOrg(apps: readonly PendingApplication[], lanes: number): PendingApplication[][] {
  const sizes = new Map<string, number>();
  for (const app of apps) sizes.set(app.orgCode, (sizes.get(app.orgCode) ?? 0) + 1);
  const load = Array.from({ length: lanes }, () => 0);
  const laneOf = new Map<string, number>();
  for (const [org, size] of [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const lane = load.indexOf(Math.min(...load));
    laneOf.set(org, lane);
    load[lane]! += size;
  }
  const out = Array.from({ length: lanes }, (): PendingApplication[] => []);
  for (const app of apps) out[laneOf.get(app.orgCode)!]!.push(app);
  return out.filter((lane) => lane.length > 0);
}

export const SKIPPED_MESSAGE = '另一个标识码生成任务正在运行（其他实例或计划任务），本次未执行';

function errorOf(app: PendingApplication, error: unknown): IssuanceRunError {
  const message =
    error instanceof SiteSequenceOverflowError
      ? error.message
      : `生成失败：${error instanceof Error ? error.message : String(error)}`;
  return { requestId: app.requestId, siteId: app.siteId, orgCode: app.orgCode, name: app.name, message };
}

async function dryRun(ctx: AppContext, options: IssueCodesOptions, startedAt: Date): Promise<IssueCodesResult> {
  const cutoff = batchCutoffAt(startedAt);
  const preview = await previewIssuance(ctx.db, cutoff);
  const codes = preview.items.flatMap((i) => (i.siteCode ? [i.siteCode] : []));
  const errors = preview.items.flatMap((i) =>
    i.error ? [{ requestId: i.requestId, siteId: i.siteId, orgCode: i.orgCode, name: i.name, message: i.error }] : [],
  );
  const runId = await insertRun(ctx.db, {
    startedAt,
    cutoff,
    trigger: options.trigger,
    status: 'DONE',
    dryRun: true,
    triggeredBy: options.triggeredBy,
    finishedAt: ctx.clock.now(),
    codes,
    errors,
  });
  return { runId, status: 'DONE', cutoff, dryRun: true, issued: 0, skipped: 0, errors, codes, message: null, preview };
}

/**
 * The chunk in one transaction; when that fails (an org past 9999, a row changed meanwhile, a database error) it was
 * rolled back whole, and each application is issued in its own transaction so only the failing ones are reported.
 */
async function issueChunkOrEach(
  ctx: AppContext,
  chunk: readonly PendingApplication[],
  prepared: readonly PreparedCheckCode[],
): Promise<(IssueOutcome | Error)[]> {
  try {
    return await issueChunk(ctx, chunk, prepared);
  } catch {
    const outcomes: (IssueOutcome | Error)[] = [];
    for (const [i, app] of chunk.entries()) {
      try {
        outcomes.push(await issueApplication(ctx, app, prepared[i]!));
      } catch (error) {
        outcomes.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return outcomes;
  }
}

async function runBatch(
  ctx: AppContext,
  options: IssueCodesOptions,
  startedAt: Date,
  cutoff: Date,
): Promise<IssueCodesResult> {
  if (!options.withoutLock) await closeInterruptedRuns(ctx.db, startedAt);
  const runId = await insertRun(ctx.db, {
    startedAt,
    cutoff,
    trigger: options.trigger,
    status: 'RUNNING',
    triggeredBy: options.triggeredBy,
  });
  const codes: string[] = [];
  const errors: IssuanceRunError[] = [];
  let skipped = 0;
  try {
    const due = await listDueApplications(ctx.db, cutoff);
    const issuedAt = new Map<number, string>();
    const runLane = async (apps: readonly PendingApplication[]) => {
      const prepare = (start: number) => {
        // All of a chunk's hashes at once: @node-rs/argon2 runs them on libuv's thread pool, off the event loop.
        const hashing = Promise.all(
          apps.slice(start, start + ISSUANCE_CHUNK).map((app) => prepareCheckCode(ctx, app.siteId)),
        );
        hashing.catch(() => {}); // awaited below; this only keeps an aborted run from an unhandled rejection
        return hashing;
      };
      // Pipelined: the next chunk's 校验码 are hashed while this chunk's transaction runs.
      let nextPrepared = prepare(0);
      for (let start = 0; start < apps.length; start += ISSUANCE_CHUNK) {
        const chunk = apps.slice(start, start + ISSUANCE_CHUNK);
        const prepared = await nextPrepared;
        nextPrepared = prepare(start + ISSUANCE_CHUNK);
        const outcomes = await issueChunkOrEach(ctx, chunk, prepared);
        const newCodes: string[] = [];
        for (const [i, outcome] of outcomes.entries()) {
          if (outcome instanceof Error) errors.push(errorOf(chunk[i]!, outcome));
          else if (outcome.kind === 'ISSUED') {
            newCodes.push(outcome.siteCode);
            issuedAt.set(chunk[i]!.requestId, outcome.siteCode);
          } else skipped++;
        }
        await recordProgress(ctx.db, runId, { newCodes, errors });
      }
    };
    // On PostgreSQL the chunks' statements, not Node, are the batch's time, and one connection uses one core: the
    // applications are split by org into lanes that run side by side. An org's applications stay in one lane, in
    // order, so its codes are consecutive in approval order and no two lanes wait on the same sequence row. A batch of
    // one chunk or less keeps one lane.
    const lanes = ctx.dbKind === 'postgres' && due.length > ISSUANCE_CHUNK ? splitByOrg(due, BATCH_LANES) : [due];
    const settled = await Promise.allSettled(lanes.map(runLane));
    for (const app of due) {
      const code = issuedAt.get(app.requestId);
      if (code) codes.push(code);
    }
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await finishRun(ctx.db, runId, { at: ctx.clock.now(), status: 'DONE', codes, errors });
    return {
      runId,
      status: 'DONE',
      cutoff,
      dryRun: false,
      issued: codes.length,
      skipped,
      errors,
      codes,
      message: null,
    };
  } catch (error) {
    const message = `生成任务异常终止：${error instanceof Error ? error.message : String(error)}`;
    await finishRun(ctx.db, runId, { at: ctx.clock.now(), status: 'FAILED', codes, errors, message }).catch(() => {});
    return { runId, status: 'FAILED', cutoff, dryRun: false, issued: codes.length, skipped, errors, codes, message };
  }
}

/**
 * Runs the batch now, with the cut-off of the most recent 16:00 (by `ctx.clock`). Exactly once: the batch lock keeps a
 * second run (another instance, the scheduler and a manual run at once) out — it is recorded as SKIPPED — and each
 * application is issued inside one transaction (its chunk's, or its own), so a run killed half-way leaves every
 * application either fully issued or untouched for the next run. Also the benchmark's entry point.
 */
export async function issueCodes(ctx: AppContext, options: IssueCodesOptions): Promise<IssueCodesResult> {
  const startedAt = ctx.clock.now();
  if (options.dryRun) return dryRun(ctx, options, startedAt);
  const cutoff = batchCutoffAt(startedAt);
  if (options.withoutLock) return runBatch(ctx, options, startedAt, cutoff);
  const locked = await withJobLock(ctx, JOB_LOCKS.issuance, () => runBatch(ctx, options, startedAt, cutoff));
  if (locked.acquired) return locked.value;
  const runId = await insertRun(ctx.db, {
    startedAt,
    cutoff,
    trigger: options.trigger,
    status: 'SKIPPED',
    triggeredBy: options.triggeredBy,
    message: SKIPPED_MESSAGE,
  });
  return {
    runId,
    status: 'SKIPPED',
    cutoff,
    dryRun: false,
    issued: 0,
    skipped: 0,
    errors: [],
    codes: [],
    message: SKIPPED_MESSAGE,
  };
}
