// Live record vs proposed change set (SPEC §7.2 "show a diff against the approved version"): which basic-information
// fields, which 栏目 entries and which 其他域名 a request changes. Pure; shared by the server and the review page.

import { MAX_CONTACTS, PERSON_LABELS, SITE_INFO_LABELS } from './site-info.ts';
import { type ColumnEntry, NO_COLUMN } from './validation/columns.ts';

/** One 栏目 row as stored in `sites.columns` and in a MODIFY payload. */
export interface StoredColumnRow {
  /** Dictionary code, e.g. 'ZWDT'. */
  category: string;
  /** Dictionary label at the time of writing, e.g. '政务动态'. */
  categoryName: string;
  /** Names joined with 「；」, or 「无」. */
  names: string;
  /** Addresses joined with 「；」, or 「无」. */
  addresses: string;
}

export interface FieldDiff {
  /** Dotted path: `name`, `principal.mobile`, `contacts.1.email`. */
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

export type EntryChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface EntryDiff {
  kind: EntryChangeKind;
  before: ColumnEntry | null;
  after: ColumnEntry | null;
}

export interface ColumnDiff {
  category: string;
  categoryName: string;
  before: { names: string; addresses: string };
  after: { names: string; addresses: string };
  entries: EntryDiff[];
  changed: boolean;
}

export interface DomainDiff {
  host: string;
  kind: 'added' | 'removed' | 'unchanged';
}

type Loose = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored value as the diff shows it: booleans as 是/否, missing as ''. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const TOP_FIELDS = [
  'name',
  'homeUrl',
  'orgCode',
  'isPortal',
  'isServicePlatform',
  'sponsorName',
  'sponsorAddress',
  'organizerName',
  'maintainerName',
] as const;
const TAIL_FIELDS = ['icpNo', 'psbNo', 'conacCode', 'chineseDomain'] as const;
const PRINCIPAL_FIELDS = ['name', 'title', 'officePhone', 'mobile', 'email'] as const;
const CONTACT_FIELDS = ['name', 'officePhone', 'mobile', 'email'] as const;

function contactCount(info: Loose): number {
  return Array.isArray(info.contacts) ? info.contacts.length : 0;
}

/** Every field of the basic information in form order, flattened: [path, label, value]. */
function flatten(info: Loose, contacts: number): [string, string, unknown][] {
  const out: [string, string, unknown][] = [];
  for (const key of TOP_FIELDS) out.push([key, SITE_INFO_LABELS[key], info[key]]);
  const principal = isRecord(info.principal) ? info.principal : {};
  for (const key of PRINCIPAL_FIELDS) {
    out.push([`principal.${key}`, `${SITE_INFO_LABELS.principal}${PERSON_LABELS[key]}`, principal[key]]);
  }
  const list = Array.isArray(info.contacts) ? info.contacts : [];
  for (let i = 0; i < Math.min(contacts, MAX_CONTACTS); i++) {
    const contact = isRecord(list[i]) ? list[i] : {};
    for (const key of CONTACT_FIELDS) {
      out.push([`contacts.${i}.${key}`, `${SITE_INFO_LABELS.contacts}${i + 1}${PERSON_LABELS[key]}`, contact[key]]);
    }
  }
  for (const key of TAIL_FIELDS) out.push([key, SITE_INFO_LABELS[key], info[key]]);
  return out;
}

/** Field by field, in form order; a 联系人 present on one side only shows as emptied or filled. */
export function diffSiteInfo(live: Loose, proposed: Loose): FieldDiff[] {
  const contacts = Math.max(1, contactCount(live), contactCount(proposed));
  const after = new Map(flatten(proposed, contacts).map(([field, , value]) => [field, displayValue(value)]));
  return flatten(live, contacts).map(([field, label, value]) => {
    const b = displayValue(value);
    const a = after.get(field) ?? '';
    return { field, label, before: b, after: a, changed: a !== b };
  });
}

/** The entries of a stored row: 「无」 (or nothing) is none; otherwise names and addresses paired in order. */
export function columnEntries(row: { names: string; addresses: string }): ColumnEntry[] {
  const names = row.names.trim();
  if (names === '' || names === NO_COLUMN) return [];
  const nameParts = names.split(/[；;]/).map((s) => s.trim());
  const addressParts = row.addresses.split(/[；;]/).map((s) => s.trim());
  return nameParts.map((name, i) => ({ name, address: addressParts[i] ?? '' }));
}

/** Takes the first entry of `pool` that `match` accepts out of the pool. */
function take(pool: ColumnEntry[], match: (e: ColumnEntry) => boolean): ColumnEntry | null {
  const i = pool.findIndex(match);
  if (i < 0) return null;
  const [found] = pool.splice(i, 1);
  return found ?? null;
}

/**
 * Pairs the entries of one category: identical entries are unchanged; then an entry keeping its name (new address)
 * or its address (new name) is changed; the rest are added or removed. Proposed order first, removed ones last.
 */
export function diffEntries(before: readonly ColumnEntry[], after: readonly ColumnEntry[]): EntryDiff[] {
  const pool = [...before];
  const matched: (EntryDiff | null)[] = after.map((a) => {
    const same = take(pool, (b) => b.name === a.name && b.address === a.address);
    return same ? { kind: 'unchanged', before: same, after: a } : null;
  });
  for (const rule of [
    (a: ColumnEntry) => (b: ColumnEntry) => b.name === a.name,
    (a: ColumnEntry) => (b: ColumnEntry) => b.address === a.address,
  ]) {
    after.forEach((a, i) => {
      if (matched[i]) return;
      const old = take(pool, rule(a));
      if (old) matched[i] = { kind: 'changed', before: old, after: a };
    });
  }
  const result: EntryDiff[] = after.map((a, i) => matched[i] ?? { kind: 'added', before: null, after: a });
  for (const b of pool) result.push({ kind: 'removed', before: b, after: null });
  return result;
}

const rowText = (row: StoredColumnRow | undefined) => ({ names: row?.names ?? '', addresses: row?.addresses ?? '' });

/**
 * One diff per category: the dictionary's categories in its order first, then any other category found in either
 * version (e.g. one deactivated since). A row missing on one side counts as empty.
 */
export function diffColumns(
  live: readonly StoredColumnRow[],
  proposed: readonly StoredColumnRow[],
  dictionary: readonly { code: string; name: string }[] = [],
): ColumnDiff[] {
  const byLive = new Map(live.map((r) => [r.category, r]));
  const byProposed = new Map(proposed.map((r) => [r.category, r]));
  const names = new Map<string, string>();
  for (const r of [...live, ...proposed]) names.set(r.category, r.categoryName);
  for (const c of dictionary) names.set(c.code, c.name);
  const order = [...new Set([...dictionary.map((c) => c.code), ...live.map((r) => r.category), ...byProposed.keys()])];
  return order
    .filter((code) => byLive.has(code) || byProposed.has(code))
    .map((code) => {
      const before = rowText(byLive.get(code));
      const after = rowText(byProposed.get(code));
      const entries = diffEntries(columnEntries(before), columnEntries(after));
      const changed =
        before.names !== after.names ||
        before.addresses !== after.addresses ||
        entries.some((e) => e.kind !== 'unchanged');
      return { category: code, categoryName: names.get(code) ?? code, before, after, entries, changed };
    });
}

/** Hosts in proposed order (added or unchanged), then the removed ones. */
export function diffDomains(live: readonly string[], proposed: readonly string[]): DomainDiff[] {
  const before = new Set(live);
  const after = new Set(proposed);
  return [
    ...[...after].map((host) => ({ host, kind: before.has(host) ? ('unchanged' as const) : ('added' as const) })),
    ...[...before].filter((h) => !after.has(h)).map((host) => ({ host, kind: 'removed' as const })),
  ];
}

export interface ChangeSetDiff {
  fields: FieldDiff[];
  columns: ColumnDiff[];
  domains: DomainDiff[];
}

/** How many things a change set changes: fields, 栏目 categories and hosts. */
export function changeCount(diff: ChangeSetDiff): number {
  return (
    diff.fields.filter((f) => f.changed).length +
    diff.columns.filter((c) => c.changed).length +
    diff.domains.filter((d) => d.kind !== 'unchanged').length
  );
}
