// Seals audit entries into a SHA-256 hash chain and verifies it (`govsite audit verify`).
// Sealing runs after commit (a job and before verification), so audited transactions never wait on a chain head.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../context.ts';

const SEAL_LOCK = 7_400_001;
const GENESIS = '0'.repeat(64);

interface ChainRow {
  id: number;
  seal_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  content: string;
}

/** The canonical text of an entry: every column but the seal, as PostgreSQL renders it (same on PGlite). */
export const CONTENT = sql<string>`concat_ws('|', id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
  actor_type, coalesce(actor_user_id::text, ''), coalesce(actor_name, ''), coalesce(actor_org_code, ''), action,
  entity_type, entity_id, coalesce(site_code, ''), coalesce(request_id::text, ''), coalesce(from_state, ''),
  coalesce(to_state, ''), coalesce(comment, ''), coalesce(data::text, ''), coalesce(ip, ''))`;

export function entryHash(prevHash: string, content: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Seals every unsealed entry (in id order) onto the end of the chain. Returns how many were sealed. */
export async function sealAuditLog(db: Db, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      const locked = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`.execute(trx);
      if (!locked.rows[0]?.ok) return -1;
      const head = await trx
        .selectFrom('audit_log')
        .select(['seal_seq', 'hash'])
        .where('seal_seq', 'is not', null)
        .orderBy('seal_seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const rows = await trx
        .selectFrom('audit_log')
        .select(['id', CONTENT.as('content')])
        .where('seal_seq', 'is', null)
        .orderBy('id')
        .limit(batch)
        .execute();
      let seq = Number(head?.seal_seq ?? 0);
      let prev = head?.hash ?? GENESIS;
      for (const row of rows) {
        seq++;
        const hash = entryHash(prev, row.content);
        await trx
          .updateTable('audit_log')
          .set({ seal_seq: seq, prev_hash: prev, hash })
          .where('id', '=', row.id)
          .execute();
        prev = hash;
      }
      return rows.length;
    });
    if (sealed <= 0) return total;
    total += sealed;
    if (sealed < batch) return total;
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  problems: string[];
}

/** Walks the chain in seal order and reports edited, deleted or reordered entries. */
export async function verifyAuditLog(db: Db, maxProblems = 20): Promise<VerifyResult> {
  const problems: string[] = [];
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_log')
      .select(['id', 'seal_seq', 'prev_hash', 'hash', CONTENT.as('content')])
      .where('seal_seq', '>', lastSeq)
      .orderBy('seal_seq')
      .limit(5000)
      .execute()) as ChainRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seal_seq);
      if (seq !== expectedSeq) problems.push(`第 ${expectedSeq}–${seq - 1} 条已被删除（缺少封存序号）`);
      if (row.prev_hash !== prev) problems.push(`流水 #${row.id}（序号 ${seq}）的前一哈希不符：记录被删除或调换了顺序`);
      if (row.hash !== entryHash(row.prev_hash ?? '', row.content))
        problems.push(`流水 #${row.id}（序号 ${seq}）的内容被修改`);
      prev = row.hash ?? '';
      expectedSeq = seq + 1;
      lastSeq = seq;
      checked++;
      if (problems.length >= maxProblems) break;
    }
    if (problems.length >= maxProblems) break;
  }
  const unsealed = await db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('seal_seq', 'is', null)
    .executeTakeFirstOrThrow();
  return { ok: problems.length === 0, checked, unsealed: unsealed.n, problems };
}
