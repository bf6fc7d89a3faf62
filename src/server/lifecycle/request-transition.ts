// The one writer of requests.state: every use case (review, 下线审核, applications, the operator's requests, the 16:00
// batch, 删除, 挂接变更) moves a request through here. It executes the domain's decision as a compare-and-set on
// (id, state, step_index, version), alone decides which columns move (transitionColumns() in src/domain/requests.ts),
// and writes the 审核流水 entry in the same transaction.
import { type RawBuilder, sql } from 'kysely';
import { unnestRows } from '../../db/column-arrays.ts';
import {
  currentOrgOf,
  type NextState,
  type RequestAction,
  type RequestSnapshot,
  transitionColumns,
} from '../../domain/requests.ts';
import { type AuditEntry, auditEntriesInsertFrom, auditInsertFrom, writeAudit } from '../audit.ts';
import type { Actor, Db, Trx } from '../context.ts';
import { executePrepared } from '../statement-cache.ts';

/** The request as read in the transaction: the compare-and-set expects exactly this. */
export interface TransitionSubject extends RequestSnapshot {
  id: number;
  version: number;
}

export interface Transition {
  request: TransitionSubject;
  action: RequestAction;
  /** decide()'s result for `action` on `request`. */
  next: NextState;
  now: Date;
  /** RETURN: the reason the applicant sees. */
  reason?: string | undefined;
  /** The request takes a new chain (a single reviewer re-routed at resubmission); the step index stays `next`'s. */
  chain?: readonly string[];
  /** A new payload written with the transition (a resubmission's information). */
  payload?: Record<string, unknown>;
  audit: { actor: Actor | 'SYSTEM'; ip: string | null; entry: AuditEntry };
  /** The site whose `updated_at` moves with the request (a review decision shows on the site list), if any. */
  touchSiteId?: number;
  /**
   * Further writes of the change (a decision's mails and notice) as data-modifying CTEs over `source`, the CTE of
   * the moved row: they run in the compare-and-set's statement and write nothing when it moved nothing.
   */
  alsoWrite?: (source: string) => RawBuilder<unknown>[];
}

/** The result of a transition: false when the row is no longer what was read (someone else acted first). */
export function applyTransition(trx: Trx, t: Transition): Promise<boolean> {
  return compareAndSet(trx, t);
}

/**
 * `applyTransition` when its one statement is the whole change — the compare-and-set with its 审核流水 entry, the
 * site's touch and `alsoWrite`, nothing read or written around it that must commit with it — so it runs without
 * BEGIN / COMMIT: a single statement is atomic on its own (all of its CTEs, or none), and the compare-and-set on
 * (id, state, step_index, version) is what makes a decision taken on an earlier read safe, in a transaction or not
 * (issue 22: two round trips fewer per review decision). Anything more to write → `applyTransition` in a transaction.
 */
export function applyTransitionAlone(db: Db, t: Transition): Promise<boolean> {
  return compareAndSet(db, t);
}

async function compareAndSet(db: Db, t: Transition): Promise<boolean> {
  const { request: from, next, now } = t;
  const cols = transitionColumns(t.action, from, next);
  const chain = t.chain ?? from.chain;
  const currentOrg = t.chain ? currentOrgOf({ state: next.state, chain, stepIndex: next.stepIndex }) : next.currentOrg;
  const update = db
    .updateTable('requests')
    .set((eb) => ({
      state: next.state,
      step_index: next.stepIndex,
      current_org: currentOrg,
      version: eb('version', '+', 1),
      updated_at: now,
      return_reason: cols.returnReason === 'SET' ? (t.reason ?? null) : null,
      ...(t.chain ? { chain: [...t.chain] } : {}),
      ...(t.payload ? { payload: JSON.stringify(t.payload) } : {}),
      ...(cols.stepEntered ? { step_entered_at: now } : {}),
      ...(cols.submitted ? { submitted_at: now } : {}),
      ...(cols.decided ? { decided_at: now } : {}),
      ...(cols.finalApproved ? { final_approved_at: now } : {}),
    }))
    .where('id', '=', from.id)
    .where('state', '=', from.state)
    .where('step_index', '=', from.stepIndex)
    .where('version', '=', from.version)
    .returning('id');
  // One round trip: the compare-and-set, its 审核流水 entry, the site's touch and `alsoWrite` happen only if the row
  // moved.
  const touch =
    t.touchSiteId === undefined
      ? sql``
      : sql`, touched AS (UPDATE sites SET updated_at = ${now} WHERE id = ${t.touchSiteId} AND EXISTS (SELECT 1 FROM moved))`;
  const also = (t.alsoWrite?.('moved') ?? []).map((part, i) => sql`, ${sql.raw(`also_${i}`)} AS (${part})`);
  const result = await executePrepared(
    db,
    sql<{ moved: number }>`
    WITH moved AS (${update}),
         audit AS (${auditInsertFrom('moved', now, t.audit.actor, t.audit.entry, t.audit.ip)})${touch}${sql.join(also, sql``)}
    SELECT count(*)::int AS moved FROM moved`,
  );
  return Number(result.rows[0]?.moved) === 1;
}

