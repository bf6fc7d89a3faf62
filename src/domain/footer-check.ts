// Footer check (SPEC §4.1, §6.4, §6.5, §6.7, §14.3): does a home page show the site's own 网站标识码, ICP备案号,
// 公安机关备案号 and 党政机关网站标识, as registered? Pure: takes decoded HTML, returns findings in Chinese.
import { toHalfWidth } from './text.ts';
import { provincesForIcpAbbr } from './validation/provinces.ts';

export const FOOTER_ITEMS = ['SITE_CODE', 'ICP', 'PSB', 'CONAC'] as const;
export type FooterItem = (typeof FOOTER_ITEMS)[number];

/**
 * OK: shown as registered. MISSING: registered but not on the page. MISMATCH: the page shows another value.
 * UNREGISTERED: on the page but not in the register (the register needs updating). SKIPPED: in neither.
 */
export const FOOTER_STATUSES = ['OK', 'MISSING', 'MISMATCH', 'UNREGISTERED', 'SKIPPED'] as const;
export type FooterStatus = (typeof FOOTER_STATUSES)[number];

export interface FooterRegister {
  siteCode: string | null;
  icpNo: string;
  psbNo: string;
  conacCode: string;
}

export interface FooterFinding {
  item: FooterItem;
  status: FooterStatus;
  /** The registered value (null when none). */
  expected: string | null;
  /** What the page shows for this item, distinct values in page order. */
  found: string[];
  message: string;
}

export interface FooterReport {
  findings: FooterFinding[];
  /** Findings that need attention: MISSING, MISMATCH, UNREGISTERED. */
  problems: number;
  /** Only the first part of a very large page was read. */
  truncated: boolean;
}

export interface FooterIdentifiers {
  /** Values labelled 网站标识码 / 政府网站标识码 and the 「我为政府网站找错」 widget's `sitecode`. */
  siteCodes: string[];
  /** Canonical `京ICP备05070218号[-n]`. */
  icpNos: string[];
  /** The 14 digits of each 公网安备 number or beian.gov.cn `recordcode`. */
  psbDigits: string[];
  conac: { present: boolean; codes: string[] };
}

const ICP_ABBR =
  '京|津|冀|晋|蒙|辽|吉|黑|沪|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|桂|琼|渝|蜀|川|黔|贵|滇|云|藏|陕|陇|甘|青|宁|新';
