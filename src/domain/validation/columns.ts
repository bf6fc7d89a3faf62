// 栏目（系统）信息 lists (SPEC §5.2): paired 「；」-separated names and addresses, or 「无」 in both.
import {
  CHINESE_PUNCTUATION_FULLWIDTH,
  COLUMN_SEPARATOR,
  normalizeName,
  stripControlChars,
  toHalfWidth,
} from '../text.ts';
import { type Checked, fail, ok } from './result.ts';
import { checkHttpUrl } from './url.ts';

/** Written in both name and address when a site has no column of a category. */
export const NO_COLUMN = '无';

export interface ColumnEntry {
  name: string;
  address: string;
}

export interface ColumnPair {
  /** Names joined with 「；」, or 「无」. */
  names: string;
  /** Addresses joined with 「；」, or 「无」. */
  addresses: string;
  /** Empty when the category is 「无」. */
  entries: ColumnEntry[];
}

const HINT = '多个栏目用“；”分隔，名称与地址按顺序一一对应；确无此类栏目时名称和地址均填写“无”';

function split(s: string): string[] {
  return s.split(/[；;]/).map((part) => part.trim());
}

function clean(s: string): string {
  // Keep 「；」 (the separator) and the other Chinese punctuation; names get the full §6.8 treatment after splitting.
  return toHalfWidth(stripControlChars(s), { keep: CHINESE_PUNCTUATION_FULLWIDTH }).trim();
}

export function parseColumnPair(names: string, addresses: string): Checked<ColumnPair> {
  const n = clean(names);
  const a = clean(addresses);
  if (n === '' && a === '') return fail(`请填写栏目名称和栏目地址；${HINT}`);
  if (n === '') return fail(`请填写栏目名称；${HINT}`);
  if (a === '') return fail(`请填写栏目地址；${HINT}`);

  const noneN = n === NO_COLUMN;
  const noneA = a === NO_COLUMN;
  if (noneN && noneA) return ok({ names: NO_COLUMN, addresses: NO_COLUMN, entries: [] });
  if (noneN !== noneA) return fail('如确无此类栏目，栏目名称和栏目地址须同时填写“无”');

  const nameParts = split(n);
  const addressParts = split(a);
  const emptyName = nameParts.indexOf('');
  if (emptyName >= 0) return fail(`栏目名称第 ${emptyName + 1} 项为空，请检查是否有多余的分号；${HINT}`);
  const emptyAddress = addressParts.indexOf('');
  if (emptyAddress >= 0) return fail(`栏目地址第 ${emptyAddress + 1} 项为空，请检查是否有多余的分号；${HINT}`);
  if (nameParts.includes(NO_COLUMN) || addressParts.includes(NO_COLUMN)) {
    return fail('“无”只能单独填写，不能与其他栏目并列');
  }
  if (nameParts.length !== addressParts.length) {
    return fail(`栏目名称 ${nameParts.length} 个，栏目地址 ${addressParts.length} 个，数量必须一致`);
  }

  const entries: ColumnEntry[] = [];
  for (const [i, rawName] of nameParts.entries()) {
    const address = checkHttpUrl(addressParts[i] ?? '', `栏目地址第 ${i + 1} 项`);
    if (!address.ok) return fail(address.error);
    entries.push({ name: normalizeName(rawName), address: address.value });
  }
  return ok({
    names: entries.map((e) => e.name).join(COLUMN_SEPARATOR),
    addresses: entries.map((e) => e.address).join(COLUMN_SEPARATOR),
    entries,
  });
}

export interface ColumnRowInput {
  /** Dictionary code, e.g. 'ZWDT'. */
  category: string;
  /** Dictionary label shown to users, e.g. '政务动态'. */
  categoryName: string;
  names: string;
  addresses: string;
}

export interface ColumnRow extends ColumnPair {
  category: string;
}

export interface ColumnRowError {
  category: string;
  /** Starts with the category name, e.g. 「政务动态：栏目名称 3 个，栏目地址 2 个，数量必须一致」. */
  message: string;
}

export type ColumnsCheck = { ok: true; rows: ColumnRow[] } | { ok: false; errors: ColumnRowError[] };

/** Checks every row of the 栏目 page; reports all failing rows at once so the form can mark each of them. */
export function checkColumns(rows: readonly ColumnRowInput[]): ColumnsCheck {
  const errors: ColumnRowError[] = [];
  const out: ColumnRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.category)) {
      errors.push({ category: row.category, message: `${row.categoryName}：栏目类别重复填写` });
      continue;
    }
    seen.add(row.category);
    const pair = parseColumnPair(row.names, row.addresses);
    if (pair.ok) out.push({ category: row.category, ...pair.value });
    else errors.push({ category: row.category, message: `${row.categoryName}：${pair.error}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: out };
}
