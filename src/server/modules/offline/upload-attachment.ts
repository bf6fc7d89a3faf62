// 附件 of a 下线申请 (e.g. the closure approval document): ≤ 10 MB, pdf/jpg/png/doc/docx only, the content checked
// against its extension by its leading bytes; stored as bytea and bound to the uploading site.
import { createHash } from 'node:crypto';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { stripControlChars } from '../../../domain/text.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { invalid, notFound } from '../../errors.ts';
import { insertAttachment, type StoredAttachment } from './attachments-repository.ts';
import { findSiteByCode } from './repository.ts';

export const MAX_OFFLINE_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const KINDS: Readonly<Record<string, { mime: string; magic: number[] }>> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  doc: { mime: 'application/msword', magic: OLE },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
};

export const OFFLINE_ATTACHMENT_EXTENSIONS = ['pdf', 'jpg', 'png', 'doc', 'docx'] as const;

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return stripControlChars(base).trim().slice(-200);
}

export async function uploadOfflineAttachment(
  ctx: AppContext,
  opts: { actor: SiteActor; fileName: string; content: Buffer },
): Promise<StoredAttachment> {
  const site = await findSiteByCode(ctx.db, opts.actor.siteCode);
  if (!site) throw notFound(MESSAGES.siteNotFound);
  const fileName = cleanFileName(opts.fileName);
  const ext = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
  const kind = KINDS[ext];
  if (!fileName || !kind) {
    throw invalid(MESSAGES.attachmentTypeUnsupported(OFFLINE_ATTACHMENT_EXTENSIONS));
  }
  if (opts.content.length === 0) throw invalid(MESSAGES.attachmentEmpty);
  if (opts.content.length > MAX_OFFLINE_ATTACHMENT_BYTES) throw invalid(MESSAGES.attachmentTooLarge);
  if (!kind.magic.every((byte, i) => opts.content[i] === byte)) {
    throw invalid(MESSAGES.attachmentContentMismatch(ext));
  }
  return insertAttachment(ctx.db, {
    siteId: site.id,
    fileName,
    mimeType: kind.mime,
    content: opts.content,
    sha256: createHash('sha256').update(opts.content).digest('hex'),
    at: ctx.clock.now(),
  });
}
