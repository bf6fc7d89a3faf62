// 待办 / 已办 / 下级超期 and review deadlines over HTTP: waiting working days with weekends skipped, 「逾期」 in the
// inbox and the site list, reminders and escalations sent once, the parent's view, overdue statistics, the digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDailyDigests } from '../../src/server/modules/notifications/daily-digest.ts';
import { runDeadlineAlerts } from '../../src/server/modules/notifications/deadline-alerts.ts';
import { makeApplication, makeSite, makeSiteRequest } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
const MONDAY = new Date('2026-11-02T02:00:00Z'); // 10:00 in Asia/Shanghai
const A = '海港区逾期测试网站';
const B = '海港区未提交测试网站';
const LATER = '海港区周三到达测试网站';
let modifySiteCode: string;

type Item = { siteName: string; requestId?: number; [key: string]: unknown };
const byName = (items: Item[], name: string) => items.find((i) => i.siteName === name);
const names = (items: Item[]) => items.map((i) => i.siteName).sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  await makeApplication(db, { orgCode: '130302', name: A, state: 'IN_REVIEW', stepIndex: 0, at: MONDAY });
  await makeApplication(db, { orgCode: '130302', name: B, at: MONDAY });
  const site = await makeSite(db, { orgCode: '130302', name: '海港区修改测试网站', seq: 11, at: MONDAY });
  modifySiteCode = site.site_code ?? '';
  await makeSiteRequest(db, site.id, { type: 'MODIFY', orgCode: '130302', isPortal: false, at: MONDAY });
  const other = await makeSite(db, { orgCode: '130302', name: '海港区下线测试网站', seq: 12, at: MONDAY });
  await makeSiteRequest(db, other.id, { type: 'OFFLINE_TEMP', orgCode: '130302', isPortal: false, at: MONDAY });
  await makeApplication(db, { orgCode: '130302', name: LATER, at: new Date('2026-11-04T02:00:00Z') });
});
afterAll(async () => {
  await t?.close();
});

const as = (user: string) => t.loginAs(user);

describe('待办', () => {
  it('lists what waits for the unit with its type, site, waiting days and where to act; the badge counts it', async () => {
    t.clock.set('2026-11-04T03:00:00Z');
    const haigang = await as('haigang');
    const res = await haigang.get('/api/inbox');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 5, deadlineDays: 5 });
    const requestOf = (name: string) => (byName(res.body.items, name) as { requestId: number }).requestId;
    expect(byName(res.body.items, A)).toMatchObject({
      typeLabel: '新增网站',
      orgStatus: '未审核',
      holderName: '海港区',
      waitingDays: 2,
      dueDate: '2026-11-09',
      overdue: false,
      // 去处理 names the request: the list opens its own 通过 / 退回 (issue 17).
      link: `/org/sites?name=${encodeURIComponent(A).replace(/%20/g, '+')}&waitingForMe=true&request=${requestOf(A)}`,
    });
    expect(byName(res.body.items, B)).toMatchObject({ orgStatus: '未提交', typeLabel: '新增网站' });
    expect(byName(res.body.items, '海港区修改测试网站')).toMatchObject({
      typeLabel: '基本信息修改',
      link: `/org/sites?siteCode=${modifySiteCode}&waitingForMe=true&request=${requestOf('海港区修改测试网站')}`,
    });
    expect(byName(res.body.items, '海港区下线测试网站')).toMatchObject({ typeLabel: '临时下线', link: '/org/offline' });
    expect((await haigang.get('/api/inbox/count')).body).toEqual({ count: 5, overdue: 0 });
    expect((await (await as('qinhuangdao')).get('/api/inbox/count')).body).toEqual({ count: 0, overdue: 0 });
    expect((await t.client().get('/api/inbox/count')).status).toBe(401);
  });
});

