// The ledger of 网站标识码 batch runs (issuance_runs): one row per run, including skipped and dry runs.
import { sql } from 'kysely';
import type { IssuanceRunError } from '../../../db/schema.ts';
import type { IssuanceRunStatus, IssuanceTrigger } from '../../../domain/issuance.ts';
import type { Db } from '../../context.ts';

export interface NewRun {
  startedAt: Date;
  cutoff: Date;
  trigger: IssuanceTrigger;
  status: IssuanceRunStatus;
  dryRun?: boolean;
  triggeredBy?: string | null;
  message?: string | null;
  /** For a run recorded already finished (skipped or dry). */
  finishedAt?: Date | null;
  codes?: string[];
  errors?: IssuanceRunError[];
}

export async function insertRun(db: Db, run: NewRun): Promise<number> {
  const row = await db
    .insertInto('issuance_runs')
    .values({
      started_at: run.startedAt,
      finished_at: run.status === 'RUNNING' ? null : (run.finishedAt ?? run.startedAt),
      cutoff: run.cutoff,
      trigger: run.trigger,
      status: run.status,
      dry_run: run.dryRun ?? false,
      triggered_by: run.triggeredBy ?? null,
      message: run.message ?? null,
      issued_count: run.dryRun ? 0 : (run.codes?.length ?? 0),
      codes: run.codes ?? [],
      errors: JSON.stringify(run.errors ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Progress of a running batch, so a run that dies half-way shows how far it got: the codes issued since the last
 * call are appended (sending the whole list each time grew quadratically: 10,000 codes in 100 chunks).
 */
export async function recordProgress(
  db: Db,
  id: number,
  progress: { newCodes: readonly string[]; errors: IssuanceRunError[] },
): Promise<void> {
  // The count is the ledger's own list after this append: lanes of a run (issue-codes.ts) record side by side.
  await db
    .updateTable('issuance_runs')
    .set({
      issued_count: sql<number>`cardinality(codes) + ${progress.newCodes.length}`,
      codes: sql<string[]>`codes || ${[...progress.newCodes]}::text[]`,
      errors: JSON.stringify(progress.errors),
    })
    .where('id', '=', id)
    .where('status', '=', 'RUNNING')
    .execute();
}

export async function finishRun(
  db: Db,
  id: number,
  end: { at: Date; status: 'DONE' | 'FAILED'; codes: string[]; errors: IssuanceRunError[]; message?: string | null },
): Promise<void> {
  await db
    .updateTable('issuance_runs')
    .set({
      finished_at: end.at,
      status: end.status,
      issued_count: end.codes.length,
      codes: end.codes,
      errors: JSON.stringify(end.errors),
      message: end.message ?? null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Runs still RUNNING when a new batch holds the lock died without finishing (process killed, server down): mark
 * them FAILED so the ledger does not show them as running forever. Only call while holding the batch lock.
 */
export async function closeInterruptedRuns(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('issuance_runs')
    .set({
      status: 'FAILED',
      finished_at: now,
      message: '运行中断（进程退出或服务器停止），未完成的申请已由后续运行处理',
    })
    .where('status', '=', 'RUNNING')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The latest cut-off a real (non-dry) run completed: the start-up catch-up compares it with the last 16:00. */
export async function lastSuccessfulCutoff(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('issuance_runs')
    .select('cutoff')
    .where('status', '=', 'DONE')
    .where('dry_run', '=', false)
    .orderBy('cutoff', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.cutoff) : null;
}

export async function listRuns(db: Db, query: { page: number; pageSize: number; includeDryRuns: boolean }) {
  const { page, pageSize } = query;
  let base = db.selectFrom('issuance_runs');
  if (!query.includeDryRuns) base = base.where('dry_run', '=', false);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
