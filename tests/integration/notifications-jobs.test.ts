// The notification jobs run by two instances at the same moment have exactly one effect: each queued mail delivered
// once (to a real SMTP listener), one reminder per step, one digest per user and day. On PostgreSQL the two instances
// are two connection pools on one database; on PGlite they are two runs in the one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db/database.ts';
import type { JobDefinition } from '../../src/jobs/job.ts';
import { dailyDigestJob, deadlineAlertsJob, mailWorkerJob } from '../../src/jobs/mail-worker.ts';
import type { AppContext } from '../../src/server/context.ts';
import { queueMails } from '../../src/server/modules/notifications/repository.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { makeApplication } from '../helpers/factories.ts';
import { type SmtpListener, startSmtpListener } from '../helpers/smtp-listener.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { usingPostgres } from '../helpers/test-database.ts';

let t: TestApp;
let smtp: SmtpListener;
let second: Database | null = null;
let a: AppContext;
let b: AppContext;

beforeAll(async () => {
  [t, smtp] = await Promise.all([createTestApp(), startSmtpListener()]);
  const mail = loadConfig({ GOVSITE_SMTP_HOST: '127.0.0.1', GOVSITE_SMTP_PORT: String(smtp.port) }).mail;
  const config = { ...t.ctx.config, mail };
  a = { ...t.ctx, config };
  if (usingPostgres()) {
    second = await openDatabase({ databaseUrl: t.testDb.databaseUrl, dataDir: '', poolSize: 4 });
    b = { db: second.db, dbKind: 'postgres', clock: t.clock, keys: await loadKeys(second.db, 'test-secret'), config };
  } else {
    b = a;
  }
});
afterAll(async () => {
  await second?.close();
  await smtp?.stop();
  await t?.close();
});

const runOnBoth = (job: JobDefinition) => Promise.all([job.run(a, 'SCHEDULE'), job.run(b, 'SCHEDULE')]);

describe('notification jobs on two instances at once', () => {
  it('mail-worker: each queued mail delivered once', async () => {
    const at = t.clock.now();
    const to = Array.from({ length: 8 }, (_, i) => `user${i}@example.gov.cn`);
    const text = { subject: '【政府网站信息报送系统】测试', body: '正文' };
    await queueMails(t.ctx.db, to, { kind: 'DIGEST', requestId: null, text, at });
    await runOnBoth(mailWorkerJob);
    await runOnBoth(mailWorkerJob);
    for (const address of to) expect(smtp.to(address), address).toHaveLength(1);
    const rows = await t.ctx.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
    expect(rows).toHaveLength(to.length);
    for (const row of rows) expect(row).toEqual({ status: 'SENT', attempts: 1 });
  });

  it('deadline-alerts: one reminder per step, mailed once', async () => {
    const { request } = await makeApplication(t.ctx.db, {
      orgCode: '130302',
      state: 'IN_REVIEW',
      stepIndex: 0,
      at: new Date('2026-11-02T02:00:00Z'),
    });
    t.clock.set('2026-11-10T02:10:00Z'); // 6 working days later
    await runOnBoth(deadlineAlertsJob);
    await runOnBoth(deadlineAlertsJob);
    const alerts = await t.ctx.db.selectFrom('step_alerts').selectAll().where('request_id', '=', request.id).execute();
    expect(alerts.map((r) => r.kind)).toEqual(['REMINDER']);
    const unit = await t.ctx.db
      .selectFrom('org_units')
      .select('contacts')
      .where('code', '=', '130302')
      .executeTakeFirstOrThrow();
    const reminders = await t.ctx.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('kind', '=', 'REMINDER')
      .where('request_id', '=', request.id)
      .execute();
    expect(reminders.map((r) => r.to_address).sort()).toEqual(unit.contacts.map((c) => c.email).sort());
  });

  it('daily-digest: one digest per user and day', async () => {
    await t.ctx.db
      .updateTable('users')
      .set({ digest_enabled: true, email: 'haigang@example.gov.cn' })
      .where('username', '=', 'haigang')
      .execute();
    t.clock.set('2026-11-10T00:00:00Z'); // 08:00 in Asia/Shanghai
    await runOnBoth(dailyDigestJob);
    await runOnBoth(dailyDigestJob);
    const digests = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject'])
      .where('kind', '=', 'DIGEST')
      .where('to_address', '=', 'haigang@example.gov.cn')
      .execute();
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe('【政府网站信息报送系统】每日待办：海港区共 1 项（逾期 1 项）');
  });
});
