// The live-vs-proposed diff of a change set: fields, 栏目 entries (added / removed / changed) and 其他域名.
import { describe, expect, it } from 'vitest';
import {
  changeCount,
  columnEntries,
  diffColumns,
  diffDomains,
  diffEntries,
  diffSiteInfo,
  displayValue,
  type StoredColumnRow,
} from '../../src/domain/site-diff.ts';
import { sampleInfo } from '../helpers/factories.ts';

const live = sampleInfo({
  name: '海港区教育局网站',
  homeUrl: 'https://jyj.haigang.gov.cn/',
  orgCode: '130302',
  isPortal: false,
});

describe('diffSiteInfo', () => {
  it('lists every field in form order and marks exactly the changed ones', () => {
    const proposed = { ...live, sponsorName: '海港区教育局', principal: { ...live.principal, mobile: '13900001111' } };
    const diff = diffSiteInfo(live, proposed);
    expect(diff.map((f) => f.field).slice(0, 3)).toEqual(['name', 'homeUrl', 'orgCode']);
    expect(diff.filter((f) => f.changed)).toEqual([
      {
        field: 'sponsorName',
        label: '主办单位',
        before: '海港区教育局网站主办单位',
        after: '海港区教育局',
        changed: true,
      },
      {
        field: 'principal.mobile',
        label: '网站负责人手机',
        before: '13912345678',
        after: '13900001111',
        changed: true,
      },
    ]);
    expect(diff.find((f) => f.field === 'isPortal')).toMatchObject({ before: '否', after: '否', changed: false });
  });

  it('shows a 联系人 added or removed field by field', () => {
    const second = { name: '张强', officePhone: '0335-3012347', mobile: '13712345678', email: 'zq@example.gov.cn' };
    const added = diffSiteInfo(live, { ...live, contacts: [...live.contacts, second] });
    expect(added.filter((f) => f.changed).map((f) => [f.label, f.before, f.after])).toEqual([
      ['网站联系人2姓名', '', '张强'],
      ['网站联系人2办公电话', '', '0335-3012347'],
      ['网站联系人2手机', '', '13712345678'],
      ['网站联系人2电子邮箱', '', 'zq@example.gov.cn'],
    ]);
    const removed = diffSiteInfo({ ...live, contacts: [...live.contacts, second] }, live);
    expect(removed.filter((f) => f.changed).every((f) => f.after === '' && f.field.startsWith('contacts.1.'))).toBe(
      true,
    );
  });

  it('finds nothing changed between equal records, and tolerates missing parts', () => {
    expect(diffSiteInfo(live, structuredClone(live)).some((f) => f.changed)).toBe(false);
    const sparse = diffSiteInfo({}, { name: 'x' });
    expect(sparse.filter((f) => f.changed).map((f) => f.field)).toEqual(['name']);
  });
});

describe('displayValue', () => {
  it('renders booleans as 是/否 and missing values as empty', () => {
    expect([true, false, null, undefined, 'a', 3].map(displayValue)).toEqual(['是', '否', '', '', 'a', '3']);
  });
});

describe('columnEntries', () => {
  it('pairs names and addresses in order; 「无」 and blank are no entries', () => {
    expect(columnEntries({ names: '要闻；动态', addresses: 'https://a/1；https://a/2' })).toEqual([
      { name: '要闻', address: 'https://a/1' },
      { name: '动态', address: 'https://a/2' },
    ]);
    expect(columnEntries({ names: '无', addresses: '无' })).toEqual([]);
    expect(columnEntries({ names: '', addresses: '' })).toEqual([]);
  });
});

describe('diffEntries', () => {
  const a = { name: '要闻', address: 'https://x.gov.cn/yw/' };
  const b = { name: '动态', address: 'https://x.gov.cn/dt/' };
  const c = { name: '公告', address: 'https://x.gov.cn/gg/' };

  it('tells unchanged, new address, new name, added and removed entries apart', () => {
    const diff = diffEntries(
      [a, b, c],
      [
        a,
        { name: '动态', address: 'https://x.gov.cn/dongtai/' },
        { name: '通知公告', address: c.address },
        { name: '专题', address: 'https://x.gov.cn/zt/' },
      ],
    );
    expect(diff.map((d) => d.kind)).toEqual(['unchanged', 'changed', 'changed', 'added']);
    expect(diff[1]?.before).toEqual(b);
    expect(diff[2]?.before).toEqual(c);
    expect(diffEntries([a, b], [b]).map((d) => [d.kind, d.before?.name ?? d.after?.name])).toEqual([
      ['unchanged', '动态'],
      ['removed', '要闻'],
    ]);
  });

  it('treats a reorder as no entry change and duplicate entries as a multiset', () => {
    expect(diffEntries([a, b], [b, a]).every((d) => d.kind === 'unchanged')).toBe(true);
    expect(diffEntries([a], [a, a]).map((d) => d.kind)).toEqual(['unchanged', 'added']);
  });
});

describe('diffColumns', () => {
  const row = (category: string, categoryName: string, names: string, addresses: string): StoredColumnRow => ({
    category,
    categoryName,
    names,
    addresses,
  });
  const dictionary = [
    { code: 'ZWDT', name: '政务动态' },
    { code: 'TZGG', name: '通知公告' },
    { code: 'HDFT', name: '互动访谈类' },
  ];

  it('orders by the dictionary, marks changed categories, and keeps categories unknown to it', () => {
    const before = [
      row('TZGG', '通知公告', '公告', 'https://x.gov.cn/gg/'),
      row('ZWDT', '政务动态', '要闻', 'https://x.gov.cn/yw/'),
      row('OLD', '旧类别', '无', '无'),
    ];
    const after = [
      row('ZWDT', '政务动态', '要闻；部门动态', 'https://x.gov.cn/yw/；https://x.gov.cn/bm/'),
      row('TZGG', '通知公告', '公告', 'https://x.gov.cn/gg/'),
      row('HDFT', '互动访谈类', '无', '无'),
      row('OLD', '旧类别', '无', '无'),
    ];
    const diff = diffColumns(before, after, dictionary);
    expect(diff.map((d) => [d.category, d.changed])).toEqual([
      ['ZWDT', true],
      ['TZGG', false],
      ['HDFT', true],
      ['OLD', false],
    ]);
    expect(diff[0]?.entries.map((e) => e.kind)).toEqual(['unchanged', 'added']);
    expect(diff[2]).toMatchObject({ before: { names: '', addresses: '' }, after: { names: '无' }, entries: [] });
  });

  it('is empty when neither side has rows', () => {
    expect(diffColumns([], [], dictionary)).toEqual([]);
  });
});

describe('diffDomains and changeCount', () => {
  it('lists proposed hosts then removed ones, and counts every change once', () => {
    const domains = diffDomains(['a.gov.cn', 'b.gov.cn'], ['b.gov.cn', 'c.gov.cn']);
    expect(domains).toEqual([
      { host: 'b.gov.cn', kind: 'unchanged' },
      { host: 'c.gov.cn', kind: 'added' },
      { host: 'a.gov.cn', kind: 'removed' },
    ]);
    const fields = diffSiteInfo(live, { ...live, name: '新名称' });
    expect(changeCount({ fields, columns: [], domains })).toBe(3);
  });
});
