// E-mail notifications against a real SMTP listener: who is told when a step moves, no 校验码 in any mail, an SMTP
// outage that neither blocks nor loses anything, SMTP switched off, retries that give up, the operator's notices.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { unitAddresses } from '../../src/domain/notifications.ts';
import { issuedCredentials } from '../../src/server/modules/issuance/credentials.ts';
import { issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import {
  MAX_MAIL_ATTEMPTS,
  SMTP_OFF_MESSAGE,
  sendPendingMails,
} from '../../src/server/modules/notifications/send-pending-mails.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { sh } from '../helpers/issuance.ts';
import { type SmtpListener, startSmtpListener } from '../helpers/smtp-listener.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let smtp: SmtpListener;
const APPLICANT = ['wangwei@example.gov.cn', 'lina@example.gov.cn']; // sampleInfo's 负责人 and 联系人

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpListener();
  t.ctx.config.mail = loadConfig({
    GOVSITE_SMTP_HOST: '127.0.0.1',
    GOVSITE_SMTP_PORT: String(smtp.port),
    GOVSITE_MAIL_FROM: '政府网站信息报送系统 <noreply@govsite.test>',
  }).mail;
});
afterAll(async () => {
  await smtp?.stop();
  await t?.close();
});

const deliver = () => sendPendingMails(t.ctx);
const subject = (what: string, name: string) => `【政府网站信息报送系统】${what}：${name}（新增网站）`;

