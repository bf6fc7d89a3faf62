// The only database access of the 网站标识码 batch: due applications, the per-org sequence, the issuing writes.
import { sql } from 'kysely';
import { RUN_STATUS_TRANSITIONS } from '../../../domain/run-status.ts';
import type { Db, Trx } from '../../context.ts';
import { REQUEST_COLUMNS, type RequestCore, type RequestCoreRow, toRequestCore } from '../requests/repository.ts';

/** 生成标识码 as the run-status table has it: APPLYING → NORMAL. */
const ISSUE_CODE = RUN_STATUS_TRANSITIONS.ISSUE_CODE;

export interface PendingApplication {
  requestId: number;
  siteId: number;
  /** The site's 本级组织单位: the first six characters of its 标识码. */
  orgCode: string;
  orgName: string;
  name: string;
  homeUrl: string;
  finalApprovedAt: Date;
}

function pendingQuery(db: Db) {
  return db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .where('r.type', '=', 'NEW_SITE')
    .where('r.state', '=', 'CODE_PENDING');
}

const pendingColumns = [
  'r.id as requestId',
  's.id as siteId',
  's.org_code as orgCode',
  'o.name as orgName',
  's.name',
  's.home_url as homeUrl',
  'r.final_approved_at as finalApprovedAt',
] as const;

function toPending(row: {
  requestId: number;
  siteId: number;
  orgCode: string;
  orgName: string;
  name: string;
  homeUrl: string;
  finalApprovedAt: Date | null;
}): PendingApplication {
  return { ...row, finalApprovedAt: new Date(row.finalApprovedAt ?? 0) };
}

/** Applications the batch with this cut-off issues, in the order it issues them (approval time, then id). */
export async function listDueApplications(db: Db, cutoff: Date): Promise<PendingApplication[]> {
  const rows = await pendingQuery(db)
    .where('r.final_approved_at', '<', cutoff)
    .select(pendingColumns)
    .orderBy('r.final_approved_at')
    .orderBy('r.id')
    .execute();
  return rows.map(toPending);
}

/** Applications approved at or after the cut-off: they wait for the next batch. */
export async function listWaitingApplications(
  db: Db,
  cutoff: Date,
  limit: number,
): Promise<{ items: PendingApplication[]; total: number }> {
  const base = pendingQuery(db).where('r.final_approved_at', '>=', cutoff);
  const [rows, count] = await Promise.all([
    base.select(pendingColumns).orderBy('r.final_approved_at').orderBy('r.id').limit(limit).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPending), total: count.n };
}

/** The last sequence number handed out per org (orgs without any are absent). */
export async function lastSequences(db: Db, orgCodes: readonly string[]): Promise<Map<string, number>> {
  if (orgCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('site_sequences')
    .select(['org_code', 'last_seq'])
    .where('org_code', 'in', [...new Set(orgCodes)])
    .execute();
  return new Map(rows.map((r) => [r.org_code, r.last_seq]));
}

export interface LockedRequest extends RequestCore {
  siteId: number;
}

/**
 * Locks a request row for this transaction, or returns undefined when another worker holds it (SKIP LOCKED) or it
 * no longer exists. The caller decides from the returned state.
 */
export async function lockRequest(trx: Trx, requestId: number): Promise<LockedRequest | undefined> {
  const row = await trx
    .selectFrom('requests as r')
    .select(LOCKED_REQUEST_COLUMNS)
    .where('id', '=', requestId)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row ? toLockedRequest(row) : undefined;
}

/** The columns `lockRequest` / `lockRequests` read, and their row as a LockedRequest. */
export const LOCKED_REQUEST_COLUMNS = [...REQUEST_COLUMNS, 'r.site_id'] as const;

export function toLockedRequest(row: RequestCoreRow & { site_id: number }): LockedRequest {
  return { ...toRequestCore(row), siteId: row.site_id };
}

/**
 * Takes the org's next 标识码 sequence number: 1 for its first site, then last + 1, never reused. The row stays
 * locked until the transaction ends, so concurrent workers get consecutive numbers and a rollback leaves no gap.
 * Returns null when the org has used 9999.
 */
export async function allocateSequence(trx: Trx, orgCode: string): Promise<number | null> {
  const result = await sql<{ last_seq: number }>`
    INSERT INTO site_sequences (org_code, last_seq) VALUES (${orgCode}, 1)
    ON CONFLICT (org_code) DO UPDATE SET last_seq = site_sequences.last_seq + 1
      WHERE site_sequences.last_seq < 9999
    RETURNING last_seq`.execute(trx);
  return result.rows[0]?.last_seq ?? null;
}

/** Turns the application into the site. False when the row is no longer an application (nothing written). */
export async function markSiteIssued(
  trx: Trx,
  site: { id: number; siteCode: string; at: Date; checkCodeHash: string; checkCodeEnc: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('sites')
    .set((eb) => ({
      site_code: site.siteCode,
      run_status: ISSUE_CODE.to,
      code_issued_at: site.at,
      check_code_hash: site.checkCodeHash,
      check_code_enc: site.checkCodeEnc,
      failed_attempts: 0,
      locked_until: null,
      version: eb('version', '+', 1),
      updated_at: site.at,
    }))
    .where('id', '=', site.id)
    .where('run_status', 'in', ISSUE_CODE.from)
    .where('site_code', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
