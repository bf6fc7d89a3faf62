// The basic information of a website (SPEC §5.1 fields #1–#27) and its validation; pure, shared by server and browser.
import { parseOrgCode } from './org-code.ts';
import { normalizeName } from './text.ts';
import {
  type Checked,
  checkChineseDomain,
  checkConacCode,
  checkEmail,
  checkHomeUrl,
  checkIcpNo,
  checkMobile,
  checkOfficePhone,
  checkPsbNo,
} from './validation/index.ts';

export interface SitePrincipal {
  name: string;
  title: string;
  officePhone: string;
  mobile: string;
  email: string;
}

export interface SiteContact {
  name: string;
  officePhone: string;
  mobile: string;
  email: string;
}

/** The stored, normalised basic information (`sites.info`). Optional fields are '' when not filled. */
export interface SiteInfo {
  name: string;
  homeUrl: string;
  orgCode: string;
  isPortal: boolean;
  isServicePlatform: boolean;
  sponsorName: string;
  sponsorAddress: string;
  organizerName: string;
  maintainerName: string;
  principal: SitePrincipal;
  /** 1–3 联系人; the first is required. */
  contacts: SiteContact[];
  icpNo: string;
  psbNo: string;
  conacCode: string;
  chineseDomain: string;
}

type Loose<T> = { [K in keyof T]?: T[K] | null };

/** What a form or an API caller sends: anything may be missing; `validateSiteInfo` says what is wrong. */
export interface SiteInfoInput extends Loose<Omit<SiteInfo, 'principal' | 'contacts'>> {
  principal?: Loose<SitePrincipal> | null;
  contacts?: (Loose<SiteContact> | null | undefined)[] | null;
}

/** A message at one field; `field` is a dotted path: `name`, `principal.mobile`, `contacts.1.email`. */
export interface FieldMessage {
  field: string;
  message: string;
}

export type SiteInfoCheck =
  | { ok: true; value: SiteInfo; errors: []; warnings: FieldMessage[] }
  | { ok: false; value: null; errors: FieldMessage[]; warnings: FieldMessage[] };

export interface SiteInfoContext {
  /** The org's province for the ICP / 公网安备 consistency warnings; defaults to the entered org code. */
  provinceCode?: string;
}

export const MAX_CONTACTS = 3;

/** Field labels as the form shows them (SPEC §5.1). */
export const SITE_INFO_LABELS = {
  name: '网站名称',
  homeUrl: '首页网址',
  orgCode: '网站组织单位标识码',
  isPortal: '是否本级政府门户网站',
  isServicePlatform: '是否政务服务平台',
  sponsorName: '主办单位',
  sponsorAddress: '主办单位地址',
  organizerName: '承办单位',
  maintainerName: '运维单位',
  principal: '网站负责人',
  contacts: '网站联系人',
  icpNo: 'ICP备案号',
  psbNo: '公安机关备案号',
  conacCode: '党政机关网站标识代码',
  chineseDomain: '中文域名',
} as const satisfies Record<keyof SiteInfo, string>;

export const PERSON_LABELS = {
  name: '姓名',
  title: '职务',
  officePhone: '办公电话',
  mobile: '手机',
  email: '电子邮箱',
} as const;

export const CONAC_MISSING_WARNING = '未填写党政机关网站标识代码：党政机关网站取得标识后请及时补充';

