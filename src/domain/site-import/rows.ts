// One spreadsheet row → the fields of a registered site (issue 20): the 标识码 kept as given and checked, the basic
// information checked by validateSiteInfo, 栏目 and 其他域名 by their validators; a column missing from the file keeps
// the existing site's value on update. Every problem names its row, column and reason in Chinese. Pure.
import { parseSiteCode, sameOrgCode } from '../org-code.ts';
import type { StoredColumnRow } from '../site-diff.ts';
import { MAX_CONTACTS, type SiteInfo, type SiteInfoInput, validateSiteInfo } from '../site-info.ts';
import { RUN_STATUS_LABELS, SITE_RUN_STATUSES, type SiteRunStatus } from '../status-labels.ts';
import { normalizeName } from '../text.ts';
import { checkHost, hostOf, parseColumnPair } from '../validation/index.ts';
import {
  type ColumnCategoryRef,
  type HeaderMap,
  type ImportField,
  type ImportIssue,
  UNCATEGORISED_COLUMNS,
} from './headers.ts';

/** Run states an import may set (temporary and emergency offline need their dates and go through the workspace). */
export type ImportRunStatus = 'NORMAL' | 'EXCEPTION' | 'PERM_OFFLINE';

/** A cell as read from the file: text, or a value the reader could not turn into text safely. */
export type RawCell = string;

/** One data row: 1-based row number and its cells by field. */
export interface RawRow {
  rowNumber: number;
  cells: ReadonlyMap<ImportField, RawCell>;
}

/** What the register holds for a site, in the form the import compares. */
export interface RegisterRecord {
  siteCode: string;
  orgCode: string;
  info: SiteInfo;
  /** Only the categories that have a row, in dictionary order. */
  columns: StoredColumnRow[];
  /** ASCII, lower case, sorted. */
  otherDomains: string[];
  runStatus: string;
}

export interface ImportRecord extends RegisterRecord {
  rowNumber: number;
  warnings: ImportIssue[];
}

export type RowResult = { ok: true; record: ImportRecord } | { ok: false; errors: ImportIssue[] };

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', 'on']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', 'off']);

