// Database access of notifications: what a message is about (request, site, units), the outbox and the
// 填报单位's notices. Writers take the caller's transaction so a notification commits with its state change.
import { type RawBuilder, sql } from 'kysely';
import { unnestRows } from '../../../db/column-arrays.ts';
import type { MailKind } from '../../../db/schema.ts';
import type { MailText } from '../../../domain/notifications.ts';
import type { Db, Trx } from '../../context.ts';
import { REQUEST_COLUMNS, type RequestCore, toRequestCore } from '../requests/repository.ts';

export interface RequestFactsRow extends RequestCore {
  stepEnteredAt: Date;
  siteId: number;
  siteName: string;
  homeUrl: string;
  siteCode: string | null;
  info: Record<string, unknown>;
}

function factsQuery(trx: Db | Trx) {
  return trx
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select([
      ...REQUEST_COLUMNS,
      'r.step_entered_at',
      's.id as site_id',
      's.name',
      's.home_url',
      's.site_code',
      's.info',
    ]);
}

type FactsQueryRow = Awaited<ReturnType<ReturnType<typeof factsQuery>['executeTakeFirstOrThrow']>>;

function toFacts(row: FactsQueryRow): RequestFactsRow {
  return {
    ...toRequestCore(row),
    stepEnteredAt: new Date(row.step_entered_at),
    siteId: row.site_id,
    siteName: row.name,
    homeUrl: row.home_url,
    siteCode: row.site_code,
    info: row.info ?? {},
  };
}

export async function loadRequestFacts(trx: Db | Trx, requestId: number): Promise<RequestFactsRow | null> {
  const row = await factsQuery(trx).where('r.id', '=', requestId).executeTakeFirst();
  return row ? toFacts(row) : null;
}

/**
 * `loadRequestFacts` with, in the same statement, the request's current unit and the units named in `orgCodes`
 * (a decision's unit): what a decision's mails need, in one round trip.
 */
export async function loadRequestFactsAndUnits(
  trx: Db | Trx,
  requestId: number,
  orgCodes: readonly string[],
): Promise<{ facts: RequestFactsRow; units: Map<string, UnitPeople> } | null> {
  const row = await factsQuery(trx)
    .select(unitsJson(sql`o2.code = ANY(${[...orgCodes]}::text[]) OR o2.code = r.current_org`).as('units'))
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!row) return null;
  return { facts: toFacts(row), units: unitsFromJson(row.units) };
}

/** A request's facts and the units its decision's mails name (see `loadRequestFactsAndUnits`). */
export interface DecisionFacts {
  facts: RequestFactsRow;
  units: Map<string, UnitPeople>;
}

/** The people of the units (`o2`) matching `which`, as one JSON column of a statement over the request `r`. */
export function unitsJson(which: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql<unknown>`(
      SELECT coalesce(json_agg(json_build_object('code', o2.code, 'display_name', o2.display_name,
               'parent_code', o2.parent_code, 'principal', o2.principal, 'contacts', o2.contacts)), '[]')
        FROM org_units o2
       WHERE ${which})`;
}

export function unitsFromJson(json: unknown): Map<string, UnitPeople> {
  const units = (typeof json === 'string' ? JSON.parse(json) : json) as UnitRow[];
  return new Map(units.map((u) => [u.code, toUnitPeople(u)]));
}

interface UnitRow {
  code: string;
  display_name: string;
  parent_code: string | null;
  principal: unknown;
  contacts: unknown;
}