export interface SetTransitionItem {
  request: TransitionSubject;
  next: NextState;
  entry: AuditEntry;
}

/**
 * `applyTransition` for many requests at once (the 16:00 batch's chunks): one UPDATE for all rows, each a
 * compare-and-set on its own state, step and version, with the 审核流水 entries of the rows that moved (in the given
 * order) in the same statement. Every item must move the same columns (same action, same kind of move). Returns the ids that
 * moved; the caller decides whether a partial result rolls the transaction back.
 */
export async function applyTransitions(
  trx: Trx,
  t: { action: RequestAction; now: Date; actor: Actor | 'SYSTEM'; items: readonly SetTransitionItem[] },
): Promise<Set<number>> {
  const first = t.items[0];
  if (!first) return new Set();
  const cols = transitionColumns(t.action, first.request, first.next);
  for (const item of t.items) {
    const c = transitionColumns(t.action, item.request, item.next);
    if (JSON.stringify(c) !== JSON.stringify(cols)) throw new Error(`${t.action}: items move different columns`);
    if (c.returnReason === 'SET') throw new Error(`${t.action}: a set-based transition carries no return reason`);
  }
  const rows = unnestRows(
    'v',
    {
      id: 'bigint',
      from_state: 'text',
      from_step: 'int',
      version: 'int',
      to_state: 'text',
      to_step: 'int',
      current_org: 'text',
    },
    t.items.map(({ request: r, next: n }) => ({
      id: r.id,
      from_state: r.state,
      from_step: r.stepIndex,
      version: r.version,
      to_state: n.state,
      to_step: n.stepIndex,
      current_org: n.currentOrg,
    })),
  );
  const now = t.now;
  const moved = [
    cols.stepEntered ? sql`, step_entered_at = ${now}` : sql``,
    cols.submitted ? sql`, submitted_at = ${now}` : sql``,
    cols.decided ? sql`, decided_at = ${now}` : sql``,
    cols.finalApproved ? sql`, final_approved_at = ${now}` : sql``,
  ];
  // One round trip: the compare-and-set of every row and the 审核流水 entries of the rows that moved.
  const audit = auditEntriesInsertFrom(
    'moved',
    now,
    t.actor,
    t.items.map((i) => ({ requestId: i.request.id, entry: i.entry })),
  );
  const result = await sql<{ id: number }>`
    WITH moved AS (
      UPDATE requests AS r
         SET state = v.to_state, step_index = v.to_step, current_org = v.current_org, version = v.version + 1,
             updated_at = ${now}, return_reason = NULL${sql.join(moved, sql``)}
        FROM ${rows}
       WHERE r.id = v.id AND r.state = v.from_state AND r.step_index = v.from_step AND r.version = v.version
      RETURNING r.id),
         audit AS (${audit})
    SELECT id FROM moved`.execute(trx);
  const ids = new Set(result.rows.map((r) => Number(r.id)));
  return ids;
}

/**
 * 挂接变更: an open request takes a recomputed chain without changing state (SPEC §3.5); the step clock restarts when
 * another unit now holds it. Compare-and-set on (id, state, version).
 */
export async function applyReroute(
  trx: Trx,
  r: {
    request: Pick<TransitionSubject, 'id' | 'state' | 'version'> & { currentOrg: string | null };
    chain: readonly string[];
    stepIndex: number;
    currentOrg: string | null;
    now: Date;
    audit: { actor: Actor | 'SYSTEM'; ip: string | null; entry: AuditEntry };
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('requests')
    .set((eb) => ({
      chain: [...r.chain],
      step_index: r.stepIndex,
      current_org: r.currentOrg,
      version: eb('version', '+', 1),
      updated_at: r.now,
      ...(r.currentOrg !== r.request.currentOrg ? { step_entered_at: r.now } : {}),
    }))
    .where('id', '=', r.request.id)
    .where('state', '=', r.request.state)
    .where('version', '=', r.request.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await writeAudit(trx, r.now, r.audit.actor, r.audit.entry, r.audit.ip);
  return true;
}
