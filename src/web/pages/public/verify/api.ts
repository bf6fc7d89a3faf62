// Calls of the public verification page: the registered facts of a 网站标识码 and its QR code image.
import type { z } from 'zod';
import type { verifiedSite } from '../../../../server/modules/issuance/schema.ts';
import { ApiError, api } from '../../../request.ts';

export type VerifiedSite = z.infer<typeof verifiedSite>;

/** Null for an unknown or not yet issued code: the page says so itself (no error toast). */
export async function verifySite(siteCode: string): Promise<VerifiedSite | null> {
  try {
    return await api.get<VerifiedSite>(`/api/public/verify/${encodeURIComponent(siteCode)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function qrCodeUrl(siteCode: string): string {
  return `/api/public/verify/${encodeURIComponent(siteCode)}/qr.svg`;
}
