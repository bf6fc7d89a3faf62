// Column headings of a site-register spreadsheet (issue 20): this system's own full export and the usual columns of a
// national 基本信息 export, matched tolerantly (full/half width, spaces, 「*」 and 「（必填）」 marks, common synonyms).
import { MAX_CONTACTS } from '../site-info.ts';
import { toHalfWidth } from '../text.ts';

/** A field of the import: a basic-information path, or one of the register's own columns. */
export type ImportField =
  | 'siteCode'
  | 'name'
  | 'homeUrl'
  | 'orgCode'
  | 'isPortal'
  | 'isServicePlatform'
  | 'runStatus'
  | 'sponsorName'
  | 'sponsorAddress'
  | 'organizerName'
  | 'maintainerName'
  | `principal.${'name' | 'title' | 'officePhone' | 'mobile' | 'email'}`
  | `contacts.${number}.${'name' | 'officePhone' | 'mobile' | 'email'}`
  | 'icpNo'
  | 'psbNo'
  | 'conacCode'
  | 'chineseDomain'
  | 'otherDomains'
  /** 栏目 of one dictionary category: `columns.ZWDT.names` / `columns.ZWDT.addresses`. */
  | `columns.${string}.${'names' | 'addresses'}`;

export interface ColumnCategoryRef {
  code: string;
  name: string;
}

/** The category that a 栏目名称/栏目地址 pair without a category name is filed under (with a warning). */
export const UNCATEGORISED_COLUMNS = 'ZTZL';

interface FieldDef {
  field: ImportField;
  /** The heading this system writes (its full export and template). */
  header: string;
  synonyms: readonly string[];
}

const PERSON_PARTS = [
  ['name', '姓名', ['']],
  ['officePhone', '办公电话', ['电话', '座机', '固定电话']],
  ['mobile', '手机', ['手机号码', '手机号', '移动电话']],
  ['email', '电子邮箱', ['邮箱', 'email', 'e-mail', '电子邮件']],
] as const;

function personDefs(): FieldDef[] {
  const defs: FieldDef[] = [];
  const principal = (part: string, label: string, extra: readonly string[]): FieldDef => ({
    field: `principal.${part}` as ImportField,
    header: `网站负责人${label}`,
    synonyms: [`负责人${label}`, ...extra.map((e) => `负责人${e}`), ...extra.map((e) => `网站负责人${e}`)],
  });
  defs.push(principal('name', '姓名', ['']));
  defs.push(principal('title', '职务', ['职位']));
  for (const [part, label, extra] of PERSON_PARTS.slice(1)) defs.push(principal(part, label, extra));
  for (let i = 0; i < MAX_CONTACTS; i++) {
    for (const [part, label, extra] of PERSON_PARTS) {
      const n = i + 1;
      const words = [label, ...extra];
      const synonyms = words.flatMap((w) => [`网站联系人${n}${w}`, `联系人${n}${w}`]);
      // The first contact is often just 「联系人」 / 「联系人手机」 in national exports.
      if (i === 0) synonyms.push(...words.flatMap((w) => [`网站联系人${w}`, `联系人${w}`]));
      defs.push({ field: `contacts.${i}.${part}` as ImportField, header: `网站联系人${n}${label}`, synonyms });
    }
  }
  return defs;
}

const BASE_DEFS: readonly FieldDef[] = [
  { field: 'siteCode', header: '网站标识码', synonyms: ['标识码', '网站识别码', '政府网站标识码', 'sitecode'] },
  { field: 'name', header: '网站名称', synonyms: ['网站名', '政府网站名称'] },
  {
    field: 'homeUrl',
    header: '首页网址',
    synonyms: ['网址', '首页地址', '网站地址', '网站首页网址', '网站网址', 'url'],
  },
  {
    field: 'orgCode',
    header: '网站组织单位标识码',
    synonyms: ['组织单位标识码', '组织单位代码', '组织单位编码', '网站组织单位代码'],
  },
  {
    field: 'isPortal',
    header: '是否本级政府门户网站',
    synonyms: ['是否门户网站', '是否组织单位门户', '是否门户', '门户网站', '是否政府门户网站'],
  },
  { field: 'isServicePlatform', header: '是否政务服务平台', synonyms: ['政务服务平台'] },
  { field: 'runStatus', header: '运行状态', synonyms: ['网站运行状态', '网站状态'] },
  { field: 'sponsorName', header: '主办单位', synonyms: ['主办单位名称', '网站主办单位'] },
  { field: 'sponsorAddress', header: '主办单位地址', synonyms: ['通讯地址', '单位地址'] },
  { field: 'organizerName', header: '承办单位', synonyms: ['承办单位名称'] },
  { field: 'maintainerName', header: '运维单位', synonyms: ['运行维护单位', '运维单位名称'] },
  ...personDefs(),
  { field: 'icpNo', header: 'ICP备案号', synonyms: ['icp备案编号', 'icp备案', 'icp'] },
  {
    field: 'psbNo',
    header: '公安机关备案号',
    synonyms: ['公安备案号', '公网安备案号', '公网安备号', '公安机关备案编号', '公安备案'],
  },
  {
    field: 'conacCode',
    header: '党政机关网站标识代码',
    synonyms: ['党政机关网站标识', '党政机关网站标识码', '党政机关标识', '党政机关网站标识编码'],
  },
  { field: 'chineseDomain', header: '中文域名', synonyms: [] },
  { field: 'otherDomains', header: '其他域名', synonyms: ['其它域名', '其他网站域名'] },
];

