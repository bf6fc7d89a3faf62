// Site-register import, pure part (issue 20): heading matching, CSV decoding, row → record, file duplicates, diffs.
import { describe, expect, it } from 'vitest';
import { checkCellText, MAX_CELL_CHARS } from '../../src/domain/site-import/cells.ts';
import { decodeCsv, looksLikeText, parseCsv } from '../../src/domain/site-import/csv.ts';
import { columnLetter, HeaderMatcher, headerKey, mapHeaders } from '../../src/domain/site-import/headers.ts';
import { diffRecord, findDuplicatesInFile, highestSequences } from '../../src/domain/site-import/plan.ts';
import {
  buildRecord,
  type ImportRecord,
  parseRunStatus,
  parseYesNo,
  type RawRow,
} from '../../src/domain/site-import/rows.ts';
import { encodeGbk } from '../helpers/gbk.ts';
import { HEADERS } from '../helpers/site-import.ts';

const CATEGORIES = [
  { code: 'ZWDT', name: '政务动态' },
  { code: 'ZTZL', name: '专栏专题' },
];
const matcher = new HeaderMatcher(CATEGORIES);

// The integration tests' headings plus one 栏目 pair.
const FULL_HEADERS = [...HEADERS, '政务动态栏目名称', '政务动态栏目地址'];
const GOOD = [
  '1303020001',
  '秦皇岛市海港区教育局',
  'https://jyj.hg.gov.cn/',
  '130302',
  '否',
  '否',
  '海港区教育局',
  '王伟',
  '主任',
  '0335-3012345',
  '13912345678',
  'wangwei@example.gov.cn',
  '李娜',
  '0335-3012346',
  '13812345678',
  'lina@example.gov.cn',
  '冀ICP备15003849号',
  '冀公网安备13030202002230号',
  'old.hg.gov.cn；jy.hg.gov.cn',
  '教育动态；通知公告',
  'https://jyj.hg.gov.cn/dt/；https://jyj.hg.gov.cn/tz/',
];

function headersFrom(list: string[]) {
  return mapHeaders([undefined, ...list], matcher);
}

function rowFrom(headers: ReturnType<typeof headersFrom>, values: string[], rowNumber = 2): RawRow {
  const cells = new Map();
  values.forEach((v, i) => {
    const f = headers.fields.get(i + 1);
    if (f) cells.set(f, v);
  });
  return { rowNumber, cells };
}

function build(values: string[], list = FULL_HEADERS, rowNumber = 2) {
  const headers = headersFrom(list);
  return buildRecord(rowFrom(headers, values, rowNumber), { headers, categories: CATEGORIES, existing: null });
}

function ok(values: string[], rowNumber = 2): ImportRecord {
  const r = build(values, FULL_HEADERS, rowNumber);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.record;
}

