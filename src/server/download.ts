// Headers of file downloads (xlsx exports, attachments, the 校验码 list) shared by every module.
import { create } from 'content-disposition';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: the UTF-8 name as filename*, and an ASCII fallback with `_` for every other character. */
export function contentDisposition(fileName: string): string {
  return create(fileName, { fallback: fileName.replace(/[^\x20-\x7e]/g, '_') });
}