/** Headings of derived or secret columns: recognised, reported as not imported. */
const IGNORED: readonly [readonly string[], string][] = [
  [['省/部委', '市/垂管省局', '县/垂管分局', '省', '市', '县'], '由组织单位挂接关系自动生成，导入时忽略'],
  [['列表状态', '申报状态', '修改审核状态', '最后更新时间', '网站类型', '网站级别', '序号'], '由系统生成，导入时忽略'],
  [['校验码'], '校验码不导入：每个新导入的网站将重新生成校验码，导入后在校验码发放表中一次性发放'],
  [['临时码'], '临时码不导入'],
];

/** Heading comparison form: half-width, lower case, no spaces, no 「*」 marks, no bracketed notes, no separators. */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/\([^)]*\)|（[^）]*）|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[\s*＊:：_\-－/、·.]/gu, '');
}

export type HeaderMatch =
  | { kind: 'field'; field: ImportField }
  | { kind: 'ignored'; reason: string }
  | { kind: 'unknown' };

/** The heading → field table for one 栏目 dictionary. */
export class HeaderMatcher {
  private readonly table = new Map<string, HeaderMatch>();
  readonly defs: readonly FieldDef[];

  constructor(categories: readonly ColumnCategoryRef[]) {
    const defs: FieldDef[] = [...BASE_DEFS];
    for (const c of categories) {
      defs.push({
        field: `columns.${c.code}.names`,
        header: `${c.name}栏目名称`,
        synonyms: [`${c.name}名称`, `${c.code}栏目名称`],
      });
      defs.push({
        field: `columns.${c.code}.addresses`,
        header: `${c.name}栏目地址`,
        synonyms: [`${c.name}地址`, `${c.code}栏目地址`],
      });
    }
    this.defs = defs;
    for (const [headers, reason] of IGNORED) {
      for (const h of headers) this.table.set(headerKey(h), { kind: 'ignored', reason });
    }
    // National exports list all 栏目 in one pair of columns; they are filed under 专栏专题 with a warning.
    if (categories.some((c) => c.code === UNCATEGORISED_COLUMNS)) {
      for (const h of ['栏目名称', '栏目系统名称']) {
        this.table.set(headerKey(h), { kind: 'field', field: `columns.${UNCATEGORISED_COLUMNS}.names` });
      }
      for (const h of ['栏目地址', '栏目系统地址']) {
        this.table.set(headerKey(h), { kind: 'field', field: `columns.${UNCATEGORISED_COLUMNS}.addresses` });
      }
    }
    for (const d of defs) {
      for (const h of [d.header, ...d.synonyms]) {
        if (h !== '') this.table.set(headerKey(h), { kind: 'field', field: d.field });
      }
    }
  }

  match(header: string): HeaderMatch {
    return this.table.get(headerKey(header)) ?? { kind: 'unknown' };
  }

  headerOf(field: ImportField): string {
    return this.defs.find((d) => d.field === field)?.header ?? field;
  }
}

/** A 1-based column number as Excel letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Where a problem is: 1-based row (null for the whole file), column letter and heading (null for the whole row). */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  header: string | null;
  message: string;
}

export interface HeaderMap {
  /** 1-based column number → field. */
  fields: Map<number, ImportField>;
  /** field → its column (letter and heading as written in the file). */
  columnOf: Map<ImportField, { letter: string; header: string }>;
  errors: ImportIssue[];
  /** Unknown and ignored columns: reported, never silently dropped. */
  notices: ImportIssue[];
}

/** Maps the heading row (1-based column numbers; holes allowed) to fields. */
export function mapHeaders(headers: readonly (string | undefined)[], matcher: HeaderMatcher): HeaderMap {
  const out: HeaderMap = { fields: new Map(), columnOf: new Map(), errors: [], notices: [] };
  headers.forEach((raw, col) => {
    if (raw === undefined) return;
    const header = raw.trim();
    if (header === '') return;
    const letter = columnLetter(col);
    const m = matcher.match(header);
    if (m.kind === 'unknown') {
      out.notices.push({
        row: 1,
        column: letter,
        header,
        message: `无法识别的列“${header}”，该列不会导入，请核对列名`,
      });
      return;
    }
    if (m.kind === 'ignored') {
      out.notices.push({ row: 1, column: letter, header, message: m.reason });
      return;
    }
    const earlier = out.columnOf.get(m.field);
    if (earlier) {
      out.errors.push({
        row: 1,
        column: letter,
        header,
        message: `列“${header}”与 ${earlier.letter} 列“${earlier.header}”表示同一项（${matcher.headerOf(m.field)}），请删除其中一列`,
      });
      return;
    }
    out.fields.set(col, m.field);
    out.columnOf.set(m.field, { letter, header });
  });
  if (!out.columnOf.has('siteCode')) {
    out.errors.push({
      row: 1,
      column: null,
      header: null,
      message: '第 1 行须为列名，且必须包含“网站标识码”列（批量导入只接收已有网站标识码的网站）',
    });
  }
  return out;
}