function toUnitPeople(r: UnitRow): UnitPeople {
  return {
    code: r.code,
    name: r.display_name,
    parentCode: r.parent_code,
    principal: r.principal,
    contacts: Array.isArray(r.contacts) ? r.contacts : [],
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
  return new Map(rows.map((r) => [r.code, toUnitPeople(r)]));
}

export interface QueuedMail {
  kind: MailKind;
  requestId: number | null;
  text: MailText;
  at: Date;
  /** Makes the mail idempotent: a second insert with the same key is ignored. */
  dedupeKey?: string;
}

function outboxRows(to: readonly string[], mail: QueuedMail) {
  return to.map((address, i) => ({
    to_address: address,
    subject: mail.text.subject,
    body: mail.text.body,
    kind: mail.kind,
    request_id: mail.requestId,
    dedupe_key: mail.dedupeKey ? `${mail.dedupeKey}:${i}` : null,
    next_attempt_at: mail.at,
    created_at: mail.at,
  }));
}

/** One outbox row per address; returns how many were queued. */
export async function queueMails(trx: Db | Trx, to: readonly string[], mail: QueuedMail): Promise<number> {
  return queueMailBatch(trx, [{ to, mail }]);
}

/** Several mails in one statement; returns how many outbox rows were queued. */
export async function queueMailBatch(
  trx: Db | Trx,
  mails: readonly { to: readonly string[]; mail: QueuedMail }[],
): Promise<number> {
  const rows = mails.flatMap(({ to, mail }) => outboxRows(to, mail));
  if (rows.length === 0) return 0;
  const result = await trx
    .insertInto('mail_outbox')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface SiteNotice {
  siteId: number;
  requestId: number | null;
  kind: MailKind;
  text: MailText;
  at: Date;
}

export async function insertSiteNotice(trx: Db | Trx, notice: SiteNotice): Promise<void> {
  await insertSiteNotices(trx, [notice]);
}

function noticeRows(notices: readonly SiteNotice[]) {
  return notices.map((notice) => ({
    site_id: notice.siteId,
    request_id: notice.requestId,
    kind: notice.kind,
    title: notice.text.subject,
    body: notice.text.body,
    created_at: notice.at,
  }));
}

export async function insertSiteNotices(trx: Db | Trx, notices: readonly SiteNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await trx.insertInto('site_notices').values(noticeRows(notices)).execute();
}

/**
 * `queueMailBatch` and `insertSiteNotices` in one statement (one round trip for an event's mails and notices), the
 * rows as column arrays (the 16:00 batch queues a chunk's at once: one parameter per column, not per cell).
 */
export async function queueMailsAndNotices(
  trx: Db | Trx,
  mails: readonly { to: readonly string[]; mail: QueuedMail }[],
  notices: readonly SiteNotice[],
): Promise<void> {
  const outbox = mails.flatMap(({ to, mail }) => outboxRows(to, mail));
  const parts: RawBuilder<unknown>[] = [];
  if (outbox.length > 0) {
    parts.push(insertRows('mail_outbox', OUTBOX_TYPES, outbox, sql` ON CONFLICT (dedupe_key) DO NOTHING`));
  }
  if (notices.length > 0) parts.push(insertRows('site_notices', NOTICE_TYPES, noticeRows(notices), sql``));
  const [last, ...before] = parts.reverse();
  if (!last) return;
  const ctes = before.map((part, i) => sql`${sql.raw(`w${i}`)} AS (${part})`);
  await sql`${ctes.length > 0 ? sql`WITH ${sql.join(ctes)} ` : sql``}${last}`.execute(trx);
}

function insertRows(
  table: string,
  types: Readonly<Record<string, string>>,
  rows: readonly Record<string, unknown>[],
  tail: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const columns = sql.join(Object.keys(types).map((c) => sql.ref(c)));
  return sql`INSERT INTO ${sql.table(table)} (${columns}) SELECT ${columns} FROM ${unnestRows('v', types, rows)}${tail}`;
}

/** `(a::t, b::t, …), …` of rows selected from VALUES, which carry no target types: each cell is cast. */
function typedRows(
  rows: readonly Record<string, unknown>[],
  types: Readonly<Record<string, string>>,
): RawBuilder<unknown> {
  const columns = Object.keys(types);
  return sql.join(
    rows.map((row) => sql`(${sql.join(columns.map((c) => sql`${row[c] ?? null}::${sql.raw(types[c]!)}`))})`),
  );
}

const OUTBOX_TYPES = {
  to_address: 'text',
  subject: 'text',
  body: 'text',
  kind: 'text',
  request_id: 'bigint',
  dedupe_key: 'text',
  next_attempt_at: 'timestamptz',
  created_at: 'timestamptz',
} as const;
const NOTICE_TYPES = {
  site_id: 'bigint',
  request_id: 'bigint',
  kind: 'text',
  title: 'text',
  body: 'text',
  created_at: 'timestamptz',
} as const;

function insertFrom(
  table: string,
  types: Readonly<Record<string, string>>,
  rows: readonly Record<string, unknown>[],
  source: string,
  tail: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const columns = sql.join(Object.keys(types).map((c) => sql.ref(c)));
  return sql`INSERT INTO ${sql.table(table)} (${columns})
    SELECT ${columns} FROM (VALUES ${typedRows(rows, types)}) AS v(${columns})
     WHERE EXISTS (SELECT 1 FROM ${sql.table(source)})${tail}`;
}

/**
 * `queueMailsAndNotices` as parts of a larger statement (data-modifying CTEs): the rows are written only if `source`,
 * another CTE of that statement, has a row — the lifecycle writer's moved request, so a decision's mails and notice
 * go in its compare-and-set's round trip.
 */
export function mailsAndNoticesInsertFrom(
  source: string,
  mails: readonly { to: readonly string[]; mail: QueuedMail }[],
  notices: readonly SiteNotice[],
): RawBuilder<unknown>[] {
  const outbox = mails.flatMap(({ to, mail }) => outboxRows(to, mail));
  const parts: RawBuilder<unknown>[] = [];
  if (outbox.length > 0) {
    parts.push(insertFrom('mail_outbox', OUTBOX_TYPES, outbox, source, sql` ON CONFLICT (dedupe_key) DO NOTHING`));
  }
  if (notices.length > 0) parts.push(insertFrom('site_notices', NOTICE_TYPES, noticeRows(notices), source, sql``));
  return parts;
}
