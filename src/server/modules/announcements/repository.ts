// The only database access of 重要通知: the reader's audience in SQL, reads, attachments and receipts.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { NoticeAudience } from '../../../db/schema.ts';
import type { Db, Trx } from '../../context.ts';
import { ATTACHMENT_RETURNING, attachmentFileColumns } from '../../upload.ts';
import { inSubtree, likePattern, prefixPattern } from '../org-units/repository.ts';

export interface Reader {
  userId: number;
  orgCode: string;
  orgPath: string;
}

/**
 * Notices the reader's unit may see: published to ALL, or to the subtree of a publisher that is an ancestor of the
 * reader (or the reader's own unit). A province's notice never reaches another province.
 */
function audienceOf(reader: Reader): Expression<SqlBool> {
  return sql<boolean>`(n.withdrawn_at IS NULL AND (n.audience = 'ALL' OR starts_with(${reader.orgPath}, p.path)))`;
}

const readByMe = (userId: number) =>
  sql<boolean>`EXISTS (SELECT 1 FROM notice_reads nr WHERE nr.notice_id = n.id AND nr.user_id = ${userId})`;

function visible(db: Db | Trx, reader: Reader) {
  return db
    .selectFrom('notices as n')
    .innerJoin('org_units as p', 'p.code', 'n.publisher_org')
    .where(audienceOf(reader));
}

const columns = [
  'n.id',
  'n.title',
  'n.publisher_org',
  'p.display_name as publisher_org_name',
  'n.publisher_name',
  'n.audience',
  'n.pinned',
  'n.published_at',
] as const;

