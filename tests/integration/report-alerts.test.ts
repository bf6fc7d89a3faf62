// 年度报表 in 待办 and their deadlines, on a real database and the real mail outbox (delivered to a real SMTP
// listener): a submitted 工作年度报表 in its 本级 unit's 待办 and badge, a 监管年度报表 in the root's; review
// reminders past N working days and escalations past 2N; the 填报单位 reminded before the 填报截止 and its unit told
// after it — every alert once, however often the job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { sendDailyDigests } from '../../src/server/modules/notifications/daily-digest.ts';
import { runDeadlineAlerts } from '../../src/server/modules/notifications/deadline-alerts.ts';
import { sendPendingMails } from '../../src/server/modules/notifications/send-pending-mails.ts';
import { makeSite, makeWorkReport } from '../helpers/factories.ts';
import { type SmtpListener, startSmtpListener } from '../helpers/smtp-listener.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const SUBMITTED_AT = new Date('2027-01-05T02:00:00Z'); // Tuesday 10:00 in Shanghai
const WAITING = '海港区年报待审网站';
const DRAFT = '海港区年报草稿网站';
const NONE = '海港区年报未填网站';
const APPROVED = '海港区年报已通过网站';

let t: TestApp;
let smtp: SmtpListener;
let waitingId = 0;
let supervisionId = 0;
let noneSiteCode = '';

beforeAll(async () => {
  t = await createTestApp({ now: '2027-01-05T03:00:00Z' });
  smtp = await startSmtpListener();
  t.ctx.config.mail = loadConfig({
    GOVSITE_SMTP_HOST: '127.0.0.1',
    GOVSITE_SMTP_PORT: String(smtp.port),
    GOVSITE_MAIL_FROM: '政府网站信息报送系统 <noreply@govsite.test>',
  }).mail;
  const db = t.ctx.db;
  // Only this test's sites must report: the seeded ones are out of the way.
  await db.updateTable('sites').set({ run_status: 'PERM_OFFLINE' }).where('run_status', '=', 'NORMAL').execute();
  const at = new Date('2026-03-02T02:00:00Z');
  const report = (siteId: number, state: 'SUBMITTED' | 'DRAFT' | 'APPROVED') =>
    makeWorkReport(db, { siteId, state, at: SUBMITTED_AT });
  waitingId = await report((await makeSite(db, { orgCode: '130302', name: WAITING, seq: 801, at })).id, 'SUBMITTED');
  await report((await makeSite(db, { orgCode: '130302', name: DRAFT, seq: 802, at })).id, 'DRAFT');
  const none = await makeSite(db, { orgCode: '130302', name: NONE, seq: 803, at });
  noneSiteCode = none.site_code ?? '';
  await report((await makeSite(db, { orgCode: '130302', name: APPROVED, seq: 804, at })).id, 'APPROVED');
  // The 监管年度报表 is created over HTTP (its prefill computed from the register), then marked submitted.
  const created = await (await t.loginAs('hebei')).post('/api/supervision-reports', { year: 2026 });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  supervisionId = created.body.id;
  await db
    .updateTable('supervision_reports')
    .set({ state: 'SUBMITTED', submitted_at: SUBMITTED_AT })
    .where('id', '=', supervisionId)
    .execute();
});
afterAll(async () => {
  await smtp?.stop();
  await t?.close();
});

type Item = { kind: string; siteName: string; [key: string]: unknown };

async function outbox(kind: 'REMINDER' | 'ESCALATION') {
  return t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject', 'body'])
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}