export function parseYesNo(raw: string): boolean | null {
  const s = normalizeName(raw).toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/** A 运行状态 as written in our export (its short labels) or as the internal name; null when unknown. */
export function parseRunStatus(raw: string): SiteRunStatus | null {
  const s = normalizeName(raw).replace(/\s/g, '');
  if (s === '') return 'NORMAL';
  if (s === '关停') return 'PERM_OFFLINE';
  for (const status of SITE_RUN_STATUSES) {
    if (s === RUN_STATUS_LABELS[status].replace(/\s/g, '') || s.toUpperCase() === status) return status;
  }
  return null;
}

/** 其他域名 as typed: separated by 「；」「;」「，」「,」、 spaces or line breaks. */
export function splitHosts(raw: string): string[] {
  return raw
    .split(/[；;，,、\s]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const TEXT_FIELDS = ['name', 'homeUrl', 'sponsorName', 'sponsorAddress', 'organizerName', 'maintainerName'] as const;
const TAIL_FIELDS = ['icpNo', 'psbNo', 'conacCode', 'chineseDomain'] as const;
const PRINCIPAL_PARTS = ['name', 'title', 'officePhone', 'mobile', 'email'] as const;
const CONTACT_PARTS = ['name', 'officePhone', 'mobile', 'email'] as const;

export interface BuildContext {
  headers: HeaderMap;
  categories: readonly ColumnCategoryRef[];
  /** The register's record with this row's 标识码, when there is one (a missing column keeps its value). */
  existing: RegisterRecord | null;
  /** Province of the site's org, for the ICP / 公网安备 consistency warnings. */
  provinceCode?: string;
}

/**
 * Checks one row and builds the record it describes. Cells of columns absent from the file come from `existing`
 * (so a file with fewer columns updates only what it has); for a new site they are empty and the required ones fail.
 */
export function buildRecord(row: RawRow, ctx: BuildContext): RowResult {
  const { headers, existing } = ctx;
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const at = (field: string): Pick<ImportIssue, 'column' | 'header'> => locate(headers, field);
  const issue = (field: string, message: string): ImportIssue => ({ row: row.rowNumber, ...at(field), message });
  const has = (f: ImportField) => headers.columnOf.has(f);
  const cell = (f: ImportField) => row.cells.get(f) ?? '';

  const code = parseSiteCode(cell('siteCode'));
  if (!code.ok) return { ok: false, errors: [issue('siteCode', code.reason)] };
  if (has('orgCode') && cell('orgCode').trim() !== '' && !sameOrgCode(cell('orgCode').trim(), code.orgCode)) {
    errors.push(
      issue(
        'orgCode',
        `网站组织单位标识码“${cell('orgCode').trim()}”与网站标识码前 6 位“${code.orgCode}”不一致；网站标识码的前 6 位即其本级组织单位`,
      ),
    );
  }

  const base = existing?.info;
  const input: SiteInfoInput = { orgCode: code.orgCode };
  for (const f of TEXT_FIELDS) input[f] = has(f) ? cell(f) : (base?.[f] ?? '');
  for (const f of TAIL_FIELDS) input[f] = has(f) ? cell(f) : (base?.[f] ?? '');
  for (const f of ['isPortal', 'isServicePlatform'] as const) {
    if (!has(f)) input[f] = base?.[f] ?? null;
    else if (cell(f).trim() === '') input[f] = null;
    else {
      const v = parseYesNo(cell(f));
      if (v === null) errors.push(issue(f, `“${cell(f)}”不是有效的取值，请填写“是”或“否”`));
      input[f] = v ?? false;
    }
  }
  const principal: Record<string, string> = {};
  for (const p of PRINCIPAL_PARTS) {
    const f = `principal.${p}` as ImportField;
    principal[p] = has(f) ? cell(f) : (base?.principal[p] ?? '');
  }
  input.principal = principal;
  const contacts: Record<string, string>[] = [];
  for (let i = 0; i < MAX_CONTACTS; i++) {
    const c: Record<string, string> = {};
    for (const p of CONTACT_PARTS) {
      const f = `contacts.${i}.${p}` as ImportField;
      c[p] = has(f) ? cell(f) : (base?.contacts[i]?.[p] ?? '');
    }
    contacts.push(c);
  }
  input.contacts = contacts;

  const checked = validateSiteInfo(input, { provinceCode: ctx.provinceCode ?? code.orgCode });
  for (const e of checked.errors) errors.push(issue(e.field, e.message));
  for (const w of checked.warnings) warnings.push(issue(w.field, w.message));

  // An import sets 正常, 例外 or 永久下线; any other state may only be written back unchanged (our own export).
  let runStatus: string = existing?.runStatus ?? 'NORMAL';
  if (has('runStatus')) {
    const s = parseRunStatus(cell('runStatus'));
    if (s === null || (!isImportRunStatus(s) && s !== existing?.runStatus)) {
      errors.push(
        issue(
          'runStatus',
          `运行状态“${cell('runStatus')}”不能导入：只能是“正常”“例外”或“永久下线”；临时下线、紧急下线请导入后在系统中办理`,
        ),
      );
    } else runStatus = s;
  }

  const columns = buildColumns(row, ctx, issue, warnings, errors);
  const otherDomains = has('otherDomains')
    ? buildHosts(cell('otherDomains'), checked.value?.homeUrl ?? '', (m) => errors.push(issue('otherDomains', m)))
    : [...(existing?.otherDomains ?? [])];

  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return {
    ok: true,
    record: {
      rowNumber: row.rowNumber,
      siteCode: code.siteCode,
      orgCode: code.orgCode,
      info: checked.value,
      columns,
      otherDomains,
      runStatus,
      warnings,
    },
  };
}

export function isImportRunStatus(s: string): s is ImportRunStatus {
  return s === 'NORMAL' || s === 'EXCEPTION' || s === 'PERM_OFFLINE';
}

/** The column of a field path (`contacts.0.email`, `principal`, `columns.ZWDT.names` …) as written in the file. */
function locate(headers: HeaderMap, field: string): Pick<ImportIssue, 'column' | 'header'> {
  const exact = headers.columnOf.get(field as ImportField);
  if (exact) return { column: exact.letter, header: exact.header };
  return { column: null, header: null };
}

function buildColumns(
  row: RawRow,
  ctx: BuildContext,
  issue: (field: string, message: string) => ImportIssue,
  warnings: ImportIssue[],
  errors: ImportIssue[],
): StoredColumnRow[] {
  const out: StoredColumnRow[] = [];
  for (const c of ctx.categories) {
    const fn = `columns.${c.code}.names` as ImportField;
    const fa = `columns.${c.code}.addresses` as ImportField;
    const hasN = ctx.headers.columnOf.has(fn);
    const hasA = ctx.headers.columnOf.has(fa);
    if (!hasN && !hasA) {
      const kept = ctx.existing?.columns.find((r) => r.category === c.code);
      if (kept) out.push(kept);
      continue;
    }
    const names = row.cells.get(fn) ?? '';
    const addresses = row.cells.get(fa) ?? '';
    if (names.trim() === '' && addresses.trim() === '') continue;
    const pair = parseColumnPair(names, addresses);
    if (!pair.ok) {
      errors.push(issue(names.trim() === '' || !hasN ? fa : fn, `${c.name}：${pair.error}`));
      continue;
    }
    if (c.code === UNCATEGORISED_COLUMNS && ctx.headers.columnOf.get(fn)?.header.match(/^\s*栏目/)) {
      warnings.push(issue(fn, `未分类的栏目已记入“${c.name}”类别，请导入后核对`));
    }
    out.push({ category: c.code, categoryName: c.name, names: pair.value.names, addresses: pair.value.addresses });
  }
  return out;
}

function buildHosts(raw: string, homeUrl: string, fail: (message: string) => void): string[] {
  const own = hostOf(homeUrl);
  const hosts: string[] = [];
  for (const part of splitHosts(raw)) {
    const r = checkHost(part);
    if (!r.ok) {
      fail(r.error);
      continue;
    }
    const ascii = r.value.ascii.toLowerCase();
    if (ascii === own) {
      fail(`“${r.value.unicode}”是本网站首页网址的域名，不需要作为其他域名登记`);
      continue;
    }
    if (!hosts.includes(ascii)) hosts.push(ascii);
  }
  return hosts.sort();
}
