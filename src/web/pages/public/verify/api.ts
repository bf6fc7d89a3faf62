// Calls of the public verification page: the registered facts of a 网站标识码 and its QR code image.
import type { ApiResponse } from '../../../api/types.ts';
import { ApiError, client, unwrap } from '../../../request.ts';

export type VerifiedSite = ApiResponse<'/api/public/verify/{siteCode}', 'get'>;

/** Null for an unknown or not yet issued code: the page says so itself (no error toast). */
export async function verifySite(siteCode: string): Promise<VerifiedSite | null> {
  try {
    return await unwrap(client.GET('/api/public/verify/{siteCode}', { params: { path: { siteCode } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function qrCodeUrl(siteCode: string): string {
  return `/api/public/verify/${encodeURIComponent(siteCode)}/qr.svg`;
}
