// 上传通知附件: ≤ 10 MB, pdf/doc/docx/xls/xlsx/jpg/png/zip only, the content checked against its extension.
import { createHash } from 'node:crypto';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { stripControlChars } from '../../../domain/text.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { canPublish } from './publish-notice.ts';
import { insertAttachment } from './repository.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Extension → stored MIME type and the leading bytes a genuine file of that kind starts with. */
const KINDS: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  doc: { mime: 'application/msword', magic: OLE },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  zip: { mime: 'application/zip', magic: ZIP },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
};

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

function cleanFileName(name: string): string {
  // Keep the last path segment only; drop control characters.
  const base = name.split(/[\\/]/).pop() ?? '';
  return stripControlChars(base).trim().slice(-200);
}

export async function uploadAttachment(ctx: AppContext, opts: { actor: OrgActor; fileName: string; content: Buffer }) {
  if (!canPublish(opts.actor)) throw forbidden(MESSAGES.noticeAttachmentIssuersOnly);
  const fileName = cleanFileName(opts.fileName);
  const ext = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
  const kind = KINDS[ext];
  if (!fileName || !kind) throw invalid(MESSAGES.attachmentTypeUnsupported(ALLOWED_EXTENSIONS));
  if (opts.content.length === 0) throw invalid(MESSAGES.attachmentEmpty);
  if (opts.content.length > MAX_ATTACHMENT_BYTES) throw invalid(MESSAGES.attachmentTooLarge);
  if (!kind.magic.every((byte, i) => opts.content[i] === byte)) {
    throw invalid(MESSAGES.attachmentContentMismatch(ext));
  }
  const row = await insertAttachment(ctx.db, {
    userId: opts.actor.userId,
    fileName,
    mimeType: kind.mime,
    content: opts.content,
    sha256: createHash('sha256').update(opts.content).digest('hex'),
    at: ctx.clock.now(),
  });
  return { id: row.id, fileName: row.file_name, mimeType: row.mime_type, sizeBytes: row.size_bytes };
}
