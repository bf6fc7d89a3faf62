// SPEC §15: the day before a temporary offline ends, or an emergency offline reaches its online date, the site's
// 负责人 and 联系人 are mailed and a notice appears on its home page — once, however often the job runs.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/jobs/scheduler.ts';
import { makeSite } from '../helpers/factories.ts';
import { sh } from '../helpers/offline.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const job = () => {
  const found = JOBS.find((j) => j.name === 'offline-ending-reminders');
  if (!found) throw new Error('offline-ending-reminders is not scheduled');
  return found;
};

async function offlineSite(runStatus: 'TEMP_OFFLINE' | 'EMERGENCY_OFFLINE' | 'NORMAL', until: string | null) {
  const site = await makeSite(t.ctx.db, { orgCode: '130302', runStatus });
  await sql`UPDATE sites SET run_status_until = ${until}::date WHERE id = ${site.id}`.execute(t.ctx.db);
  return site;
}

const mailsOf = (siteName: string) =>
  t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject'])
    .where('kind', '=', 'OFFLINE_ENDING')
    .where('subject', 'like', `%${siteName}%`)
    .execute();

describe('the offline-ending reminder', () => {
  it('runs daily at 09:00 Asia/Shanghai', () => {
    expect(job().schedule).toBe('0 0 9 * * *');
  });

  it('tells each site whose offline ends tomorrow, by mail and notice, once', async () => {
    t.clock.set(sh('2026-12-09T09:00:00'));
    const temp = await offlineSite('TEMP_OFFLINE', '2026-12-10');
    const emergency = await offlineSite('EMERGENCY_OFFLINE', '2026-12-10');
    const later = await offlineSite('TEMP_OFFLINE', '2026-12-11');
    const normal = await offlineSite('NORMAL', null);

    expect(await job().run(t.ctx, 'SCHEDULE')).toBe('DONE: 2 sites told their offline ends tomorrow, 4 mails queued');
    const notices = await t.ctx.db
      .selectFrom('site_notices')
      .select(['site_id', 'title', 'body'])
      .where('kind', '=', 'OFFLINE_ENDING')
      .orderBy('site_id')
      .execute();
    expect(notices.map((n) => n.site_id)).toEqual([temp.id, emergency.id]);
    expect(notices[0]?.title).toBe(`网站明天恢复运行：${temp.name}（临时下线）`);
    expect(notices[0]?.body).toContain('临时下线将于 2026-12-10 到期，届时系统自动将网站运行状态恢复为「正常」');
    expect(notices[1]?.title).toBe(`网站明天恢复运行：${emergency.name}（紧急下线）`);
    expect(notices[1]?.body).toContain('紧急下线的预计上线日期为 2026-12-10');

    const mails = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject'])
      .where('kind', '=', 'OFFLINE_ENDING')
      .orderBy('id')
      .execute();
    expect(mails).toEqual([
      {
        to_address: 'wangwei@example.gov.cn',
        subject: `【政府网站信息报送系统】网站明天恢复运行：${temp.name}（临时下线）`,
      },
      {
        to_address: 'lina@example.gov.cn',
        subject: `【政府网站信息报送系统】网站明天恢复运行：${temp.name}（临时下线）`,
      },
      {
        to_address: 'wangwei@example.gov.cn',
        subject: `【政府网站信息报送系统】网站明天恢复运行：${emergency.name}（紧急下线）`,
      },
      {
        to_address: 'lina@example.gov.cn',
        subject: `【政府网站信息报送系统】网站明天恢复运行：${emergency.name}（紧急下线）`,
      },
    ]);
    expect(await mailsOf(later.name)).toEqual([]);
    expect(await mailsOf(normal.name)).toEqual([]);

    // Again the same day, and later that day: nothing new.
    expect(await job().run(t.ctx, 'SCHEDULE')).toBe('DONE: 0 sites told their offline ends tomorrow, 0 mails queued');
    t.clock.set(sh('2026-12-09T23:00:00'));
    expect(await job().run(t.ctx, 'SCHEDULE')).toMatch(/^DONE: 0 sites/);

    // The next day it is the turn of the one ending on the 11th.
    t.clock.set(sh('2026-12-10T09:00:00'));
    expect(await job().run(t.ctx, 'SCHEDULE')).toBe('DONE: 1 sites told their offline ends tomorrow, 2 mails queued');
  });
});
