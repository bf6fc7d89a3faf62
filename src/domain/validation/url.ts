// URLs and hosts: 首页网址 (SPEC §5.1 #2), 其他域名 (§5.3), 中文域名, domain-suffix warnings (§6.6), comparison form (§5.5).
import { stripControlChars, toHalfWidth } from '../text.ts';
import { hostToUnicode } from './punycode.ts';
import { type Checked, fail, ok } from './result.ts';

export interface HostNames {
  /** For display and storage, e.g. `中国政府网.政务`. */
  unicode: string;
  /** Punycode form used for comparisons, e.g. `xn--fiqs8sirgfmhq98a.xn--zfr164b`. */
  ascii: string;
}

/** ASCII (punycode) form of the `.政务` top-level domain. */
export const ZHENGWU_TLD_ASCII = 'xn--zfr164b';

const URL_EXAMPLE = '如 https://www.beijing.gov.cn/';
const HOST_EXAMPLE = '如 www.example.gov.cn';

function cleanInput(value: string): string {
  // U+3002 「。」 typed between labels by a Chinese IME is a label separator for IDNA as well.
  return toHalfWidth(stripControlChars(value))
    .trim()
    .replace(/\u3002/g, '.');
}

function isIpHost(asciiHost: string): boolean {
  return asciiHost.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(asciiHost);
}

/** Null when `asciiHost` is a usable domain name, else the problem in Chinese. */
function domainProblem(asciiHost: string): string | null {
  if (isIpHost(asciiHost)) return '不能使用IP地址，须使用域名';
  const labels = asciiHost.split('.');
  if (labels.length < 2) return '域名不完整';
  if (asciiHost.length > 253 || labels.some((l) => l.length === 0 || l.length > 63)) return '域名格式不正确';
  if (!labels.every((l) => /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/.test(l))) return '域名中含有不允许的字符';
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return '域名格式不正确';
  return null;
}

/** §6.6 — a warning (never an error) when the host is neither `*.gov.cn` nor `*.政务`. */
export function domainSuffixWarning(asciiHost: string): string | null {
  const host = asciiHost.toLowerCase().replace(/\.$/, '');
  if (host.endsWith('.gov.cn') || host.endsWith(`.${ZHENGWU_TLD_ASCII}`)) return null;
  return `政府网站应使用以 .gov.cn 结尾的英文域名或以 .政务 结尾的中文域名（国办函〔2018〕55号），“${hostToUnicode(host)}”不符合，请核对`;
}