describe('deadlines', () => {
  it('is not 逾期 after 5 working days (a weekend in between), but is after 6', async () => {
    t.clock.set('2026-11-09T09:00:00Z'); // Monday 17:00, a week later: 5 working days
    expect(byName((await (await as('haigang')).get('/api/inbox')).body.items, A)).toMatchObject({
      waitingDays: 5,
      overdue: false,
    });

    t.clock.set('2026-11-10T02:00:00Z'); // Tuesday: 6 working days
    const haigang = await as('haigang');
    const inbox = (await haigang.get('/api/inbox')).body;
    expect(byName(inbox.items, A)).toMatchObject({ waitingDays: 6, overdue: true, escalated: false });
    expect(byName(inbox.items, LATER)).toMatchObject({ waitingDays: 4, overdue: false });
    expect((await haigang.get('/api/inbox/count')).body).toEqual({ count: 5, overdue: 4 });
    const row = (await haigang.get(`/api/sites?name=${encodeURIComponent(A)}`)).body.items[0];
    expect(row).toMatchObject({ name: A, overdue: true });
    expect((await haigang.get(`/api/sites?name=${encodeURIComponent(LATER)}`)).body.items[0].overdue).toBe(false);

    // The parent sees it among 下级超期 at the 逾期 level, not yet at the escalated level (its default).
    const qinhuangdao = await as('qinhuangdao');
    const below = (await qinhuangdao.get('/api/inbox/overdue-below?level=overdue')).body;
    expect(names(below.items)).toEqual(names(inbox.items.filter((i: Item) => i.overdue)));
    expect(byName(below.items, A)).toMatchObject({
      holderName: '海港区',
      overdue: true,
      link: expect.not.stringContaining('waitingForMe'),
    });
    expect((await qinhuangdao.get('/api/inbox/overdue-below')).body.total).toBe(0);
    // Strictly below: a unit's own steps are its 待办, not its 下级超期.
    expect((await haigang.get('/api/inbox/overdue-below?level=overdue')).body.total).toBe(0);
  });

  it('reminds the unit once per step', async () => {
    const first = await runDeadlineAlerts(t.ctx);
    expect(first).toMatchObject({ status: 'DONE', reminders: 4, escalations: 0 });
    expect(first.mails).toBeGreaterThanOrEqual(4);
    const mails = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body'])
      .where('kind', '=', 'REMINDER')
      .execute();
    expect(mails.map((m) => m.subject)).toContain(`【政府网站信息报送系统】审核逾期提醒：${A}（新增网站）`);
    expect(mails[0]?.body).toContain('等待 6 个工作日，超过 5 个工作日的办理时限');
    expect(await runDeadlineAlerts(t.ctx)).toMatchObject({ reminders: 0, escalations: 0, mails: 0 });
  });

  it('escalates past twice the deadline: the parent (and higher units) see it in 下级超期 and the parent is mailed', async () => {
    t.clock.set('2026-11-17T02:00:00Z'); // 11 working days after Monday 11-02
    for (const user of ['qinhuangdao', 'hebei', 'admin']) {
      const below = (await (await as(user)).get('/api/inbox/overdue-below')).body;
      expect(below.total, user).toBe(4);
      expect(byName(below.items, A), user).toMatchObject({ escalated: true, waitingDays: 11, holderCode: '130302' });
    }
    expect((await (await as('hubei')).get('/api/inbox/overdue-below')).body.total).toBe(0);

    const run = await runDeadlineAlerts(t.ctx);
    expect(run).toMatchObject({ reminders: 1, escalations: 4 }); // the Wednesday arrival is 逾期 by now
    const parent = await t.ctx.db
      .selectFrom('org_units')
      .select(['principal', 'contacts'])
      .where('code', '=', '130300')
      .executeTakeFirstOrThrow();
    const escalations = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject'])
      .where('kind', '=', 'ESCALATION')
      .execute();
    expect(escalations.map((m) => m.subject)).toContain(`【政府网站信息报送系统】下级审核超期：${A}（新增网站）`);
    expect(new Set(escalations.map((m) => m.to_address))).toContain(parent.principal?.email);
    expect((await runDeadlineAlerts(t.ctx)).escalations).toBe(0);

    const stats = (await (await as('hebei')).get('/api/stats/overdue')).body;
    expect(stats.totals).toEqual({ open: 5, overdue: 5, escalated: 4 });
    expect(stats.rows[0]).toMatchObject({ code: '130000', name: '河北省（本级）', open: 0 });
    expect(stats.rows.find((r: { code: string }) => r.code === '130300')).toMatchObject({
      open: 5,
      overdue: 5,
      escalated: 4,
    });
    const county = (await (await as('qinhuangdao')).get('/api/stats/overdue?org=130302')).body;
    expect(county.rows[0]).toMatchObject({ code: '130302', open: 5, overdue: 5, escalated: 4 });
    expect((await (await as('haigang')).get('/api/stats/overdue?org=130000')).status).toBe(404);
  });
});

describe('已办 and the digest', () => {
  it('shows what the unit decided; the next unit’s step starts afresh', async () => {
    const haigang = await as('haigang');
    const a = byName((await haigang.get('/api/inbox')).body.items, A);
    expect((await haigang.post(`/api/requests/${a?.requestId}/approve`, {})).status).toBe(200);
    const done = (await haigang.get('/api/inbox/done')).body;
    expect(done.items[0]).toMatchObject({
      action: '审核通过',
      siteName: A,
      typeLabel: '新增网站',
      person: '海港区审核员',
    });
    expect((await haigang.get('/api/inbox/count')).body).toEqual({ count: 4, overdue: 4 });
    const next = byName((await (await as('qinhuangdao')).get('/api/inbox')).body.items, A);
    expect(next).toMatchObject({ waitingDays: 0, overdue: false, orgStatus: '未审核' });
  });

  it('needs an address to switch the digest on, and sends one digest per user and day', async () => {
    const haigang = await as('haigang');
    expect((await haigang.get('/api/inbox/settings')).body).toEqual({ digestEnabled: false, email: null });
    const refused = await haigang.post('/api/inbox/settings', { digestEnabled: true });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('开启每日待办汇总须填写接收邮箱');
    const saved = await haigang.post('/api/inbox/settings', { digestEnabled: true, email: 'HaiGang@Example.GOV.cn' });
    expect(saved.body).toEqual({ digestEnabled: true, email: 'HaiGang@example.gov.cn' });
    expect((await sendDailyDigests(t.ctx)).queued).toBe(1);
    expect((await sendDailyDigests(t.ctx)).queued).toBe(0);
    const digest = await t.ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('kind', '=', 'DIGEST')
      .executeTakeFirstOrThrow();
    expect(digest).toMatchObject({
      to_address: 'HaiGang@example.gov.cn',
      subject: '【政府网站信息报送系统】每日待办：海港区共 4 项（逾期 4 项）',
    });
    expect(digest.body).toContain('海港区修改测试网站（基本信息修改）');
  });
});