async function submit(name: string): Promise<number> {
  const info = sampleInfo({
    name,
    homeUrl: `https://${randomUUID().slice(0, 8)}.example.gov.cn/`,
    orgCode: '130302',
    isPortal: false,
  });
  const res = await t.client().post('/api/public/applications', info, { headers: { 'idempotency-key': randomUUID() } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const row = await t.ctx.db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select('r.id')
    .where('s.name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function approve(user: string, requestId: number): Promise<void> {
  const res = await (await t.loginAs(user)).post(`/api/requests/${requestId}/approve`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function unitMail(code: string): Promise<string[]> {
  const unit = await t.ctx.db
    .selectFrom('org_units')
    .select(['principal', 'contacts'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return unitAddresses({ principal: unit.principal, contacts: unit.contacts });
}

const withSubject = (address: string, text: string) => smtp.to(address).filter((m) => m.subject === text);

describe('who is told when a step moves', () => {
  const name = '海港区通知测试局网站';
  let requestId: number;

  it('tells the first unit on submission, then the next unit and the applicant contacts exactly once', async () => {
    requestId = await submit(name);
    const first = await unitMail('130302');
    expect(first.length).toBeGreaterThan(0);
    expect((await deliver()).sent).toBe(first.length);
    for (const address of first) expect(withSubject(address, subject('待审核', name))).toHaveLength(1);

    smtp.mails.length = 0;
    await approve('haigang', requestId);
    const next = await unitMail('130300');
    expect(next.length).toBeGreaterThan(0);
    expect(await deliver()).toMatchObject({ status: 'DONE', sent: next.length + APPLICANT.length, retried: 0 });
    for (const address of next) expect(withSubject(address, subject('待审核', name))).toHaveLength(1);
    for (const address of APPLICANT) {
      const mails = smtp.to(address);
      expect(mails.map((m) => m.subject)).toEqual([subject('审核进度', name)]);
      expect(mails[0]?.text).toContain('通过海港区审核，现转秦皇岛市审核');
      expect(mails[0]?.from).toBe('noreply@govsite.test');
    }
    expect(smtp.mails).toHaveLength(next.length + APPLICANT.length);
    const statuses = await t.ctx.db.selectFrom('mail_outbox').select('status').distinct().execute();
    expect(statuses.map((s) => s.status)).toEqual(['SENT']);
  });

  it('never puts the 校验码 in any mail: final approval and issuance mail the 标识码 only', async () => {
    await approve('qinhuangdao', requestId);
    await approve('hebei', requestId);
    t.clock.set(sh('2026-11-02T16:00:05'));
    const run = await issueCodes(t.ctx, { trigger: 'MANUAL' });
    expect(run.errors).toEqual([]);
    const site = await t.ctx.db.selectFrom('sites').select('id').where('name', '=', name).executeTakeFirstOrThrow();
    const creds = await issuedCredentials(t.ctx.db, t.ctx.keys, site.id);
    const checkCode = creds?.checkCode ?? '';
    expect(checkCode).toMatch(/^\S{6,}$/);
    await deliver();

    const issued = withSubject(APPLICANT[0]!, `【政府网站信息报送系统】网站标识码已生成：${name}`);
    expect(issued).toHaveLength(1);
    expect(issued[0]?.text).toContain(`网站标识码：${creds?.siteCode}`);
    expect(withSubject(APPLICANT[1]!, subject('审核通过', name))).toHaveLength(1);
    expect(smtp.mails.length).toBeGreaterThan(5);
    for (const mail of smtp.mails) {
      expect(`${mail.subject}\n${mail.text}\n${mail.raw}`).not.toContain(checkCode);
    }
    const stored = await t.ctx.db.selectFrom('mail_outbox').select(['subject', 'body']).execute();
    for (const row of stored) expect(`${row.subject}${row.body}`).not.toContain(checkCode);

    // The operator finds the decisions on its home page, newest first, and marks them read.
    const operator = t.client();
    const login = await operator.post('/api/auth/site-login', { siteCode: creds?.siteCode, checkCode });
    expect(login.status).toBe(200);
    const notices = await operator.get('/api/site/notices');
    expect(notices.status).toBe(200);
    expect(notices.body.items.map((n: { title: string }) => n.title)).toEqual([
      `网站标识码已生成：${name}`,
      `审核通过：${name}（新增网站）`,
      `审核进度：${name}（新增网站）`,
      `审核进度：${name}（新增网站）`,
    ]);
    expect(notices.body.unread).toBe(4);
    for (const n of notices.body.items) expect(n.body).not.toContain(checkCode);
    const read = await operator.post('/api/site/notices/read', { ids: [notices.body.items[0].id] });
    expect(read.body).toEqual({ updated: 1 });
    expect((await operator.post('/api/site/notices/read', {})).body).toEqual({ updated: 3 });
    expect((await operator.get('/api/site/notices')).body.unread).toBe(0);
  });
});

describe('an SMTP outage', () => {
  it('neither blocks the approval nor loses its mails: they go out once the listener is back', async () => {
    const name = '海港区断网测试局网站';
    const requestId = await submit(name);
    await deliver();
    smtp.mails.length = 0;

    await smtp.stop();
    await approve('haigang', requestId);
    const row = await t.ctx.db
      .selectFrom('requests')
      .select(['state', 'step_index'])
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'IN_REVIEW', step_index: 1 });
    const down = await deliver();
    expect(down).toMatchObject({ sent: 0, retried: 1, failed: 0 });
    const waiting = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['status', 'attempts', 'next_attempt_at', 'last_error'])
      .where('request_id', '=', requestId)
      .where('last_error', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(waiting.attempts).toBe(1);
    expect(waiting.status).toBe('PENDING');
    expect(new Date(waiting.next_attempt_at).getTime()).toBe(t.clock.now().getTime() + 30_000);
    expect(waiting.last_error).toBeTruthy();

    await smtp.start();
    await deliver(); // the mails not tried yet go now; the one that failed waits for its retry time
    t.clock.advance(31_000);
    await deliver();
    const expected = [...(await unitMail('130300')), ...APPLICANT];
    for (const address of expected) expect(smtp.to(address)).toHaveLength(1);
    expect(smtp.mails).toHaveLength(expected.length);
    const left = await t.ctx.db.selectFrom('mail_outbox').select('id').where('status', '<>', 'SENT').execute();
    expect(left).toEqual([]);
  });
});

describe('without SMTP, and when a mail keeps failing', () => {
  it('queues the mails and marks them 未发送 (SKIPPED) when SMTP is not configured', async () => {
    const saved = t.ctx.config.mail;
    t.ctx.config.mail = { ...saved, smtp: null };
    try {
      const requestId = await submit('海港区未配置邮件测试网站');
      const queued = await t.ctx.db
        .selectFrom('mail_outbox')
        .select('status')
        .where('request_id', '=', requestId)
        .execute();
      expect(queued.length).toBeGreaterThan(0);
      expect(await deliver()).toMatchObject({ status: 'SMTP_OFF', skipped: queued.length });
      const rows = await t.ctx.db
        .selectFrom('mail_outbox')
        .select(['status', 'last_error'])
        .where('request_id', '=', requestId)
        .execute();
      expect(new Set(rows.map((r) => `${r.status}:${r.last_error}`))).toEqual(new Set([`SKIPPED:${SMTP_OFF_MESSAGE}`]));
    } finally {
      t.ctx.config.mail = saved;
    }
  });

  it('gives up after the last attempt (FAILED), backing off exponentially in between', async () => {
    const requestId = await submit('海港区退信测试网站');
    const failing = { send: async () => Promise.reject(new Error('550 mailbox unavailable')), close: () => {} };
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      await sendPendingMails(t.ctx, { mailer: failing });
      t.clock.advance(7 * 3600_000);
    }
    const rows = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('request_id', '=', requestId)
      .execute();
    expect(rows).toHaveLength((await unitMail('130302')).length);
    for (const r of rows)
      expect(r).toEqual({ status: 'FAILED', attempts: MAX_MAIL_ATTEMPTS, last_error: '550 mailbox unavailable' });
  });
});
