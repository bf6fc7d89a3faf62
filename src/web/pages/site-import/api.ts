// Calls of 批量导入网站: 预检 and 确认导入 upload the chosen file with progress (XMLHttpRequest reports upload
// progress, fetch does not); the 预检报告 comes back as a file; the register export is a plain download.
import type { UploadAnswer } from '../../api/types.ts';
import { t } from '../../locales/zh-CN.ts';
import { ApiError, client, unwrap } from '../../request.ts';
import { downloadFile } from '../../shared/download-file.ts';

export type PlanView = UploadAnswer<'/api/site-import/preview'>;
export type CommitResult = UploadAnswer<'/api/site-import/commit'>;

export type UploadProgress = (phase: 'upload' | 'server', percent: number) => void;

async function csrfToken(): Promise<string> {
  return (await unwrap(client.GET('/api/session'))).csrfToken;
}

function send(path: string, file: File, responseType: 'json' | 'blob', onProgress?: UploadProgress) {
  return new Promise<XMLHttpRequest>((resolve, reject) => {
    void csrfToken().then((token) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.responseType = responseType === 'json' ? 'text' : 'blob';
      xhr.setRequestHeader('x-csrf-token', token);
      xhr.setRequestHeader('accept', responseType === 'json' ? 'application/json' : '*/*');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress?.('upload', Math.round((e.loaded / e.total) * 100));
      };
      xhr.upload.onload = () => onProgress?.('server', 100);
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', t.request.network));
      xhr.onload = () => resolve(xhr);
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    }, reject);
  });
}

async function errorOf(xhr: XMLHttpRequest): Promise<ApiError> {
  const text = xhr.responseType === 'blob' ? await (xhr.response as Blob).text() : String(xhr.responseText);
  try {
    const body = JSON.parse(text) as { code?: string; message?: string };
    return new ApiError(xhr.status, body.code ?? 'HTTP_ERROR', body.message ?? t.request.badResponse);
  } catch {
    return new ApiError(xhr.status, 'BAD_RESPONSE', t.request.badResponse);
  }
}

async function json<P extends '/api/site-import/preview' | '/api/site-import/commit'>(
  path: P,
  file: File,
  onProgress?: UploadProgress,
): Promise<UploadAnswer<P>> {
  const xhr = await send(path, file, 'json', onProgress);
  if (xhr.status < 200 || xhr.status >= 300) throw await errorOf(xhr);
  return JSON.parse(String(xhr.responseText));
}

export function previewImport(file: File, onProgress?: UploadProgress): Promise<PlanView> {
  return json('/api/site-import/preview', file, onProgress);
}

export function commitImport(file: File, onProgress?: UploadProgress): Promise<CommitResult> {
  return json('/api/site-import/commit', file, onProgress);
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function downloadReport(file: File): Promise<void> {
  const xhr = await send('/api/site-import/report', file, 'blob');
  if (xhr.status !== 200) throw await errorOf(xhr);
  const disposition = xhr.getResponseHeader('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  saveBlob(xhr.response as Blob, encoded ? decodeURIComponent(encoded) : '网站导入预检报告.xlsx');
}

/** The 校验码发放表 held in page memory only (the server keeps no copy). */
export function saveCheckCodeSheet(sheet: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(sheet.base64), (c) => c.charCodeAt(0));
  saveBlob(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    sheet.fileName,
  );
}

export function downloadRegister(): Promise<void> {
  return downloadFile('/api/site-import/export');
}
