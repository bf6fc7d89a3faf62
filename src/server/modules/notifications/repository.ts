// Database access of notifications: what a message is about (request, site, units), the outbox and the
// 填报单位's notices. Writers take the caller's transaction so a notification commits with its state change.
import type { MailKind, RequestState, RequestType } from '../../../db/schema.ts';
import type { MailText } from '../../../domain/notifications.ts';
import type { Db, Trx } from '../../context.ts';

export interface RequestFactsRow {
  id: number;
  type: RequestType;
  state: RequestState;
  chain: string[];
  stepIndex: number;
  currentOrg: string | null;
  stepEnteredAt: Date;
  siteId: number;
  siteName: string;
  homeUrl: string;
  siteCode: string | null;
  info: Record<string, unknown>;
}

export async function loadRequestFacts(trx: Db | Trx, requestId: number): Promise<RequestFactsRow | null> {
  const row = await trx
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select([
      'r.id',
      'r.type',
      'r.state',
      'r.chain',
      'r.step_index',
      'r.current_org',
      'r.step_entered_at',
      's.id as site_id',
      's.name',
      's.home_url',
      's.site_code',
      's.info',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    chain: row.chain,
    stepIndex: row.step_index,
    currentOrg: row.current_org,
    stepEnteredAt: new Date(row.step_entered_at),
    siteId: row.site_id,
    siteName: row.name,
    homeUrl: row.home_url,
    siteCode: row.site_code,
    info: row.info ?? {},
  };
}

export interface UnitPeople {
  code: string;
  name: string;
  parentCode: string | null;
  principal: unknown;
  contacts: unknown[];
}

export async function loadUnits(trx: Db | Trx, codes: readonly string[]): Promise<Map<string, UnitPeople>> {
  const unique = [...new Set(codes)].filter((c) => c !== '');
  if (unique.length === 0) return new Map();
  const rows = await trx
    .selectFrom('org_units')
    .select(['code', 'display_name', 'parent_code', 'principal', 'contacts'])
    .where('code', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      {
        code: r.code,
        name: r.display_name,
        parentCode: r.parent_code,
        principal: r.principal,
        contacts: Array.isArray(r.contacts) ? r.contacts : [],
      },
    ]),
  );
}

export interface QueuedMail {
  kind: MailKind;
  requestId: number | null;
  text: MailText;
  at: Date;
  /** Makes the mail idempotent: a second insert with the same key is ignored. */
  dedupeKey?: string;
}

/** One outbox row per address; returns how many were queued. */
export async function queueMails(trx: Db | Trx, to: readonly string[], mail: QueuedMail): Promise<number> {
  if (to.length === 0) return 0;
  const result = await trx
    .insertInto('mail_outbox')
    .values(
      to.map((address, i) => ({
        to_address: address,
        subject: mail.text.subject,
        body: mail.text.body,
        kind: mail.kind,
        request_id: mail.requestId,
        dedupe_key: mail.dedupeKey ? `${mail.dedupeKey}:${i}` : null,
        next_attempt_at: mail.at,
        created_at: mail.at,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function insertSiteNotice(
  trx: Db | Trx,
  notice: { siteId: number; requestId: number | null; kind: MailKind; text: MailText; at: Date },
): Promise<void> {
  await trx
    .insertInto('site_notices')
    .values({
      site_id: notice.siteId,
      request_id: notice.requestId,
      kind: notice.kind,
      title: notice.text.subject,
      body: notice.text.body,
      created_at: notice.at,
    })
    .execute();
}
