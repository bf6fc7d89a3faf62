// Downloads a file answered by a GET API (xlsx exports): errors become ApiError, the name comes from the server.
import type { DownloadPath } from '../api/types.ts';
import { t } from '../locales/zh-CN.ts';
import { ApiError, type QueryParams } from '../request.ts';

function fileNameOf(disposition: string | null): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'export.xlsx';
}

export async function downloadFile(path: DownloadPath, query: QueryParams = {}): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  let response: Response;
  try {
    response = await fetch(qs ? `${path}?${qs}` : path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', t.request.network);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? 'HTTP_ERROR', body.message ?? t.request.badResponse);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
