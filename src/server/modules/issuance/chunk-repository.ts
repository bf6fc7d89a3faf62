// The set-based writes of the 网站标识码 batch: a chunk of applications issued with one statement per step, in one
// transaction (issue 11: ten statements per chunk instead of ten per application).
import { sql } from 'kysely';
import { sqlArray, unnestRows } from '../../../db/column-arrays.ts';
import { RUN_STATUS_TRANSITIONS } from '../../../domain/run-status.ts';
import type { Trx } from '../../context.ts';
import { LOCKED_REQUEST_COLUMNS, type LockedRequest, toLockedRequest } from './repository.ts';

const ISSUE_CODE = RUN_STATUS_TRANSITIONS.ISSUE_CODE;

/** As `lockRequest`, for many rows: those another worker holds (SKIP LOCKED) or that are gone are left out. */
export async function lockRequests(trx: Trx, requestIds: readonly number[]): Promise<Map<number, LockedRequest>> {
  if (requestIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('requests as r')
    .select(LOCKED_REQUEST_COLUMNS)
    .where(sql<boolean>`r.id = ANY(${sqlArray(requestIds, 'bigint')})`)
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
  return new Map(rows.map((row) => [row.id, toLockedRequest(row)]));
}

/**
 * Takes `count` consecutive 标识码 sequence numbers per org in one statement; returns each org's new last number
 * (its numbers are last − count + 1 … last). An org that would pass 9999 is left unchanged and absent from the
 * result. The rows stay locked until the transaction ends; they are locked in org-code order, so two chunks running
 * at once cannot deadlock on them.
 */
export async function allocateSequences(trx: Trx, counts: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  if (counts.size === 0) return new Map();
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const result = await sql<{ org_code: string; last_seq: number }>`
    INSERT INTO site_sequences (org_code, last_seq)
    SELECT v.org_code, v.n
      FROM ${unnestRows(
        'v',
        { org_code: 'text', n: 'int' },
        sorted.map(([org_code, n]) => ({ org_code, n })),
      )}
     WHERE v.n <= 9999
     ORDER BY v.org_code
    ON CONFLICT (org_code) DO UPDATE SET last_seq = site_sequences.last_seq + excluded.last_seq
      WHERE site_sequences.last_seq + excluded.last_seq <= 9999
    RETURNING org_code, last_seq`.execute(trx);
  return new Map(result.rows.map((r) => [r.org_code, Number(r.last_seq)]));
}

export interface IssuedSiteRow {
  id: number;
  siteCode: string;
  checkCodeHash: string;
  checkCodeEnc: string;
}

/** A site as issued: what its 「生成标识码」 mail and notice say (returned by the UPDATE, so no read follows). */
export interface IssuedSite {
  id: number;
  name: string;
  homeUrl: string;
  siteCode: string;
  info: Record<string, unknown>;
}

/** As `markSiteIssued`, for many rows; returns those that were still applications (the others are unchanged). */
export async function markSitesIssued(trx: Trx, at: Date, sites: readonly IssuedSiteRow[]): Promise<IssuedSite[]> {
  if (sites.length === 0) return [];
  const values = unnestRows(
    'v',
    { id: 'bigint', site_code: 'text', hash: 'text', enc: 'text' },
    sites.map((s) => ({ id: s.id, site_code: s.siteCode, hash: s.checkCodeHash, enc: s.checkCodeEnc })),
  );
  const result = await sql<{
    id: number;
    name: string;
    home_url: string;
    site_code: string;
    info: Record<string, unknown> | null;
  }>`
    UPDATE sites AS s
       SET site_code = v.site_code, run_status = ${ISSUE_CODE.to}, code_issued_at = ${at}, check_code_hash = v.hash,
           check_code_enc = v.enc, failed_attempts = 0, locked_until = NULL, version = s.version + 1,
           updated_at = ${at}
      FROM ${values}
     WHERE s.id = v.id AND s.run_status IN (${sql.join(ISSUE_CODE.from)}) AND s.site_code IS NULL
    RETURNING s.id, s.name, s.home_url, s.site_code, s.info`.execute(trx);
  return result.rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    homeUrl: r.home_url,
    siteCode: r.site_code,
    info: r.info ?? {},
  }));
}
