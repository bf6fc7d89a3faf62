// 网站组织单位标识码 (6 chars) and 网站标识码 (10 chars): parsing, canonical case and GB/T 2260 derivation (SPEC §3.2, §3.4, §4.1).
import { removeWhitespace, toHalfWidth } from './text.ts';

/** Canonical (stored) form of an org code. Use `parseOrgCode` on user input: it also accepts other letter cases. */
export const ORG_CODE_RE = /^(\d{6}|bm\d{4}|\d{2}BM\d{2})$/;
/** Canonical (stored) form of a 网站标识码: org code + 4-digit sequence. */
export const SITE_CODE_RE = /^(\d{6}|bm\d{4}|\d{2}BM\d{2})\d{4}$/;
/** Case-insensitive variant for matching raw input (the families cannot collide, SPEC §3.2). */
export const SITE_CODE_INPUT_RE = /^(\d{6}|bm\d{4}|\d{2}BM\d{2})\d{4}$/i;

/** LOCAL = GB/T 2260 government; BM = State Council department or its vertical sub-unit; PROVINCIAL_BM = `11BM01`. */
export type OrgCodeFamily = 'LOCAL' | 'BM' | 'PROVINCIAL_BM';

export type OrgCodeParse = { ok: true; code: string; family: OrgCodeFamily } | { ok: false; reason: string };

/**
 * Province-level pairs accepted for local codes: the 31 provinces of GB/T 2260 plus 66 (新疆生产建设兵团, which has
 * no GB/T 2260 code and gets an admin-assigned one of the same shape, SPEC §3.2).
 */
export const PROVINCE_PAIRS: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
]);

/** 直辖市: every non-0000 code below them is a level-2 unit (SPEC §3.4). */
export const MUNICIPALITY_CODES: ReadonlySet<string> = new Set(['110000', '120000', '310000', '500000']);

const EXAMPLES = '如 110000（地方人民政府）、bm0100（国务院部门）或 11BM01';

/** Upper-cases nothing but the family markers: `BM0100` → `bm0100`, `11bm01` → `11BM01`. Returns input unchanged if no family matches. */
export function canonicalOrgCode(code: string): string {
  if (/^bm\d{4}$/i.test(code)) return `bm${code.slice(2)}`;
  if (/^\d{2}bm\d{2}$/i.test(code)) return `${code.slice(0, 2)}BM${code.slice(4)}`;
  return code;
}

/** Case-insensitive equality of two org codes (or two site codes). */
export function sameOrgCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function cleanCodeInput(input: string): string {
  return removeWhitespace(toHalfWidth(input));
}

/** Validates and canonicalises a 网站组织单位标识码 typed by a user or imported from a file. */
export function parseOrgCode(input: string): OrgCodeParse {
  const s = cleanCodeInput(input);
  if (s === '') return { ok: false, reason: `请填写网站组织单位标识码（6位），${EXAMPLES}` };

  if (/^\d{6}$/.test(s)) {
    const reason = localCodeProblem(s);
    return reason === null ? { ok: true, code: s, family: 'LOCAL' } : { ok: false, reason };
  }
  if (/^bm\d{4}$/i.test(s)) {
    const code = canonicalOrgCode(s);
    if (code.slice(2, 4) === '00') {
      return { ok: false, reason: `${code} 的部门编号不能为 00，国务院部门代码形如 bm0100、bm2900` };
    }
    return { ok: true, code, family: 'BM' };
  }
  if (/^\d{2}bm\d{2}$/i.test(s)) {
    const code = canonicalOrgCode(s);
    if (!PROVINCE_PAIRS.has(code.slice(0, 2))) {
      return { ok: false, reason: `${code} 的前两位“${code.slice(0, 2)}”不是有效的省级行政区划代码` };
    }
    return { ok: true, code, family: 'PROVINCIAL_BM' };
  }
  if (SITE_CODE_INPUT_RE.test(s)) {
    const org = canonicalOrgCode(s.slice(0, s.length - 4));
    return { ok: false, reason: `“${s}”是10位的网站标识码，网站组织单位标识码为6位（即其前6位 ${org}）` };
  }
  return { ok: false, reason: `网站组织单位标识码“${s}”格式不正确，应为6位，${EXAMPLES}` };
}

/** Null when a 6-digit code may denote a local government, else the Chinese reason why not. */
function localCodeProblem(code: string): string | null {
  const pp = code.slice(0, 2);
  const cc = code.slice(2, 4);
  const xx = code.slice(4, 6);
  if (!PROVINCE_PAIRS.has(pp)) {
    return `${code} 的前两位“${pp}”不是有效的省级行政区划代码（如 11 北京市、13 河北省、51 四川省）`;
  }
  if (cc === '00' && xx !== '00') {
    return `${code} 不是有效的行政区划代码：第3–4位为 00 时第5–6位也必须为 00`;
  }
  if (cc === '90' && xx === '00') {
    return `${code} 是“省直辖县级行政区划”汇总代码，不是组织单位，请填写具体县级单位的代码（如 429004）`;
  }
  if (MUNICIPALITY_CODES.has(`${pp}0000`) && cc !== '00' && xx === '00') {
    const kind = cc === '01' ? '市辖区' : cc === '02' ? '县' : '直辖市下属区县';
    return `${code} 是“${kind}”汇总代码，不是组织单位，请填写具体区县的代码（如 ${pp}0102）`;
  }
  return null;
}

