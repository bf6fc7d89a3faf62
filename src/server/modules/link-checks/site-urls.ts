// The URLs a sweep checks for one site: its 首页网址, each 其他域名 as `https://<host>/`, and every 栏目 address.
import { normalizeUrlForCompare } from '../../../domain/validation/index.ts';
import type { LinkKind } from './messages.ts';

export interface SiteTarget {
  url: string;
  kind: LinkKind;
}

/** A site with dozens of 栏目 is normal; hundreds would be a data-entry problem and must not swamp the sweep. */
export const MAX_URLS_PER_SITE = 100;

function columnAddresses(columns: unknown): string[] {
  if (!Array.isArray(columns)) return [];
  const out: string[] = [];
  for (const row of columns) {
    if (row === null || typeof row !== 'object') continue;
    const addresses = (row as { addresses?: unknown }).addresses;
    if (typeof addresses !== 'string') continue;
    for (const part of addresses.split(/[；;]/)) {
      const address = part.trim();
      if (address !== '' && address !== '无') out.push(address);
    }
  }
  return out;
}

/** Home first, then other domains, then 栏目 addresses; the same address (compared as in §5.5) only once. */
export function siteTargets(site: { homeUrl: string; columns: unknown }, domains: readonly string[]): SiteTarget[] {
  const seen = new Set<string>();
  const out: SiteTarget[] = [];
  const add = (url: string, kind: LinkKind) => {
    const key = normalizeUrlForCompare(url);
    if (seen.has(key) || out.length >= MAX_URLS_PER_SITE) return;
    seen.add(key);
    out.push({ url, kind });
  };
  add(site.homeUrl, 'HOME');
  for (const host of domains) add(`https://${host}/`, 'DOMAIN');
  for (const address of columnAddresses(site.columns)) add(address, 'COLUMN');
  return out;
}