export async function listVisible(
  db: Db,
  reader: Reader,
  q: { q?: string | undefined; page: number; pageSize: number },
) {
  let base = visible(db, reader);
  if (q.q) base = base.where('n.title', 'ilike', likePattern(q.q));
  const [items, total] = await Promise.all([
    base
      .select([
        ...columns,
        readByMe(reader.userId).as('read'),
        sql<number>`(SELECT count(*)::int FROM notice_attachments a WHERE a.notice_id = n.id)`.as('attachment_count'),
      ])
      .orderBy('n.pinned', 'desc')
      .orderBy('n.published_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function unreadCount(db: Db, reader: Reader): Promise<number> {
  const row = await visible(db, reader)
    .where(sql<boolean>`NOT ${readByMe(reader.userId)}`)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export function findVisible(db: Db | Trx, reader: Reader, id: number) {
  return visible(db, reader)
    .select([...columns, 'n.body_html', 'p.path as publisher_path'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export function attachmentsOf(db: Db | Trx, noticeId: number) {
  return db
    .selectFrom('notice_attachments')
    .select(['id', 'file_name', 'mime_type', 'size_bytes'])
    .where('notice_id', '=', noticeId)
    .orderBy('id')
    .execute();
}

export function attachmentContent(db: Db, noticeId: number, attachmentId: number) {
  return db
    .selectFrom('notice_attachments')
    .select(['file_name', 'mime_type', 'content'])
    .where('notice_id', '=', noticeId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

/** First opening by this user counts; later ones change nothing. */
export async function recordRead(db: Db | Trx, noticeId: number, reader: Reader, at: Date): Promise<void> {
  await db
    .insertInto('notice_reads')
    .values({ notice_id: noticeId, user_id: reader.userId, org_code: reader.orgCode, read_at: at })
    .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
    .execute();
}

export interface NewNotice {
  title: string;
  bodyHtml: string;
  publisherOrg: string;
  audience: NoticeAudience;
  pinned: boolean;
  publishedAt: Date;
  publishedBy: number;
  publisherName: string;
}

/** How long the same notice sent again by the same user counts as a double submit (a retry, a second click). */
export const REPUBLISH_WINDOW_MS = 10 * 60 * 1000;

/**
 * The notice this user published with the same title, body and audience within the window, if any. Takes the
 * publisher's user row lock first, so two identical submissions at once see each other.
 */
export async function findJustPublished(trx: Trx, n: NewNotice): Promise<number | null> {
  await trx.selectFrom('users').select('id').where('id', '=', n.publishedBy).forUpdate().execute();
  const row = await trx
    .selectFrom('notices')
    .select('id')
    .where('published_by', '=', n.publishedBy)
    .where('title', '=', n.title)
    .where('body_html', '=', n.bodyHtml)
    .where('audience', '=', n.audience)
    .where('withdrawn_at', 'is', null)
    .where('published_at', '>=', new Date(n.publishedAt.getTime() - REPUBLISH_WINDOW_MS))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertNotice(trx: Trx, n: NewNotice): Promise<number> {
  const row = await trx
    .insertInto('notices')
    .values({
      title: n.title,
      body_html: n.bodyHtml,
      publisher_org: n.publisherOrg,
      audience: n.audience,
      pinned: n.pinned,
      published_at: n.publishedAt,
      published_by: n.publishedBy,
      publisher_name: n.publisherName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Attaches the uploader's own pending files; answers how many were attached. */
export async function claimAttachments(trx: Trx, noticeId: number, userId: number, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('notice_attachments')
    .set({ notice_id: noticeId })
    .where('id', 'in', ids)
    .where('uploaded_by', '=', userId)
    .where('notice_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertAttachment(
  db: Db,
  a: { userId: number; fileName: string; mimeType: string; content: Buffer; sha256: string; at: Date },
) {
  // Uploads never attached within a day are dropped here rather than by a separate job.
  await db
    .deleteFrom('notice_attachments')
    .where('notice_id', 'is', null)
    .where('created_at', '<', new Date(a.at.getTime() - 24 * 60 * 60 * 1000))
    .execute();
  return db
    .insertInto('notice_attachments')
    .values({
      uploaded_by: a.userId,
      ...attachmentFileColumns(a),
    })
    .returning(ATTACHMENT_RETURNING)
    .executeTakeFirstOrThrow();
}

export function lockNotice(trx: Trx, id: number) {
  return trx.selectFrom('notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateNotice(trx: Trx, id: number, set: { pinned?: boolean; withdrawn_at?: Date }) {
  return trx.updateTable('notices').set(set).where('id', '=', id).execute();
}

/** The units a notice is addressed to (enabled ones, the publisher's own unit excluded), as a subquery. */
function audienceUnits(db: Db, notice: { audience: NoticeAudience; publisherOrg: string; publisherPath: string }) {
  let q = db.selectFrom('org_units as u').where('u.enabled', '=', true).where('u.code', '<>', notice.publisherOrg);
  if (notice.audience === 'SUBTREE') q = q.where(inSubtree('u.path', notice.publisherPath));
  return q;
}

export async function receipts(
  db: Db,
  notice: { id: number; audience: NoticeAudience; publisherOrg: string; publisherPath: string },
  q: { status: 'read' | 'unread'; q?: string | undefined; page: number; pageSize: number },
) {
  const firstRead = sql<Date | null>`(SELECT min(r.read_at) FROM notice_reads r WHERE r.notice_id = ${notice.id} AND r.org_code = u.code)`;
  const hasRead = sql<boolean>`EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = ${notice.id} AND r.org_code = u.code)`;
  const all = audienceUnits(db, notice);
  let listed = all.where(q.status === 'read' ? hasRead : sql<boolean>`NOT ${hasRead}`);
  if (q.q) {
    const text = q.q;
    listed = listed.where((eb) =>
      eb.or([eb('u.display_name', 'ilike', likePattern(text)), eb('u.code', 'ilike', prefixPattern(text))]),
    );
  }
  const [items, counts, filtered] = await Promise.all([
    listed
      .select(['u.code', 'u.display_name', 'u.level', firstRead.as('first_read_at')])
      .orderBy('u.level')
      .orderBy('u.code')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    all
      .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE ${hasRead})::int`.as('read')])
      .executeTakeFirstOrThrow(),
    listed.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, audienceUnits: counts.total, readUnits: counts.read, total: filtered.n };
}