export function orgCodeFamily(code: string): OrgCodeFamily | null {
  if (/^\d{6}$/.test(code)) return 'LOCAL';
  if (/^bm\d{4}$/i.test(code)) return 'BM';
  if (/^\d{2}bm\d{2}$/i.test(code)) return 'PROVINCIAL_BM';
  return null;
}

export interface LocalHierarchy {
  level: 1 | 2 | 3;
  provinceCode: string;
  cityCode: string | null;
  countyCode: string | null;
}

/** Thrown when a function that needs a particular code family receives something else (a programming error). */
export class InvalidOrgCodeError extends Error {
  readonly code = 'INVALID_ORG_CODE';
  constructor(
    readonly orgCode: string,
    expected: string,
  ) {
    super(`Invalid org code ${JSON.stringify(orgCode)}: expected ${expected}`);
    this.name = 'InvalidOrgCodeError';
  }
}

/**
 * GB/T 2260 reading of a 6-digit local code (SPEC §3.4). Only for display pre-fill and placement checks: the stored
 * tree wins. Does not reject aggregate codes — run `parseOrgCode` first.
 */
export function deriveLocalHierarchy(code: string): LocalHierarchy {
  if (!/^\d{6}$/.test(code)) throw new InvalidOrgCodeError(code, 'a 6-digit local code');
  const provinceCode = `${code.slice(0, 2)}0000`;
  if (code.slice(2) === '0000') return { level: 1, provinceCode, cityCode: null, countyCode: null };
  if (MUNICIPALITY_CODES.has(provinceCode) || code.slice(4) === '00' || code.slice(2, 4) === '90') {
    // 直辖市 districts, prefecture-level units and 省直辖县级行政区划 (e.g. 429004 仙桃市) all sit directly under the province.
    return { level: 2, provinceCode, cityCode: code, countyCode: null };
  }
  return { level: 3, provinceCode, cityCode: `${code.slice(0, 4)}00`, countyCode: code };
}

/** The GB/T 2260 parent a new local org is expected to hang under: province for level 2, prefecture for level 3. */
export function expectedLocalParent(code: string): string | null {
  const h = deriveLocalHierarchy(code);
  if (h.level === 1) return null;
  if (h.level === 2) return h.provinceCode;
  return h.cityCode;
}

/**
 * The State Council department a `bm` code belongs to: `bm2901` → `bm2900`, `bm2900` → `bm2900`.
 * This is NOT necessarily the parent: bm1941 hangs under bm1940, which hangs under bm1900 — the stored parent wins
 * (SPEC §3.2). Use it only to check that a sub-unit is placed inside its own department's subtree.
 */
export function bmDepartmentOf(code: string): string {
  if (!/^bm\d{4}$/i.test(code)) throw new InvalidOrgCodeError(code, 'a bm code such as bm2901');
  return `bm${code.slice(2, 4)}00`;
}

/** Raised when an org has used all 9999 sequence numbers; a hard error reported to root (SPEC §4.1). */
export class SiteSequenceOverflowError extends Error {
  readonly code = 'SITE_SEQUENCE_OVERFLOW';
  constructor(
    readonly orgCode: string,
    readonly seq: number,
  ) {
    super(`组织单位 ${orgCode} 的网站标识码序号已用尽（最大 9999），无法分配第 ${seq} 号`);
    this.name = 'SiteSequenceOverflowError';
  }
}

export const MAX_SITE_SEQUENCE = 9999;

/** Builds a 网站标识码 from the (canonicalised) org code and a sequence number 1..9999. */
export function formatSiteCode(orgCode: string, seq: number): string {
  const org = canonicalOrgCode(orgCode);
  if (!ORG_CODE_RE.test(org)) throw new InvalidOrgCodeError(orgCode, 'a 6-character org code');
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Site sequence must be an integer ≥ 1, got ${seq}`);
  if (seq > MAX_SITE_SEQUENCE) throw new SiteSequenceOverflowError(org, seq);
  return `${org}${String(seq).padStart(4, '0')}`;
}

export type SiteCodeParse =
  | { ok: true; siteCode: string; orgCode: string; seq: number }
  | { ok: false; reason: string };

/**
 * Parses a 网站标识码 (e.g. typed at login). Checks the shape only: issued codes are authoritative, so the org part
 * is not re-validated against GB/T 2260.
 */
export function parseSiteCode(input: string): SiteCodeParse {
  const s = cleanCodeInput(input);
  const example = '如 1101020002 或 bm01000001';
  if (s === '') return { ok: false, reason: `请填写网站标识码（10位），${example}` };
  if (!SITE_CODE_INPUT_RE.test(s)) {
    if (/^\d{12}$/.test(s)) {
      return { ok: false, reason: `网站标识码应为10位，“${s}”为12位，请核对（${example}）` };
    }
    return { ok: false, reason: `网站标识码“${s}”格式不正确，应为10位，${example}` };
  }
  const orgCode = canonicalOrgCode(s.slice(0, 6));
  const seq = Number(s.slice(6));
  if (seq === 0) return { ok: false, reason: `网站标识码“${s}”的序号不能为 0000` };
  return { ok: true, siteCode: `${orgCode}${s.slice(6)}`, orgCode, seq };
}
