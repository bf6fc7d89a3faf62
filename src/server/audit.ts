// Writes 审核流水 / audit entries (typed events); always called with the transaction that makes the change it records.
import type { Insertable } from 'kysely';
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