describe('待办', () => {
  it('lists a submitted 工作年度报表 for its 本级 unit with a link that opens it, and counts it in the badge', async () => {
    const haigang = await t.loginAs('haigang');
    const inbox = (await haigang.get('/api/inbox')).body;
    const item = inbox.items.find((i: Item) => i.kind === 'WORK_REPORT');
    expect(item).toMatchObject({
      key: `WORK_REPORT:${waitingId}`,
      reportId: waitingId,
      requestId: null,
      typeLabel: '工作年度报表',
      orgStatus: '待审核',
      siteName: WAITING,
      holderCode: '130302',
      waitingDays: 0,
      overdue: false,
    });
    expect(item.link).toBe(`/org/work-reports?year=2026&q=${item.siteCode}&view=${waitingId}`);
    expect(inbox.items.filter((i: Item) => i.kind !== 'REQUEST')).toHaveLength(1);
    expect((await haigang.get('/api/inbox/count')).body.count).toBe(inbox.total);
    // Units above see it in their review lists, not in their 待办.
    const above = (await (await t.loginAs('qinhuangdao')).get('/api/inbox')).body.items;
    expect(above.filter((i: Item) => i.kind === 'WORK_REPORT')).toEqual([]);
  });

  it('lists a submitted 监管年度报表 in the root’s 待办 only', async () => {
    const admin = await t.loginAs('admin');
    const items = (await admin.get('/api/inbox')).body.items.filter((i: Item) => i.kind === 'SUPERVISION_REPORT');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      reportId: supervisionId,
      typeLabel: '监管年度报表',
      siteId: null,
      link: `/org/supervision-reports?year=2026&id=${supervisionId}`,
    });
    const hebei = (await (await t.loginAs('hebei')).get('/api/inbox')).body.items;
    expect(hebei.filter((i: Item) => i.kind === 'SUPERVISION_REPORT')).toEqual([]);
  });
});