const ICP_TEXT_RE = new RegExp(`(${ICP_ABBR})\\s*ICP\\s*备\\s*(\\d{6,8})\\s*号?(?:\\s*-\\s*(\\d{1,3}))?`, 'gi');
const SITE_CODE_TEXT_RE = /标识码\s*[:：]?\s*([0-9A-Za-z]{10,12})(?![0-9A-Za-z])/g;
const SITE_CODE_WIDGET_RE = /sitecode\s*=\s*["']?([0-9A-Za-z]{10,12})(?![0-9A-Za-z])/gi;
const PSB_TEXT_RE = /公网安备\s*(\d{14})(?!\d)/g;
const PSB_LINK_RE = /recordcode=(\d{14})(?!\d)/gi;
const CONAC_PRESENT_RE = /dcs\.conac\.cn|_ideConac|bszs\.conac\.cn/i;
const CONAC_CODE_RE = /(CA\d{21})\.js/gi;
const CONAC_ID_RE = /bszs\.conac\.cn\/sitename\?[^"'\s>]*?\bid=([0-9a-f]{32})/gi;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The page's visible text: comments, scripts and styles removed, tags turned into spaces, half-width. */
export function visibleText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return toHalfWidth(decodeEntities(text)).replace(/\s+/g, ' ');
}

function allMatches(re: RegExp, s: string, map: (m: RegExpExecArray) => string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(re)) {
    const v = map(m);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

export function extractFooterIdentifiers(html: string): FooterIdentifiers {
  const markup = html.replace(/<!--[\s\S]*?-->/g, ' ');
  const text = visibleText(markup);
  const siteCodes = [
    ...allMatches(SITE_CODE_TEXT_RE, text, (m) => m[1] ?? ''),
    ...allMatches(SITE_CODE_WIDGET_RE, markup, (m) => m[1] ?? ''),
  ].filter((v, i, all) => all.indexOf(v) === i);
  const icpNos = allMatches(ICP_TEXT_RE, text, (m) => `${m[1]}ICP备${m[2]}号${m[3] ? `-${m[3]}` : ''}`);
  const psbDigits = [
    ...allMatches(PSB_TEXT_RE, text, (m) => m[1] ?? ''),
    ...allMatches(PSB_LINK_RE, markup, (m) => m[1] ?? ''),
  ].filter((v, i, all) => all.indexOf(v) === i);
  const codes = [
    ...allMatches(CONAC_CODE_RE, markup, (m) => (m[1] ?? '').toUpperCase()),
    ...allMatches(CONAC_ID_RE, markup, (m) => (m[1] ?? '').toLowerCase()),
  ];
  return { siteCodes, icpNos, psbDigits, conac: { present: CONAC_PRESENT_RE.test(markup), codes } };
}

const LABELS: Record<FooterItem, string> = {
  SITE_CODE: '网站标识码',
  ICP: 'ICP备案号',
  PSB: '公安机关备案号',
  CONAC: '党政机关网站标识',
};

function finding(
  item: FooterItem,
  status: FooterStatus,
  expected: string | null,
  found: string[],
  truncated: boolean,
): FooterFinding {
  const label = LABELS[item];
  const shown = found.join('、');
  const partial = truncated ? '（首页内容过大，只检查了前 1 MB）' : '';
  const messages: Record<FooterStatus, string> = {
    OK: `${label}与登记一致`,
    MISSING:
      item === 'CONAC'
        ? `首页未找到党政机关网站标识（dcs.conac.cn 标识脚本）${partial}`
        : `首页未找到${label}（登记为 ${expected}）${partial}`,
    MISMATCH: `${label}与登记不一致：首页为 ${shown}，登记为 ${expected}`,
    UNREGISTERED:
      item === 'CONAC'
        ? '首页有党政机关网站标识，但登记信息中未填写标识代码，请补充'
        : `首页显示${label} ${shown}，但登记信息中未填写，请补充`,
    SKIPPED: `登记信息中未填写${label}，首页也未显示，未检查`,
  };
  return { item, status, expected, found, message: messages[status] };
}

function icpKey(icp: string): string | null {
  const m = new RegExp(`^(${ICP_ABBR})ICP备(\\d{6,8})号`, 'i').exec(toHalfWidth(icp).replace(/\s+/g, ''));
  if (m === null) return null;
  const abbr = m[1] ?? '';
  // 蜀/川, 黔/贵, 滇/云, 陇/甘 name the same province; the ordinal suffix (-n) may be left off a footer.
  return `${provincesForIcpAbbr(abbr)[0]?.pair ?? abbr}:${m[2]}`;
}

function compare(
  item: FooterItem,
  expected: string | null,
  found: string[],
  key: (v: string) => string | null,
  truncated: boolean,
): FooterFinding {
  if (expected === null) return finding(item, found.length > 0 ? 'UNREGISTERED' : 'SKIPPED', null, found, truncated);
  if (found.length === 0) return finding(item, 'MISSING', expected, found, truncated);
  const want = key(expected);
  const same = found.some((f) => want !== null && key(f) === want);
  return finding(item, same ? 'OK' : 'MISMATCH', expected, found, truncated);
}

function registered(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' || v === '办理中' ? null : v;
}

/** Compares what the home page shows with the register. */
export function checkFooter(
  html: string,
  register: FooterRegister,
  options: { truncated?: boolean } = {},
): FooterReport {
  const truncated = options.truncated === true;
  const ids = extractFooterIdentifiers(html);
  const siteCode = registered(register.siteCode);
  const conac = registered(register.conacCode);

  const codeToken = siteCode === null ? null : new RegExp(`(?<![0-9A-Za-z])${siteCode}(?![0-9A-Za-z])`, 'i');
  const siteCodeFinding = codeToken?.test(html.replace(/<!--[\s\S]*?-->/g, ' '))
    ? finding('SITE_CODE', 'OK', siteCode, [siteCode ?? ''], truncated)
    : compare('SITE_CODE', siteCode, ids.siteCodes, (v) => v.toLowerCase(), truncated);

  let conacFinding: FooterFinding;
  if (!ids.conac.present) {
    conacFinding = finding('CONAC', conac === null ? 'SKIPPED' : 'MISSING', conac, [], truncated);
  } else if (conac === null) {
    conacFinding = finding('CONAC', 'UNREGISTERED', null, ids.conac.codes, truncated);
  } else {
    // Compare like with like: a `CA…` code with the script names, a 32-hex id with the bszs.conac.cn links.
    const want = conac.toLowerCase();
    const sameShape = ids.conac.codes.filter((c) => /^ca/i.test(c) === /^ca/i.test(want));
    const differs = sameShape.length > 0 && !sameShape.some((c) => c.toLowerCase() === want);
    conacFinding = finding('CONAC', differs ? 'MISMATCH' : 'OK', conac, ids.conac.codes, truncated);
  }

  const findings = [
    siteCodeFinding,
    compare('ICP', registered(register.icpNo), ids.icpNos, icpKey, truncated),
    compare('PSB', registered(register.psbNo), ids.psbDigits, (v) => /\d{14}/.exec(v)?.[0] ?? v, truncated),
    conacFinding,
  ];
  const problems = findings.filter(
    (f) => f.status === 'MISSING' || f.status === 'MISMATCH' || f.status === 'UNREGISTERED',
  );
  return { findings, problems: problems.length, truncated };
}
