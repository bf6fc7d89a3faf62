// Public verification of a 网站标识码 (anyone, e.g. from a footer or its QR code): registered facts, nothing secret.
import { MESSAGES } from '../../../domain/messages/index.ts';
import { parseSiteCode } from '../../../domain/org-code.ts';
import { RUN_STATUS_LABELS } from '../../../domain/status-labels.ts';
import type { Db } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { findPublicSite } from './sites-repository.ts';

export interface VerifiedSite {
  siteCode: string;
  name: string;
  homeUrl: string;
  /** 主办单位. */
  sponsorName: string;
  /** The 本级组织单位 the site is registered under. */
  orgName: string;
  runStatusLabel: string;
}

/** Unknown, not yet issued and deleted codes all answer 404 alike. */
export async function verifySite(db: Db, rawCode: string): Promise<VerifiedSite> {
  const parsed = parseSiteCode(rawCode);
  const site = parsed.ok ? await findPublicSite(db, parsed.siteCode) : undefined;
  if (!site?.site_code || site.run_status === 'APPLYING' || site.run_status === 'WITHDRAWN') {
    throw notFound(MESSAGES.siteCodeNotFound);
  }
  return {
    siteCode: site.site_code,
    name: site.name,
    homeUrl: site.home_url,
    sponsorName: site.sponsor_name,
    orgName: site.org_name,
    runStatusLabel: RUN_STATUS_LABELS[site.run_status],
  };
}

/** The address the QR code points at: the public verification page of this origin. */
export function verifyPageUrl(origin: string, siteCode: string): string {
  return `${origin}/verify/${encodeURIComponent(siteCode)}`;
}

/** qrcode is imported by the first QR code drawn, not at the server's start-up. */
export async function qrSvg(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 200 });
}
