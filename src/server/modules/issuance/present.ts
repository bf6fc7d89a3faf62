// Presenters: database rows and use-case results → the JSON shapes of schema.ts (dates as ISO strings).
import type { Selectable } from 'kysely';
import type { IssuanceRunsTable } from '../../../db/schema.ts';
import type { IssueCodesResult } from './issue-codes.ts';
import type { IssuancePreview } from './preview-issuance.ts';
import type { PendingApplication } from './repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentRun(row: Selectable<IssuanceRunsTable>) {
  return {
    id: row.id,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
    cutoff: iso(row.cutoff),
    trigger: row.trigger,
    status: row.status,
    issuedCount: row.issued_count,
    codes: row.codes ?? [],
    errors: row.errors ?? [],
    dryRun: row.dry_run,
    triggeredBy: row.triggered_by,
    message: row.message,
  };
}

const presentPending = (a: PendingApplication) => ({ ...a, finalApprovedAt: iso(a.finalApprovedAt) });

export function presentPreview(p: IssuancePreview) {
  return {
    cutoff: iso(p.cutoff),
    total: p.total,
    items: p.items.map((i) => ({ ...presentPending(i), siteCode: i.siteCode, error: i.error })),
    waitingTotal: p.waitingTotal,
    waiting: p.waiting.map((w) => ({ ...presentPending(w), scheduledAt: iso(w.scheduledAt) })),
  };
}

export function presentRunResult(r: IssueCodesResult) {
  return {
    runId: r.runId,
    status: r.status,
    cutoff: iso(r.cutoff),
    issued: r.issued,
    skipped: r.skipped,
    errors: r.errors,
    codes: r.codes,
    message: r.message,
  };
}