describe('heading matching', () => {
  it('tolerates full/half width, spaces, marks and synonyms', () => {
    expect(headerKey('＊网站 名称（必填）')).toBe(headerKey('网站名称'));
    expect(matcher.match('  网 站 标 识 码 ')).toEqual({ kind: 'field', field: 'siteCode' });
    expect(matcher.match('ＩＣＰ备案号')).toEqual({ kind: 'field', field: 'icpNo' });
    expect(matcher.match('公网安备案号')).toEqual({ kind: 'field', field: 'psbNo' });
    expect(matcher.match('是否门户网站')).toEqual({ kind: 'field', field: 'isPortal' });
    expect(matcher.match('是否组织单位门户')).toEqual({ kind: 'field', field: 'isPortal' });
    expect(matcher.match('负责人手机')).toEqual({ kind: 'field', field: 'principal.mobile' });
    expect(matcher.match('联系人')).toEqual({ kind: 'field', field: 'contacts.0.name' });
    expect(matcher.match('联系人2邮箱')).toEqual({ kind: 'field', field: 'contacts.1.email' });
    expect(matcher.match('运行维护单位')).toEqual({ kind: 'field', field: 'maintainerName' });
    expect(matcher.match('栏目（系统）名称')).toEqual({ kind: 'field', field: 'columns.ZTZL.names' });
    expect(matcher.match('政务动态栏目地址')).toEqual({ kind: 'field', field: 'columns.ZWDT.addresses' });
    expect(matcher.match('省/部委').kind).toBe('ignored');
    expect(matcher.match('网站颜色').kind).toBe('unknown');
  });

  it('reports unknown and ignored columns, a repeated field and a missing 网站标识码 column', () => {
    const m = headersFrom(['网站名称', '网站颜色', '校验码', '名称备注', '网站名称']);
    expect(m.notices.map((n) => n.column)).toEqual(['B', 'C', 'D']);
    expect(m.notices[0]!.message).toContain('无法识别的列“网站颜色”');
    expect(m.notices[1]!.message).toContain('校验码不导入');
    expect(m.errors.map((e) => e.column)).toEqual(['E', null]);
    expect(m.errors[0]!.message).toContain('A 列“网站名称”');
    expect(m.errors[1]!.message).toContain('必须包含“网站标识码”列');
  });

  it('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('CSV', () => {
  const csv = '网站标识码,网站名称\r\n1303020001,"海港区""教育""局, 新"\n';
  it('decodes UTF-8 with BOM, UTF-8, UTF-16 and GBK', () => {
    const utf8 = Buffer.from(csv, 'utf8');
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({
      text: csv,
      encoding: 'UTF-8 BOM',
    });
    expect(decodeCsv(utf8).encoding).toBe('UTF-8');
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])).text).toBe(csv);
    // 「网站标识码,网站名称」 in GBK, as Excel on Chinese Windows saves it.
    const gbk = encodeGbk(csv);
    expect(gbk.subarray(0, 4).toString('hex')).toBe('cdf8d5be'); // 「网站」
    expect(decodeCsv(gbk)).toEqual({ text: csv, encoding: 'GB18030' });
  });

  it('parses quotes, doubled quotes, separators and line breaks inside cells', () => {
    expect(parseCsv(csv)).toEqual([
      ['网站标识码', '网站名称'],
      ['1303020001', '海港区"教育"局, 新'],
    ]);
    expect(parseCsv('a;b\n"x\ny";z')).toEqual([
      ['a', 'b'],
      ['x\ny', 'z'],
    ]);
  });

  it('tells text from a binary file', () => {
    expect(looksLikeText('网站标识码,网站名称\n')).toBe(true);
    expect(looksLikeText('PK\u0003\u0004\u0000\u0000binary')).toBe(false);
  });
});

describe('cells', () => {
  it('takes off the export’s neutralising apostrophe, refuses formulas and over-long text', () => {
    expect(checkCellText("'=not a formula")).toEqual({ ok: true, value: '=not a formula' });
    expect(checkCellText('=SUM(A1:A3)')).toMatchObject({ ok: false, message: expect.stringContaining('公式') });
    expect(checkCellText('x'.repeat(MAX_CELL_CHARS + 1))).toMatchObject({
      ok: false,
      message: expect.stringContaining('内容过长'),
    });
  });
});

