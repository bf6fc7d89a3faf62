// 下级超期 with the 年度报表 (issue 21), over HTTP on a real database: a submitted 工作年度报表 not reviewed past the
// deadline at a unit below the caller's, and — after the 填报截止, until the 发布截止 — the sites below that have not
// submitted; each with its Chinese labels and a link that opens the report; scoped to the caller's subtree and
// paginated with the request steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, makeWorkReport } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const SUBMITTED_AT = new Date('2027-01-05T02:00:00Z'); // Tuesday 10:00 in Shanghai
const WAITING = '海港区超期待审年报网站';
const DRAFT = '海港区超期草稿年报网站';
const NONE = '海港区超期未填年报网站';
const APPROVED = '海港区已通过年报网站';
const CITY = '秦皇岛市本级未填年报网站';
const HUBEI = '湖北省未填年报网站';
const MINE = [WAITING, DRAFT, NONE, APPROVED, CITY, HUBEI];

let t: TestApp;
let waitingId = 0;
let draftId = 0;
const codes: Record<string, string> = {};

type Item = { kind: string; siteName: string; key: string; [key: string]: unknown };
const ours = (items: Item[]) => items.filter((i) => MINE.includes(i.siteName));
const named = (items: Item[], name: string) => items.find((i) => i.siteName === name);

beforeAll(async () => {
  t = await createTestApp({ now: '2027-01-05T03:00:00Z' });
  const db = t.ctx.db;
  const at = new Date('2026-03-02T02:00:00Z');
  const site = async (name: string, orgCode: string, seq: number) => {
    const s = await makeSite(db, { orgCode, name, seq, at });
    codes[name] = s.site_code ?? '';
    return s.id;
  };
  const report = (siteId: number, state: 'SUBMITTED' | 'DRAFT' | 'APPROVED') =>
    makeWorkReport(db, { siteId, state, at: SUBMITTED_AT });
  waitingId = await report(await site(WAITING, '130302', 811), 'SUBMITTED');
  draftId = await report(await site(DRAFT, '130302', 812), 'DRAFT');
  await site(NONE, '130302', 813);
  await report(await site(APPROVED, '130302', 814), 'APPROVED');
  await site(CITY, '130300', 815);
  await site(HUBEI, '420000', 816);
});
afterAll(async () => {
  await t?.close();
});

const below = async (user: string, query = '') =>
  (await (await t.loginAs(user)).get(`/api/inbox/overdue-below${query}`)).body as { items: Item[]; total: number };

describe('下级超期 with 年度报表', () => {
  it('lists a report waiting for review past the deadline to the units above the reviewing one', async () => {
    t.clock.set('2027-01-13T02:00:00Z'); // 6 working days: 逾期, not yet twice the deadline; 填报 still open
    const overdue = await below('qinhuangdao', '?level=overdue');
    expect(ours(overdue.items).map((i) => i.siteName)).toEqual([WAITING]);
    expect(named(overdue.items, WAITING)).toMatchObject({
      kind: 'WORK_REPORT',
      key: `WORK_REPORT:${waitingId}`,
      reportId: waitingId,
      requestId: null,
      typeLabel: '工作年度报表',
      orgStatus: '待审核',
      holderCode: '130302',
      holderName: '海港区',
      waitingDays: 6,
      overdue: true,
      escalated: false,
      link: `/org/work-reports?year=2026&q=${codes[WAITING]}&view=${waitingId}&mine=false`,
    });
    // Not yet past twice the deadline; the reviewing unit itself has it in its 待办, not here.
    expect(ours((await below('qinhuangdao')).items)).toEqual([]);
    expect(ours((await below('haigang', '?level=overdue')).items)).toEqual([]);
    expect(ours((await below('hubei', '?level=overdue')).items)).toEqual([]);
  });

  it('after the 填报截止 lists the sites below that have not submitted, in the caller’s subtree only', async () => {
    t.clock.set('2027-01-21T02:00:00Z'); // the day after the 填报截止; 12 working days after the submission
    const city = await below('qinhuangdao');
    expect(
      ours(city.items)
        .map((i) => i.siteName)
        .sort(),
    ).toEqual([DRAFT, NONE, WAITING].sort());
    expect(named(city.items, WAITING)).toMatchObject({ escalated: true });
    expect(named(city.items, DRAFT)).toMatchObject({
      kind: 'WORK_REPORT_UNSUBMITTED',
      reportId: draftId,
      typeLabel: '工作年度报表',
      orgStatus: '逾期未提交',
      siteCode: codes[DRAFT],
      siteOrgName: '海港区',
      holderCode: '130302',
      dueDate: '2027-01-20',
      overdue: true,
      escalated: true,
      link: `/org/work-reports?year=2026&q=${codes[DRAFT]}&view=${draftId}&mine=false`,
    });
    expect(named(city.items, NONE)).toMatchObject({
      kind: 'WORK_REPORT_UNSUBMITTED',
      reportId: null,
      orgStatus: '逾期未填报',
      holderCode: '130302',
      link: '/org/work-reports/progress?year=2026&org=130302',
    });
    // The 全部逾期 level lists them too.
    expect(ours((await below('qinhuangdao', '?level=overdue')).items)).toHaveLength(3);

    // The province also sees the site of 秦皇岛市 itself; 湖北省 and 海港区 (the holder) see none of these.
    const province = await below('hebei');
    expect(
      ours(province.items)
        .map((i) => i.siteName)
        .sort(),
    ).toEqual([CITY, DRAFT, NONE, WAITING].sort());
    expect(named(province.items, CITY)).toMatchObject({ holderCode: '130300', orgStatus: '逾期未填报' });
    expect(ours((await below('hubei')).items)).toEqual([]);
    expect(ours((await below('haigang')).items)).toEqual([]);
    expect(
      ours((await below('admin')).items)
        .map((i) => i.siteName)
        .sort(),
    ).toEqual([CITY, DRAFT, HUBEI, NONE, WAITING].sort());
  });

  it('pages the merged list in SQL: the pages add up to the whole list, in the same order', async () => {
    const all = await below('hebei', '?pageSize=100');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const keys: string[] = [];
    for (let page = 1; page <= all.total; page++) {
      const one = await below('hebei', `?pageSize=1&page=${page}`);
      expect(one.total).toBe(all.total);
      expect(one.items).toHaveLength(1);
      keys.push(one.items[0]?.key ?? '');
    }
    expect(keys).toEqual(all.items.map((i) => i.key));
  });

  it('stops listing the unsubmitted sites after the 发布截止, and follows the root’s window', async () => {
    t.clock.set('2027-02-01T02:00:00Z');
    const after = await below('hebei');
    expect(ours(after.items).map((i) => i.siteName)).toEqual([WAITING]);

    // The root moves the 填报截止 of 2026 to a later day: on 2027-01-21 nobody is late any more.
    t.clock.set('2027-01-21T02:00:00Z');
    await t.ctx.db
      .insertInto('work_report_windows')
      .values({
        year: 2026,
        fill_from: '2027-01-01',
        fill_to: '2027-01-25',
        publish_by: '2027-01-31',
        updated_at: new Date(),
      })
      .execute();
    expect(ours((await below('hebei')).items).map((i) => i.siteName)).toEqual([WAITING]);
  });
});
