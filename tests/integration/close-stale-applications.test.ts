// SPEC §16 item 2: a new-site application left returned for 90 days is closed by the daily job and its name and URL
// are released; an application returned 90 days less a second ago, or resubmitted in time, is left alone.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/jobs/scheduler.ts';
import { DAY } from '../../src/server/clock.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const job = () => {
  const found = JOBS.find((j) => j.name === 'close-stale-applications');
  if (!found) throw new Error('close-stale-applications is not scheduled');
  return found;
};

/** Submits an application under 海港区 and has 海港区 return it now; answers its 临时码 and ids. */
async function returnedApplication(name: string, host: string) {
  const body = sampleInfo({ name, homeUrl: `https://${host}/`, orgCode: '130302', isPortal: false });
  const applicant = t.client({ ip: '10.90.0.1' });
  const submitted = await applicant.post('/api/public/applications', body, {
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const row = await t.ctx.db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select(['r.id', 'r.site_id'])
    .where('s.name', '=', name)
    .executeTakeFirstOrThrow();
  const reviewer = await t.loginAs('haigang');
  const returned = await reviewer.post(`/api/requests/${row.id}/return`, { reason: '请补充栏目信息' });
  expect(returned.status, JSON.stringify(returned.body)).toBe(200);
  return { body, tempCode: (submitted.body as { tempCode: string }).tempCode, requestId: row.id, siteId: row.site_id };
}

async function stateOf(requestId: number) {
  return t.ctx.db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select(['r.state', 's.run_status'])
    .where('r.id', '=', requestId)
    .executeTakeFirstOrThrow();
}

describe('closing applications left returned for 90 days', () => {
  it('closes at 90 days, not a second before; releases the name; tells the applicant; runs once', async () => {
    const start = t.clock.now();
    const stale = await returnedApplication('超期退回测试局网站', 'stale90.hg.gov.cn');
    t.clock.set(new Date(start.getTime() + 1000));
    const later = await returnedApplication('超期退回较晚测试局网站', 'stale90b.hg.gov.cn');
    const resubmitted = await returnedApplication('超期退回已重交测试局网站', 'stale90c.hg.gov.cn');

    // 89 days later the applicant resubmits the third one.
    t.clock.set(new Date(start.getTime() + 89 * DAY));
    const again = await t.client({ ip: '10.90.0.2' }).post('/api/public/applications/resubmit', {
      tempCode: resubmitted.tempCode,
      info: resubmitted.body,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);

    // 90 days less a second after the first return: nothing is due.
    t.clock.set(new Date(start.getTime() + 90 * DAY - 1000));
    expect(await job().runAtStartup?.(t.ctx)).toBe(false);
    expect(await job().run(t.ctx, 'SCHEDULE')).toMatch(/^closed 0 /);
    expect(await stateOf(stale.requestId)).toEqual({ state: 'RETURNED', run_status: 'APPLYING' });

    // At 90 days the first is closed; the second (returned a second later) only on the next run.
    t.clock.set(new Date(start.getTime() + 90 * DAY));
    expect(await job().runAtStartup?.(t.ctx)).toBe(true);
    expect(await job().run(t.ctx, 'SCHEDULE')).toMatch(/^closed 1 /);
    expect(await stateOf(stale.requestId)).toEqual({ state: 'WITHDRAWN', run_status: 'WITHDRAWN' });
    expect(await stateOf(later.requestId)).toEqual({ state: 'RETURNED', run_status: 'APPLYING' });
    expect((await stateOf(resubmitted.requestId)).state).toBe('SUBMITTED');

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', stale.requestId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['提交', '退回', '超期关闭']);
    expect(audit[2]).toMatchObject({ actor_type: 'SYSTEM', from_state: 'RETURNED', to_state: 'WITHDRAWN' });
    expect(audit[2]?.comment).toContain('90 天未重新提交');

    // The applicant's 临时码 query explains it, and the application can no longer be resubmitted or withdrawn.
    const progress = await t.client({ ip: '10.90.0.3' }).post('/api/public/progress', { tempCode: stale.tempCode });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({
      state: 'WITHDRAWN',
      text: '已关闭：退回后 90 天内未重新提交，网站名称和网址已释放',
      canResubmit: false,
      canWithdraw: false,
    });

    // The name and URL are free for a new application.
    const fresh = await t.client({ ip: '10.90.0.4' }).post('/api/public/applications', stale.body, {
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);

    // A second run at the same moment changes nothing.
    expect(await job().run(t.ctx, 'SCHEDULE')).toMatch(/^closed 0 /);
    const closings = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', '超期关闭').execute();
    expect(closings).toHaveLength(1);
  });
});