/** A blank form. */
export function emptySiteInfoInput(): SiteInfoInput {
  const person = { name: '', officePhone: '', mobile: '', email: '' };
  return {
    name: '',
    homeUrl: '',
    orgCode: '',
    isPortal: null,
    isServicePlatform: null,
    sponsorName: '',
    sponsorAddress: '',
    organizerName: '',
    maintainerName: '',
    principal: { ...person, title: '' },
    contacts: [{ ...person }],
    icpNo: '',
    psbNo: '',
    conacCode: '',
    chineseDomain: '',
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Collects errors and warnings while the fields are checked one by one. */
class Collector {
  readonly errors: FieldMessage[] = [];
  readonly warnings: FieldMessage[] = [];

  /** Runs a validator on a required (or, with `optional`, a possibly empty) field; returns '' on error/empty. */
  check(field: string, raw: unknown, validate: (s: string) => Checked<string>, optional = false): string {
    const s = text(raw);
    if (optional && s.trim() === '') return '';
    const r = validate(s);
    if (!r.ok) {
      this.errors.push({ field, message: r.error });
      return '';
    }
    for (const message of r.warnings) this.warnings.push({ field, message });
    return r.value;
  }

  /** A free-text name (§6.8): normalised, length-checked. */
  name(field: string, raw: unknown, label: string, opts: { min?: number; max: number; required: boolean }): string {
    const s = normalizeName(text(raw));
    const length = [...s].length;
    if (length === 0) {
      if (opts.required) this.errors.push({ field, message: `请填写${label}` });
      return '';
    }
    if (opts.min !== undefined && length < opts.min) {
      this.errors.push({ field, message: `${label}至少${opts.min}个字` });
    } else if (length > opts.max) {
      this.errors.push({ field, message: `${label}不能超过${opts.max}个字（现为${length}个）` });
    }
    return s;
  }

  flag(field: string, raw: unknown, label: string): boolean {
    if (typeof raw === 'boolean') return raw;
    this.errors.push({ field, message: `请选择${label}` });
    return false;
  }
}

function isBlankContact(c: Loose<SiteContact> | null | undefined): boolean {
  return !c || [c.name, c.officePhone, c.mobile, c.email].every((v) => text(v).trim() === '');
}

function checkPerson(
  c: Collector,
  prefix: string,
  who: string,
  raw: Loose<SitePrincipal> | null | undefined,
): SiteContact {
  const p = raw ?? {};
  return {
    name: c.name(`${prefix}.name`, p.name, `${who}姓名`, { min: 2, max: 30, required: true }),
    officePhone: c.check(`${prefix}.officePhone`, p.officePhone, (s) => prefixed(checkOfficePhone(s), who)),
    mobile: c.check(`${prefix}.mobile`, p.mobile, (s) => prefixed(checkMobile(s), who)),
    email: c.check(`${prefix}.email`, p.email, (s) => prefixed(checkEmail(s), who)),
  };
}

/** 「请填写手机号码…」 → 「请填写网站负责人手机号码…」 so a message makes sense away from its field too. */
function prefixed(r: Checked<string>, who: string): Checked<string> {
  if (r.ok) return r;
  const error = r.error.startsWith('请填写') ? `请填写${who}${r.error.slice(3)}` : `${who}${r.error}`;
  return { ok: false, error };
}

/**
 * Checks and normalises the basic information of a new-site application (SPEC §5.1, §6). Blocking problems are
 * `errors`; the checks the SPEC calls warnings (domain suffix, province mismatches, 公安备案 「办理中」, unusual
 * CONAC codes) are `warnings`. The server runs the same function; it adds the checks that need the database.
 */
export function validateSiteInfo(input: SiteInfoInput, context: SiteInfoContext = {}): SiteInfoCheck {
  const c = new Collector();
  const name = c.name('name', input.name, SITE_INFO_LABELS.name, { min: 2, max: 100, required: true });
  const homeUrl = c.check('homeUrl', input.homeUrl, checkHomeUrl);
  const orgCode = c.check('orgCode', input.orgCode, (s) => {
    const parsed = parseOrgCode(s);
    return parsed.ok ? { ok: true, value: parsed.code, warnings: [] } : { ok: false, error: parsed.reason };
  });
  const isPortal = c.flag('isPortal', input.isPortal, SITE_INFO_LABELS.isPortal);
  const isServicePlatform = c.flag('isServicePlatform', input.isServicePlatform, SITE_INFO_LABELS.isServicePlatform);
  const sponsorName = c.name('sponsorName', input.sponsorName, '主办单位', { min: 2, max: 100, required: true });
  const sponsorAddress = c.name('sponsorAddress', input.sponsorAddress, '主办单位地址', { max: 200, required: false });
  const organizerName = c.name('organizerName', input.organizerName, '承办单位', { max: 100, required: false });
  const maintainerName = c.name('maintainerName', input.maintainerName, '运维单位', { max: 100, required: false });

  const province = context.provinceCode ?? (orgCode || text(input.orgCode));
  const principalRaw = input.principal ?? {};
  const principalBase = checkPerson(c, 'principal', '网站负责人', principalRaw);
  const title = c.name('principal.title', principalRaw.title, '网站负责人职务', { max: 50, required: true });
  const principal: SitePrincipal = { ...principalBase, title };

  const rawContacts = input.contacts ?? [];
  const contacts: SiteContact[] = [];
  if (rawContacts.length > MAX_CONTACTS) {
    c.errors.push({ field: 'contacts', message: `网站联系人最多填写${MAX_CONTACTS}位` });
  }
  rawContacts.slice(0, MAX_CONTACTS).forEach((raw, i) => {
    // Contacts 2 and 3 are optional: a blank one is dropped; a started one must be complete.
    if (i > 0 && isBlankContact(raw)) return;
    contacts.push(checkPerson(c, `contacts.${i}`, `网站联系人${i + 1}`, raw));
  });
  if (rawContacts.length === 0) contacts.push(checkPerson(c, 'contacts.0', '网站联系人1', null));

  const icpNo = c.check('icpNo', input.icpNo, (s) => checkIcpNo(s, { provinceCode: province }));
  const psbNo = c.check('psbNo', input.psbNo, (s) => checkPsbNo(s, { provinceCode: province }));
  const conacCode = c.check('conacCode', input.conacCode, checkConacCode, true);
  if (conacCode === '' && text(input.conacCode).trim() === '') {
    c.warnings.push({ field: 'conacCode', message: CONAC_MISSING_WARNING });
  }
  const chineseDomain = c.check(
    'chineseDomain',
    input.chineseDomain,
    (s) => {
      const r = checkChineseDomain(s);
      return r.ok ? { ok: true, value: r.value.unicode, warnings: r.warnings } : r;
    },
    true,
  );

  if (c.errors.length > 0) return { ok: false, value: null, errors: c.errors, warnings: c.warnings };
  const value: SiteInfo = {
    name,
    homeUrl,
    orgCode,
    isPortal,
    isServicePlatform,
    sponsorName,
    sponsorAddress,
    organizerName,
    maintainerName,
    principal,
    contacts,
    icpNo,
    psbNo,
    conacCode,
    chineseDomain,
  };
  return { ok: true, value, errors: [], warnings: c.warnings };
}

/** The messages at one field (for a form field's own validator). */
export function messagesAt(check: SiteInfoCheck, field: string): { errors: string[]; warnings: string[] } {
  return {
    errors: check.errors.filter((e) => e.field === field).map((e) => e.message),
    warnings: check.warnings.filter((w) => w.field === field).map((w) => w.message),
  };
}