describe('row → record', () => {
  it('builds the record of a good row', () => {
    const r = ok(GOOD);
    expect(r.siteCode).toBe('1303020001');
    expect(r.orgCode).toBe('130302');
    expect(r.info.name).toBe('秦皇岛市海港区教育局');
    expect(r.info.contacts).toHaveLength(1);
    expect(r.otherDomains).toEqual(['jy.hg.gov.cn', 'old.hg.gov.cn']);
    expect(r.columns).toEqual([
      {
        category: 'ZWDT',
        categoryName: '政务动态',
        names: '教育动态；通知公告',
        addresses: 'https://jyj.hg.gov.cn/dt/；https://jyj.hg.gov.cn/tz/',
      },
    ]);
    expect(r.runStatus).toBe('NORMAL');
  });

  it('names row, column and reason of every error', () => {
    const bad = [...GOOD];
    bad[2] = 'ftp://x';
    bad[10] = '12345';
    bad[4] = '也许';
    const r = build(bad, FULL_HEADERS, 7);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const where = r.errors.map((e) => `${e.row}${e.column}${e.header}`);
    expect(where).toEqual(expect.arrayContaining(['7C首页网址', '7K网站负责人手机', '7E是否本级政府门户网站']));
    for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('checks the 标识码 and that its org part matches the org column', () => {
    const r1 = build(['130302000', ...GOOD.slice(1)]);
    expect(r1.ok || r1.errors[0]!.message).toContain('格式不正确');
    const mismatch = [...GOOD];
    mismatch[3] = '130303';
    const r2 = build(mismatch);
    expect(r2.ok || r2.errors.map((e) => e.message).join()).toContain('不一致');
    const zero = build(['1303020000', ...GOOD.slice(1)]);
    expect(zero.ok || zero.errors[0]!.message).toContain('0000');
  });

  it('a new site missing required columns fails; an update keeps the existing values of absent columns', () => {
    const short = ['网站标识码', '网站名称'];
    const headers = headersFrom(short);
    const row = rowFrom(headers, ['1303020001', '新名称网站']);
    const alone = buildRecord(row, { headers, categories: CATEGORIES, existing: null });
    expect(alone.ok).toBe(false);
    const existing = ok(GOOD);
    const updated = buildRecord(row, { headers, categories: CATEGORIES, existing });
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    expect(updated.record.info.name).toBe('新名称网站');
    expect(updated.record.info.principal).toEqual(existing.info.principal);
    expect(updated.record.columns).toEqual(existing.columns);
    expect(updated.record.otherDomains).toEqual(existing.otherDomains);
    expect(diffRecord(existing, updated.record)).toEqual([
      { label: '网站名称', before: '秦皇岛市海港区教育局', after: '新名称网站' },
    ]);
    expect(diffRecord(existing, existing)).toEqual([]);
  });

  it('yes/no and run status words', () => {
    expect(['是', 'Y', 'true', '1', '√'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['否', 'N', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('也许')).toBeNull();
    expect(['正常', '', '例外', '永久下线', '临时下线', '也许'].map(parseRunStatus)).toEqual([
      'NORMAL',
      'NORMAL',
      'EXCEPTION',
      'PERM_OFFLINE',
      'TEMP_OFFLINE',
      null,
    ]);
  });
});

describe('inside one file', () => {
  it('finds repeated codes, names, URLs, hosts and a second portal', () => {
    const a = ok(GOOD, 2);
    const b = ok(
      [
        '1303020001',
        '另一个网站名',
        'https://other.hg.gov.cn/',
        ...GOOD.slice(3, 18),
        'zzz.hg.gov.cn',
        ...GOOD.slice(19),
      ],
      3,
    );
    const c = ok(
      [
        '1303020002',
        '秦皇岛市海港区教育局',
        'https://jyj.hg.gov.cn/index.html',
        ...GOOD.slice(3, 18),
        'jy.hg.gov.cn',
        ...GOOD.slice(19),
      ],
      4,
    );
    const p1 = ok(
      [
        '1303020003',
        '海港区政府网',
        'https://www.hg.gov.cn/',
        '130302',
        '是',
        ...GOOD.slice(5, 18),
        '',
        ...GOOD.slice(19),
      ],
      5,
    );
    const p2 = ok(
      [
        '1303020004',
        '海港区政府网二',
        'https://www2.hg.gov.cn/',
        '130302',
        '是',
        ...GOOD.slice(5, 18),
        '',
        ...GOOD.slice(19),
      ],
      6,
    );
    const issues = findDuplicatesInFile([a, b, c, p1, p2]);
    const text = issues.map((i) => `${i.row}:${i.message}`);
    expect(text).toEqual([
      '3:网站标识码 1303020001 与第 2 行重复',
      '4:网站名称“秦皇岛市海港区教育局”与第 2 行重复',
      '4:首页网址“https://jyj.hg.gov.cn/index.html”与第 2 行重复',
      '4:域名“jy.hg.gov.cn”已在第 2 行登记为其他域名',
      '6:组织单位 130302 只能有一个门户网站，第 5 行已是其门户网站',
    ]);
    expect(highestSequences([a, c, p1, p2])).toEqual(new Map([['130302', 4]]));
  });
});
