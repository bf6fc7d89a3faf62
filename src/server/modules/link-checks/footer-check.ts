// Footer check of a fetched home page: decode it (many government sites still serve GBK) and compare the identifiers
// it shows with the register (pure comparison in src/domain/footer-check.ts).
import { TextDecoder } from 'node:util';
import { checkFooter, type FooterRegister, type FooterReport } from '../../../domain/footer-check.ts';
import type { CheckedPage } from './checker.ts';

function charsetOf(contentType: string, head: string): string {
  const fromHeader = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  return fromMeta ?? 'utf-8';
}

/** The page as text when it is HTML; null for images, PDFs and the like. */
export function decodeHtml(page: CheckedPage): string | null {
  const type = page.contentType.toLowerCase();
  const head = page.body.subarray(0, 4096).toString('latin1');
  const looksHtml = /<(!doctype html|html|head|body)\b/i.test(head);
  const htmlType = type.includes('html') || type.includes('xml');
  if (!htmlType && !(looksHtml && (type === '' || type.startsWith('text/')))) return null;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetOf(type, head));
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(page.body);
}

/** The register's values the footer must show, from a site row's columns. */
export function footerRegisterOf(site: { site_code: string | null; info: Record<string, unknown> }): FooterRegister {
  const text = (key: string) => {
    const v = site.info[key];
    return typeof v === 'string' ? v : '';
  };
  return { siteCode: site.site_code, icpNo: text('icpNo'), psbNo: text('psbNo'), conacCode: text('conacCode') };
}

export function checkHomeFooter(page: CheckedPage | null, register: FooterRegister): FooterReport | null {
  if (page === null) return null;
  const html = decodeHtml(page);
  return html === null ? null : checkFooter(html, register, { truncated: page.truncated });
}
