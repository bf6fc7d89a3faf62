// The one file of a multipart attachment upload (field `file`; the limits are set where a module registers
// @fastify/multipart), read whole; not multipart, no file or over the size limit answers 400.
// Its type augmentation gives the request isMultipart(), file() and server.multipartErrors.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { MESSAGES } from '../domain/messages/index.ts';
import { invalid } from './errors.ts';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw invalid(MESSAGES.attachmentNotMultipart);
  const file = await request.file();
  if (!file) throw invalid(MESSAGES.attachmentMissing);
  try {
    return { fileName: file.filename, content: await file.toBuffer() };
  } catch (error) {
    if (error instanceof request.server.multipartErrors.RequestFileTooLargeError) {
      throw invalid(MESSAGES.attachmentTooLarge);
    }
    throw error;
  }
}

/** A stored attachment's file columns, as the attachment tables (notice, offline) share them. */
export function attachmentFileColumns(a: {
  fileName: string;
  mimeType: string;
  content: Buffer;
  sha256: string;
  at: Date;
}) {
  return {
    file_name: a.fileName,
    mime_type: a.mimeType,
    size_bytes: a.content.length,
    sha256: a.sha256,
    content: a.content,
    created_at: a.at,
  };
}

/** What an attachment insert returns: enough to show it. */
export const ATTACHMENT_RETURNING = ['id', 'file_name', 'mime_type', 'size_bytes'] as const;
