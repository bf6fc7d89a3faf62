// What an import will do (issue 20): each checked row compared with the register (新增 / 更新 / 不变) with the fields
// that differ, and the uniqueness rules inside the file (标识码, name, normalised URL, hosts, one portal per org). Pure.
import { diffSiteInfo } from '../site-diff.ts';
import { RUN_STATUS_LABELS, type SiteRunStatus } from '../status-labels.ts';
import { normalizeName } from '../text.ts';
import { hostOf, hostToUnicode, normalizeUrlForCompare } from '../validation/index.ts';
import type { ImportIssue } from './headers.ts';
import type { ImportRecord, RegisterRecord } from './rows.ts';

export interface ChangedField {
  label: string;
  before: string;
  after: string;
}

/** Field by field: basic information, 栏目 per category, 其他域名 and 运行状态 (empty when nothing differs). */
export function diffRecord(existing: RegisterRecord, imported: RegisterRecord): ChangedField[] {
  const out: ChangedField[] = diffSiteInfo(
    existing.info as unknown as Record<string, unknown>,
    imported.info as unknown as Record<string, unknown>,
  )
    .filter((d) => d.changed)
    .map(({ label, before, after }) => ({ label, before, after }));
  const categories = new Map<string, string>();
  for (const r of [...existing.columns, ...imported.columns]) categories.set(r.category, r.categoryName);
  for (const [code, name] of categories) {
    const b = existing.columns.find((r) => r.category === code);
    const a = imported.columns.find((r) => r.category === code);
    if ((b?.names ?? '') !== (a?.names ?? '')) {
      out.push({ label: `${name}栏目名称`, before: b?.names ?? '', after: a?.names ?? '' });
    }
    if ((b?.addresses ?? '') !== (a?.addresses ?? '')) {
      out.push({ label: `${name}栏目地址`, before: b?.addresses ?? '', after: a?.addresses ?? '' });
    }
  }
  const hosts = (l: readonly string[]) => [...l].sort().map(hostToUnicode).join('；');
  if (hosts(existing.otherDomains) !== hosts(imported.otherDomains)) {
    out.push({ label: '其他域名', before: hosts(existing.otherDomains), after: hosts(imported.otherDomains) });
  }
  if (existing.runStatus !== imported.runStatus) {
    out.push({
      label: '运行状态',
      before: RUN_STATUS_LABELS[existing.runStatus as SiteRunStatus] ?? existing.runStatus,
      after: RUN_STATUS_LABELS[imported.runStatus as SiteRunStatus] ?? imported.runStatus,
    });
  }
  return out;
}

/** Sites in these states keep their name, URL, hosts and portal slot (SPEC §5.5: closed and deleted ones free them). */
export function holdsUniqueKeys(runStatus: string): boolean {
  return runStatus !== 'PERM_OFFLINE' && runStatus !== 'DELETED' && runStatus !== 'WITHDRAWN';
}

export function uniqueKeysOf(r: Pick<RegisterRecord, 'info' | 'otherDomains'>) {
  return {
    nameKey: normalizeName(r.info.name),
    urlKey: normalizeUrlForCompare(r.info.homeUrl),
    homeHost: hostOf(r.info.homeUrl) ?? '',
    hosts: r.otherDomains,
  };
}

/** Duplicates between the rows of one file; each is reported at the later row, naming the earlier one. */
export function findDuplicatesInFile(records: readonly ImportRecord[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  const urls = new Map<string, number>();
  const hosts = new Map<string, { row: number; asHome: boolean }>();
  const portals = new Map<string, number>();
  const at = (r: ImportRecord, header: string, message: string): ImportIssue => ({
    row: r.rowNumber,
    column: null,
    header,
    message,
  });
  for (const r of records) {
    const first = codes.get(r.siteCode);
    if (first !== undefined) {
      issues.push(at(r, '网站标识码', `网站标识码 ${r.siteCode} 与第 ${first} 行重复`));
      continue;
    }
    codes.set(r.siteCode, r.rowNumber);
    if (!holdsUniqueKeys(r.runStatus)) continue;
    const k = uniqueKeysOf(r);
    const sameName = names.get(k.nameKey);
    if (sameName !== undefined) issues.push(at(r, '网站名称', `网站名称“${r.info.name}”与第 ${sameName} 行重复`));
    else names.set(k.nameKey, r.rowNumber);
    const sameUrl = urls.get(k.urlKey);
    if (sameUrl !== undefined) issues.push(at(r, '首页网址', `首页网址“${r.info.homeUrl}”与第 ${sameUrl} 行重复`));
    else urls.set(k.urlKey, r.rowNumber);
    for (const [host, asHome] of [[k.homeHost, true] as const, ...k.hosts.map((h) => [h, false] as const)]) {
      const seen = hosts.get(host);
      if (seen && seen.row !== r.rowNumber && (!asHome || !seen.asHome)) {
        issues.push(
          at(
            r,
            asHome ? '首页网址' : '其他域名',
            `域名“${hostToUnicode(host)}”已在第 ${seen.row} 行${seen.asHome ? '作为首页网址' : '登记为其他域名'}`,
          ),
        );
      } else if (!seen) hosts.set(host, { row: r.rowNumber, asHome });
    }
    if (r.info.isPortal) {
      const portal = portals.get(r.orgCode);
      if (portal !== undefined) {
        issues.push(
          at(r, '是否本级政府门户网站', `组织单位 ${r.orgCode} 只能有一个门户网站，第 ${portal} 行已是其门户网站`),
        );
      } else portals.set(r.orgCode, r.rowNumber);
    }
  }
  return issues;
}

/** Per org, the highest sequence number among the codes of a file (the counter must move past it). */
export function highestSequences(
  records: readonly Pick<RegisterRecord, 'siteCode' | 'orgCode'>[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    const seq = Number(r.siteCode.slice(6));
    if (seq > (out.get(r.orgCode) ?? 0)) out.set(r.orgCode, seq);
  }
  return out;
}
