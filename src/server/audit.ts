// Writes 审核流水 / audit entries (typed events); always called with the transaction that makes the change it records.
import { type Insertable, type RawBuilder, sql } from 'kysely';
import { unnestRows } from '../db/column-arrays.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { type AuditEvent, auditActionText } from '../domain/audit-events.ts';
import type { Actor, Db, Trx } from './context.ts';

/** What a use case records: a typed event (src/domain/audit-events.ts); its action text is derived there. */
export type AuditEntry = AuditEvent;

export function actorFields(
  actor: Actor,
): Pick<Insertable<AuditLogTable>, 'actor_type' | 'actor_user_id' | 'actor_name' | 'actor_org_code'> {
  switch (actor.kind) {
    case 'ORG_USER':
      return {
        actor_type: 'ORG_USER',
        actor_user_id: actor.userId,
        actor_name: actor.displayName,
        actor_org_code: actor.orgCode,
      };
    case 'SITE':
      return { actor_type: 'SITE', actor_user_id: null, actor_name: actor.siteCode, actor_org_code: null };
    default:
      return { actor_type: 'APPLICANT', actor_user_id: null, actor_name: null, actor_org_code: null };
  }
}

function auditRow(at: Date, actor: Actor | 'SYSTEM', entry: AuditEntry, ip: string | null): Insertable<AuditLogTable> {
  const who =
    actor === 'SYSTEM'
      ? { actor_type: 'SYSTEM' as const, actor_user_id: null, actor_name: '系统', actor_org_code: null }
      : actorFields(actor);
  return {
    at,
    ...who,
    action: auditActionText(entry),
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    site_code: entry.siteCode ?? null,
    request_id: entry.requestId ?? null,
    from_state: entry.fromState ?? null,
    to_state: entry.toState ?? null,
    comment: entry.comment ?? null,
    data: entry.data ? JSON.stringify(entry.data) : null,
    ip,
  };
}

export async function writeAudit(
  trx: Trx | Db,
  at: Date,
  actor: Actor | 'SYSTEM',
  entry: AuditEntry,
  ip: string | null = null,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values(auditRow(at, actor, entry, ip))
    .execute();
}

/** Several entries by one actor at one time in one statement (the 16:00 batch's chunks), in the given order. */
export async function writeAuditEntries(
  trx: Trx | Db,
  at: Date,
  actor: Actor | 'SYSTEM',
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(entries.map((entry) => auditRow(at, actor, entry, null)))
    .execute();
}

/** The SQL type of each column `auditRow` fills: a row selected from a CTE carries no target types, so each is cast. */
const AUDIT_COLUMN_TYPES = {
  at: 'timestamptz',
  actor_type: 'text',
  actor_user_id: 'bigint',
  actor_name: 'text',
  actor_org_code: 'text',
  action: 'text',
  entity_type: 'text',
  entity_id: 'text',
  site_code: 'text',
  request_id: 'bigint',
  from_state: 'text',
  to_state: 'text',
  comment: 'text',
  data: 'jsonb',
  ip: 'text',
} as const satisfies Partial<Record<keyof AuditLogTable, string>>;

/**
 * The INSERT of one entry as a part of a larger statement (a data-modifying CTE): one row for each row of `source`,
 * another CTE of that statement — so the entry is written exactly when the change it records was made, in the same
 * round trip (the lifecycle writer's compare-and-set).
 */
export function auditInsertFrom(
  source: string,
  at: Date,
  actor: Actor | 'SYSTEM',
  entry: AuditEntry,
  ip: string | null = null,
): RawBuilder<unknown> {
  return sql`INSERT INTO audit_log (${auditColumnList}) SELECT ${typedValues(auditRow(at, actor, entry, ip))} FROM ${sql.table(source)}`;
}

const AUDIT_COLUMNS = Object.keys(AUDIT_COLUMN_TYPES) as (keyof typeof AUDIT_COLUMN_TYPES)[];
const auditColumnList = sql.join(AUDIT_COLUMNS.map((c) => sql.ref(c)));

function typedValues(row: Insertable<AuditLogTable>): RawBuilder<unknown> {
  const cells = row as Record<string, unknown>;
  return sql.join(AUDIT_COLUMNS.map((c) => sql`${cells[c] ?? null}::${sql.raw(AUDIT_COLUMN_TYPES[c])}`));
}

/**
 * `writeAuditEntries` as a part of a larger statement: the entries keyed by request id, written in the given order
 * for the requests found in `source` (a CTE with an `id` column) — the set-based compare-and-set's moved rows.
 */
export function auditEntriesInsertFrom(
  source: string,
  at: Date,
  actor: Actor | 'SYSTEM',
  entries: readonly { requestId: number; entry: AuditEntry }[],
): RawBuilder<unknown> {
  const rows = entries.map(({ requestId, entry }) => ({ key: requestId, ...auditRow(at, actor, entry, null) }));
  return sql`INSERT INTO audit_log (${auditColumnList})
    SELECT ${auditColumnList}
      FROM ${unnestRows('v', { key: 'bigint', ...AUDIT_COLUMN_TYPES }, rows, { ordinality: true })}
     WHERE v.key IN (SELECT id FROM ${sql.table(source)})
     ORDER BY v.ord`;
}
