// Database access of the closure documents attached to offline requests (bytea, ≤ 10 MB each).
import type { Db, Trx } from '../../context.ts';
import { ATTACHMENT_RETURNING, attachmentFileColumns } from '../../upload.ts';

export interface StoredAttachment {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

export async function insertAttachment(
  db: Db,
  a: { siteId: number; fileName: string; mimeType: string; content: Buffer; sha256: string; at: Date },
): Promise<StoredAttachment> {
  const row = await db
    .insertInto('offline_attachments')
    .values({
      site_id: a.siteId,
      ...attachmentFileColumns(a),
    })
    .returning(ATTACHMENT_RETURNING)
    .executeTakeFirstOrThrow();
  return { id: row.id, fileName: row.file_name, mimeType: row.mime_type, sizeBytes: row.size_bytes };
}

/** An attachment the site uploaded and no request uses yet (so one document belongs to one request). */
export async function findUnusedAttachment(trx: Trx, siteId: number, id: number): Promise<boolean> {
  const row = await trx
    .selectFrom('offline_attachments as a')
    .leftJoin('offline_requests as d', 'd.attachment_id', 'a.id')
    .select('a.id')
    .where('a.id', '=', id)
    .where('a.site_id', '=', siteId)
    .where('d.request_id', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  content: Uint8Array;
}

/** The document of one site (the 填报单位's own download). */
export async function siteAttachment(db: Db, siteId: number, id: number): Promise<AttachmentFile | null> {
  const row = await db
    .selectFrom('offline_attachments')
    .select(['file_name', 'mime_type', 'content'])
    .where('id', '=', id)
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return row ? { fileName: row.file_name, mimeType: row.mime_type, content: row.content } : null;
}

/** The document attached to an offline request (the caller has checked the request is visible). */
export async function requestAttachment(db: Db, requestId: number): Promise<AttachmentFile | null> {
  const row = await db
    .selectFrom('offline_requests as d')
    .innerJoin('offline_attachments as a', 'a.id', 'd.attachment_id')
    .select(['a.file_name', 'a.mime_type', 'a.content'])
    .where('d.request_id', '=', requestId)
    .executeTakeFirst();
  return row ? { fileName: row.file_name, mimeType: row.mime_type, content: row.content } : null;
}
