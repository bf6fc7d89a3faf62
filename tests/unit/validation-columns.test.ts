import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkColumns, NO_COLUMN, parseColumnPair } from '../../src/domain/validation/columns.ts';
import { errorMessage, okValue } from './validation-helpers.ts';

describe('parseColumnPair (SPEC §5.2)', () => {
  it('accepts equal counts and joins with 「；」', () => {
    const v = okValue(parseColumnPair('要闻动态；部门动态', 'http://www.x.gov.cn/ywdt/；http://www.x.gov.cn/bmdt/'));
    expect(v.names).toBe('要闻动态；部门动态');
    expect(v.addresses).toBe('http://www.x.gov.cn/ywdt/；http://www.x.gov.cn/bmdt/');
    expect(v.entries).toEqual([
      { name: '要闻动态', address: 'http://www.x.gov.cn/ywdt/' },
      { name: '部门动态', address: 'http://www.x.gov.cn/bmdt/' },
    ]);
  });

  it('normalises half-width 「;」, spaces and full-width ASCII', () => {
    const v = okValue(
      parseColumnPair(
        ' 要闻动态 ; 部门　动态 ',
        'HTTP://WWW.X.GOV.CN/ywdt/ ;ｈｔｔｐ：／／ｗｗｗ．ｘ．ｇｏｖ．ｃｎ／ｂｍｄｔ／',
      ),
    );
    expect(v.names).toBe('要闻动态；部门 动态');
    expect(v.addresses).toBe('http://www.x.gov.cn/ywdt/；http://www.x.gov.cn/bmdt/');
  });

  it('keeps Chinese punctuation in names', () => {
    expect(okValue(parseColumnPair('领导信箱（市长）', 'http://www.x.gov.cn/ldxx/')).names).toBe('领导信箱（市长）');
  });

  it('accepts 「无」 in both and skips the address check', () => {
    expect(okValue(parseColumnPair('无', '无'))).toEqual({ names: NO_COLUMN, addresses: NO_COLUMN, entries: [] });
    expect(okValue(parseColumnPair(' 无 ', '　无　')).names).toBe('无');
  });

  it('refuses 「无」 on one side only', () => {
    expect(errorMessage(parseColumnPair('无', 'http://www.x.gov.cn/'))).toBe(
      '如确无此类栏目，栏目名称和栏目地址须同时填写“无”',
    );
    expect(errorMessage(parseColumnPair('政务动态', '无'))).toBe('如确无此类栏目，栏目名称和栏目地址须同时填写“无”');
    expect(errorMessage(parseColumnPair('无；动态', '无；http://www.x.gov.cn/'))).toContain('“无”只能单独填写');
  });

  it('refuses unequal counts', () => {
    expect(errorMessage(parseColumnPair('a；b；c', 'http://x.gov.cn/a；http://x.gov.cn/b'))).toBe(
      '栏目名称 3 个，栏目地址 2 个，数量必须一致',
    );
  });

  it('refuses empty names, empty addresses and empty entries', () => {
    expect(errorMessage(parseColumnPair('', ''))).toContain('请填写栏目名称和栏目地址');
    expect(errorMessage(parseColumnPair('动态', ''))).toContain('请填写栏目地址');
    expect(errorMessage(parseColumnPair('', 'http://x.gov.cn/'))).toContain('请填写栏目名称');
    expect(
      errorMessage(parseColumnPair('a；；b', 'http://x.gov.cn/a；http://x.gov.cn/c；http://x.gov.cn/b')),
    ).toContain('栏目名称第 2 项为空');
    expect(errorMessage(parseColumnPair('a；b', 'http://x.gov.cn/a；'))).toContain('栏目地址第 2 项为空');
  });

  it('refuses invalid addresses, naming the position', () => {
    const error = errorMessage(parseColumnPair('a；b', 'http://x.gov.cn/a；x.gov.cn/b'));
    expect(error).toMatch(/^栏目地址第 2 项“x.gov.cn\/b”不是有效的网址/);
    expect(errorMessage(parseColumnPair('a', 'http://10.1.1.1/a'))).toContain('IP地址');
  });

  it('round-trips its own output and keeps counts equal (property)', () => {
    const name = fc
      .string({ unit: fc.constantFrom(...'政务动态通知公告 ab1（）'), minLength: 1, maxLength: 8 })
      .filter((s) => s.trim() !== '' && s.trim() !== '无');
    const path = fc.string({ unit: fc.constantFrom(...'abcxyz019'), minLength: 1, maxLength: 6 });
    const rows = fc.array(fc.tuple(name, path), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, fc.constantFrom(';', '；', ' ; '), (items, sep) => {
        const names = items.map(([n]) => n).join(sep);
        const addresses = items.map(([, p]) => `http://www.x.gov.cn/${p}/`).join(sep);
        const v = okValue(parseColumnPair(names, addresses));
        expect(v.entries).toHaveLength(items.length);
        expect(v.names.split('；')).toHaveLength(items.length);
        expect(v.addresses.split('；')).toHaveLength(items.length);
        expect(okValue(parseColumnPair(v.names, v.addresses))).toEqual(v);
      }),
    );
  });
});

describe('checkColumns', () => {
  const good = {
    category: 'TZGG',
    categoryName: '通知公告',
    names: '通知公告',
    addresses: 'http://www.x.gov.cn/tzgg/',
  };

  it('returns normalised rows when every row is valid', () => {
    const r = checkColumns([good, { category: 'HDFT', categoryName: '互动访谈类', names: '无', addresses: '无' }]);
    expect(r).toEqual({
      ok: true,
      rows: [
        {
          category: 'TZGG',
          names: '通知公告',
          addresses: 'http://www.x.gov.cn/tzgg/',
          entries: [{ name: '通知公告', address: 'http://www.x.gov.cn/tzgg/' }],
        },
        { category: 'HDFT', names: '无', addresses: '无', entries: [] },
      ],
    });
  });

  it('reports every failing row, naming its category', () => {
    const r = checkColumns([
      {
        category: 'ZWDT',
        categoryName: '政务动态',
        names: 'a；b；c',
        addresses: 'http://x.gov.cn/a；http://x.gov.cn/b',
      },
      good,
      { category: 'ZXTS', categoryName: '政务咨询类', names: '领导信箱', addresses: '' },
      { category: 'DCZJ', categoryName: '调查征集类', names: '无', addresses: 'http://x.gov.cn/' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { category: 'ZWDT', message: '政务动态：栏目名称 3 个，栏目地址 2 个，数量必须一致' },
      { category: 'ZXTS', message: expect.stringMatching(/^政务咨询类：请填写栏目地址/) },
      { category: 'DCZJ', message: '调查征集类：如确无此类栏目，栏目名称和栏目地址须同时填写“无”' },
    ]);
  });

  it('refuses a category given twice', () => {
    const r = checkColumns([good, good]);
    expect(r).toEqual({ ok: false, errors: [{ category: 'TZGG', message: '通知公告：栏目类别重复填写' }] });
  });
});