function parseAbsoluteHttpUrl(s: string): URL | null {
  if (!/^https?:\/\/[^/]/i.test(s)) return null;
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

/** Undoes the parser's percent-encoding of non-ASCII text (「/政务公开/」 stays readable); ASCII escapes are kept. */
function decodeNonAscii(s: string): string {
  return s.replace(/(?:%[89a-f][0-9a-f])+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Display/storage form: scheme and host lower-cased, host and path in Unicode, default port dropped. */
function displayForm(u: URL): string {
  const host = hostToUnicode(u.hostname.replace(/\.$/, ''));
  const rest = decodeNonAscii(`${u.pathname}${u.search}${u.hash}`);
  return `${u.protocol}//${host}${u.port === '' ? '' : `:${u.port}`}${rest}`;
}

/** Any absolute http(s) URL with a domain host (used for 栏目地址). `label` names the field in messages. */
export function checkHttpUrl(value: string, label = '网址'): Checked<string> {
  const s = cleanInput(value);
  if (s === '') return fail(`请填写${label}，${URL_EXAMPLE}`);
  if (/\s/u.test(s)) return fail(`${label}中不能包含空格，${URL_EXAMPLE}`);
  const u = parseAbsoluteHttpUrl(s);
  if (u === null) return fail(`${label}“${s}”不是有效的网址，应以 http:// 或 https:// 开头，${URL_EXAMPLE}`);
  if (u.username !== '' || u.password !== '') return fail(`${label}中不能包含用户名或密码，${URL_EXAMPLE}`);
  const problem = domainProblem(u.hostname.replace(/\.$/, ''));
  if (problem !== null) return fail(`${label}“${s}”${problem}，${URL_EXAMPLE}`);
  return ok(displayForm(u));
}

/** 首页网址: absolute http(s) URL whose host is a domain; suffix rules are warnings (§6.6). */
export function checkHomeUrl(value: string): Checked<string> {
  const checked = checkHttpUrl(value, '首页网址');
  if (!checked.ok) return checked;
  const ascii = hostOf(checked.value);
  const warning = ascii === null ? null : domainSuffixWarning(ascii);
  return ok(checked.value, warning === null ? [] : [warning]);
}

function parseLoose(url: string): URL | null {
  const s = cleanInput(url);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

/**
 * Comparison key for duplicate checks (SPEC §5.5): scheme dropped, host lower-cased in punycode, `www.` kept, ports
 * 80/443 dropped, fragment dropped, `index.htm(l)`/`index.shtml`/`index.jsp` on the root path and trailing `/`
 * removed. Scheme-less input is accepted. Input that cannot be parsed falls back to its trimmed lower-case text.
 */
export function normalizeUrlForCompare(url: string): string {
  const u = parseLoose(url);
  if (u === null)
    return cleanInput(url)
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const host = u.hostname.replace(/\.$/, '');
  const port = u.port === '' || u.port === '80' || u.port === '443' ? '' : `:${u.port}`;
  let path = u.pathname;
  if (/^\/index\.(htm|html|shtml|jsp)$/i.test(path)) path = '/';
  path = path.replace(/\/+$/, '');
  return `${host}${port}${path}${u.search}`;
}

/** ASCII (punycode), lower-case host of a URL or bare host, without trailing dot; null if unparsable. */
export function hostOf(url: string): string | null {
  const u = parseLoose(url);
  if (u === null || u.hostname === '') return null;
  return u.hostname.replace(/\.$/, '');
}

/** True when two URLs/hosts are the same apart from a leading `www.` — worth a warning, not a refusal (§5.5). */
export function differOnlyByWww(a: string, b: string): boolean {
  const ka = normalizeUrlForCompare(a);
  const kb = normalizeUrlForCompare(b);
  return ka !== kb && ka.replace(/^www\./, '') === kb.replace(/^www\./, '');
}

function parseHost(value: string, label: string): Checked<HostNames> {
  const s = cleanInput(value).replace(/\.$/, '');
  if (s === '') return fail(`请填写${label}，${HOST_EXAMPLE}`);
  if (s.includes('://') || s.includes('/')) return fail(`${label}只填写域名，不含“http://”和路径，${HOST_EXAMPLE}`);
  if (/[\s:@?#\\]/u.test(s)) return fail(`${label}“${s}”格式不正确，只填写域名（不含端口），${HOST_EXAMPLE}`);
  let ascii: string;
  try {
    ascii = new URL(`http://${s}/`).hostname;
  } catch {
    return fail(`${label}“${s}”格式不正确，${HOST_EXAMPLE}`);
  }
  const problem = domainProblem(ascii);
  if (problem !== null) return fail(`${label}“${s}”${problem}，${HOST_EXAMPLE}`);
  return ok({ unicode: hostToUnicode(ascii), ascii });
}

/** 其他域名 (§5.3): a bare host, stored in Unicode and punycode; suffix rules are warnings. */
export function checkHost(value: string): Checked<HostNames> {
  const parsed = parseHost(value, '域名');
  if (!parsed.ok) return parsed;
  const warning = domainSuffixWarning(parsed.value.ascii);
  return ok(parsed.value, warning === null ? [] : [warning]);
}

/** 中文域名 (§5.1 #27): must end with `.政务`, e.g. `中国政府网.政务`. */
export function checkChineseDomain(value: string): Checked<HostNames> {
  const parsed = parseHost(value, '中文域名');
  if (!parsed.ok) return parsed;
  if (!parsed.value.ascii.endsWith(`.${ZHENGWU_TLD_ASCII}`)) {
    return fail('中文域名须以“.政务”结尾，如 中国政府网.政务');
  }
  return parsed;
}