describe('daily digest', () => {
  it('lists the report waiting for the unit beside its requests', async () => {
    const haigang = await t.loginAs('haigang');
    const saved = await haigang.post('/api/inbox/settings', { digestEnabled: true, email: 'nianbao@example.gov.cn' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await sendDailyDigests(t.ctx);
    const digest = await t.ctx.db
      .selectFrom('mail_outbox')
      .select('body')
      .where('kind', '=', 'DIGEST')
      .where('to_address', '=', 'nianbao@example.gov.cn')
      .executeTakeFirstOrThrow();
    expect(digest.body).toContain(`${WAITING}（工作年度报表），已等待 0 个工作日`);
  });
});

describe('reminders and escalation', () => {
  it('reminds the reviewing units once after N working days', async () => {
    t.clock.set('2027-01-12T02:00:00Z'); // 5 working days: within the deadline
    expect((await runDeadlineAlerts(t.ctx)).reportAlerts).toBe(0);

    t.clock.set('2027-01-13T02:00:00Z'); // 6 working days
    const first = await runDeadlineAlerts(t.ctx);
    expect(first.reportAlerts).toBe(2); // the work report to 海港区, the supervision report to the root
    const reminders = (await outbox('REMINDER')).filter((m) => m.subject.includes('年度报表审核逾期提醒'));
    expect(reminders.map((m) => m.subject)).toContain(`【政府网站信息报送系统】年度报表审核逾期提醒：${WAITING}`);
    expect(reminders.some((m) => m.body.includes('监管年度报表'))).toBe(true);
    expect(reminders.find((m) => m.subject.endsWith(WAITING))?.body).toContain('等待 6 个工作日');
    expect((await (await t.loginAs('haigang')).get('/api/inbox/count')).body.overdue).toBeGreaterThanOrEqual(1);

    const again = await runDeadlineAlerts(t.ctx);
    expect(again).toMatchObject({ reportAlerts: 0, mails: 0 });
  });

  it('reminds each 填报单位 that has not submitted, 3 working days before the 填报截止, once', async () => {
    t.clock.set('2027-01-14T02:00:00Z'); // Thursday: 4 working days before 01-20
    expect((await runDeadlineAlerts(t.ctx)).reportAlerts).toBe(0);

    t.clock.set('2027-01-15T02:00:00Z'); // Friday: 3 working days before
    const run = await runDeadlineAlerts(t.ctx);
    expect(run.reportAlerts).toBe(2);
    const fill = (await outbox('REMINDER')).filter((m) => m.subject.includes('即将截止填报'));
    const named = (name: string) => fill.filter((m) => m.body.includes(name));
    expect(named(DRAFT).length).toBeGreaterThan(0);
    expect(named(NONE).length).toBeGreaterThan(0);
    expect(named(NONE)[0]?.body).toContain(noneSiteCode);
    expect(named(WAITING)).toEqual([]);
    expect(named(APPROVED)).toEqual([]);
    expect(await runDeadlineAlerts(t.ctx)).toMatchObject({ reportAlerts: 0, mails: 0 });
  });

  it('after the 填报截止 tells the 本级 unit once, in one mail listing its sites; escalates the review past 2N', async () => {
    t.clock.set('2027-01-21T02:00:00Z'); // 12 working days after 01-05; the day after the 填报截止
    const run = await runDeadlineAlerts(t.ctx);
    // The unit's list, and the work report's escalation to 秦皇岛市 (the root's report has no one above).
    expect(run.reportAlerts).toBe(2);
    const escalations = await outbox('ESCALATION');
    const list = escalations.filter((m) => m.subject.includes('逾期未提交'));
    expect(new Set(list.map((m) => m.subject))).toEqual(
      new Set(['【政府网站信息报送系统】2026年度工作年度报表逾期未提交：2 个网站']),
    );
    expect(list[0]?.body).toContain(DRAFT);
    expect(list[0]?.body).toContain(NONE);
    expect(list[0]?.body).not.toContain(WAITING);
    const parent = await t.ctx.db
      .selectFrom('org_units')
      .select(['principal'])
      .where('code', '=', '130300')
      .executeTakeFirstOrThrow();
    const review = escalations.filter((m) => m.subject === `【政府网站信息报送系统】下级年度报表审核超期：${WAITING}`);
    expect(review.map((m) => m.to_address)).toContain((parent.principal as { email?: string } | null)?.email);
    expect(review[0]?.body).toContain('海港区');

    expect(await runDeadlineAlerts(t.ctx)).toMatchObject({ reportAlerts: 0, mails: 0 });
    t.clock.set('2027-01-22T02:00:00Z');
    expect(await runDeadlineAlerts(t.ctx)).toMatchObject({ reportAlerts: 0, mails: 0 });
  });

  it('delivers the alerts through SMTP', async () => {
    await sendPendingMails(t.ctx);
    const subjects = smtp.mails.map((m) => m.subject);
    expect(subjects).toContain(`【政府网站信息报送系统】年度报表审核逾期提醒：${WAITING}`);
    expect(subjects).toContain('【政府网站信息报送系统】2026年度工作年度报表逾期未提交：2 个网站');
    expect(subjects.filter((s) => s.includes('即将截止填报')).length).toBeGreaterThan(0);
  });

  it('shows the decisions in 已办 and takes the reports out of 待办', async () => {
    const haigang = await t.loginAs('haigang');
    const version = (
      await t.ctx.db.selectFrom('work_reports').select('version').where('id', '=', waitingId).executeTakeFirstOrThrow()
    ).version;
    const approved = await haigang.post(`/api/work-reports/${waitingId}/approve`, { version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const done = (await haigang.get('/api/inbox/done')).body;
    expect(done.items[0]).toMatchObject({
      kind: 'WORK_REPORT',
      reportId: waitingId,
      requestId: null,
      typeLabel: '工作年度报表',
      siteName: WAITING,
      action: '工作年度报表审核通过',
      link: expect.stringContaining(`view=${waitingId}`),
    });
    const inbox = (await haigang.get('/api/inbox')).body.items;
    expect(inbox.filter((i: Item) => i.kind === 'WORK_REPORT')).toEqual([]);

    const admin = await t.loginAs('admin');
    const { version: supervisionVersion } = await t.ctx.db
      .selectFrom('supervision_reports')
      .select('version')
      .where('id', '=', supervisionId)
      .executeTakeFirstOrThrow();
    const returned = await admin.post(`/api/supervision-reports/${supervisionId}/return`, {
      version: supervisionVersion,
      reason: '请补充说明',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect((await admin.get('/api/inbox/done')).body.items[0]).toMatchObject({
      kind: 'SUPERVISION_REPORT',
      reportId: supervisionId,
      typeLabel: '监管年度报表',
      link: `/org/supervision-reports?year=2026&id=${supervisionId}`,
    });
  });
});
