// Races on one review step, on both databases: 50 clients of the unit that holds the step deciding at once (approve
// and return mixed), a reviewer and the applicant acting on one application at once, and the bulk actions clicked
// twice. Exactly one decision wins, with exactly one 审核流水 entry; every loser gets a 409 with a Chinese message.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/domain/messages/index.ts';
import { makeApplication, sampleInfo } from '../helpers/factories.ts';
import { createTestApp, type Res, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const CHINESE = /[\u4e00-\u9fff]/;

async function auditOf(requestId: number) {
  return t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'from_state', 'to_state', 'actor_org_code'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

function requestRow(id: number) {
  return t.ctx.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Every loser: 409, the conflict code and a Chinese message that tells the user to refresh. */
function expectConflicts(results: Res[]) {
  for (const r of results) {
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.code).toBe('STATE_CONFLICT');
    expect(r.body.message).toMatch(CHINESE);
  }
}

describe('50 concurrent decisions on one review step', () => {
  it('exactly one of 25 approvals and 25 returns wins; one audit entry; 49 clear 409s', async () => {
    // 海港区's application waiting at 秦皇岛市 (step 1 of 130302 → 130300 → 130000).
    const { request } = await makeApplication(t.ctx.db, {
      orgCode: '130302',
      name: '五十人并发审核网站',
      state: 'IN_REVIEW',
      stepIndex: 1,
    });
    const clients: TestClient[] = [];
    for (let i = 0; i < 50; i++) clients.push(await t.loginAs('qinhuangdao'));
    const results = await Promise.all(
      clients.map((c, i) =>
        i % 2 === 0
          ? c.post(`/api/requests/${request.id}/approve`, { version: 1 })
          : c.post(`/api/requests/${request.id}/return`, { version: 1, reason: `第${i}位审核人退回` }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expectConflicts(results.filter((r) => r.status !== 200));
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.message).toBe(MESSAGES.requestStateConflict);

    const winner = winners[0]!;
    const row = await requestRow(request.id);
    expect(row.version).toBe(2);
    const audit = await auditOf(request.id);
    expect(audit).toHaveLength(1);
    if (winner.body.state === 'RETURNED') {
      expect(row).toMatchObject({ state: 'RETURNED', current_org: null });
      expect(audit[0]).toMatchObject({ action: '退回', from_state: 'IN_REVIEW', to_state: 'RETURNED' });
    } else {
      expect(row).toMatchObject({ state: 'IN_REVIEW', step_index: 2, current_org: '130000' });
      expect(audit[0]).toMatchObject({ action: '审核通过', from_state: 'IN_REVIEW', to_state: 'IN_REVIEW' });
    }
    expect(audit[0]!.actor_org_code).toBe('130300');
    // The decision's mails and notice are written by its own statement (issue 22): the 49 losers left none.
    const mails = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address'])
      .where('request_id', '=', request.id)
      .execute();
    const notices = await t.ctx.db
      .selectFrom('site_notices')
      .select('kind')
      .where('request_id', '=', request.id)
      .execute();
    const returned = winner.body.state === 'RETURNED';
    expect(mails.length).toBeGreaterThan(0);
    for (const m of [...mails, ...notices]) expect(m.kind === 'RETURNED').toBe(returned);
    expect(new Set(mails.map((m) => `${m.kind} ${m.to_address}`)).size).toBe(mails.length);
    expect(notices.length).toBeLessThanOrEqual(1);
  });

  it('a client that did not send the version still loses cleanly (403 not-my-turn or 409), never a second decision', async () => {
    const { request } = await makeApplication(t.ctx.db, { orgCode: '130302', state: 'IN_REVIEW', stepIndex: 0 });
    const clients: TestClient[] = [];
    for (let i = 0; i < 10; i++) clients.push(await t.loginAs('haigang'));
    const results = await Promise.all(clients.map((c) => c.post(`/api/requests/${request.id}/approve`, {})));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect([403, 409]).toContain(r.status);
      expect(r.body.message).toMatch(CHINESE);
    }
    expect(await auditOf(request.id)).toHaveLength(1);
    expect(await requestRow(request.id)).toMatchObject({ step_index: 1, version: 2 });
  });
});

describe('reviewer and applicant at once', () => {
  it('an approval and the applicant’s withdrawal of a SUBMITTED application: exactly one applies', async () => {
    const info = sampleInfo({
      name: '审核撤回竞争网站',
      homeUrl: 'https://race-withdraw.hg.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const applicant = t.client({ ip: '10.77.0.1' });
    const submitted = await applicant.post('/api/public/applications', info, {
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(submitted.status).toBe(200);
    const { tempCode } = submitted.body as { tempCode: string };
    const site = await t.ctx.db
      .selectFrom('sites')
      .innerJoin('requests', 'requests.site_id', 'sites.id')
      .select(['requests.id as requestId', 'sites.id as siteId'])
      .where('sites.name', '=', info.name)
      .executeTakeFirstOrThrow();
    const reviewer = await t.loginAs('haigang');
    const [approve, withdraw] = await Promise.all([
      reviewer.post(`/api/requests/${site.requestId}/approve`, { version: 1 }),
      applicant.post('/api/public/applications/withdraw', { tempCode }),
    ]);
    expect([approve.status, withdraw.status].filter((s) => s === 200)).toHaveLength(1);
    // A late withdrawal is a 409. A late approval either read the request before the withdrawal committed and lost
    // the compare-and-set (409 「已被其他人处理」), or finds the application gone (withdrawn applications are not
    // shown to the organizing units: the list's 404). Both in Chinese.
    if (approve.status === 200) expect(withdraw.status).toBe(409);
    else expect([404, 409]).toContain(approve.status);
    expect((approve.status === 200 ? withdraw : approve).body.message).toMatch(CHINESE);

    const row = await requestRow(site.requestId);
    const siteRow = await t.ctx.db
      .selectFrom('sites')
      .select('run_status')
      .where('id', '=', site.siteId)
      .executeTakeFirstOrThrow();
    const audit = await auditOf(site.requestId);
    expect(audit.map((a) => a.action)).toEqual(['提交', approve.status === 200 ? '审核通过' : '撤回']);
    if (approve.status === 200) {
      expect(row.state).toBe('IN_REVIEW');
      expect(siteRow.run_status).toBe('APPLYING');
    } else {
      expect(row.state).toBe('WITHDRAWN');
      expect(siteRow.run_status).toBe('WITHDRAWN');
    }
  });
});

describe('bulk actions clicked twice', () => {
  it('当页数据全部审核 sent twice at once approves each request once', async () => {
    const apps = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        makeApplication(t.ctx.db, { orgCode: '130302', name: `批量并发${i}`, state: 'IN_REVIEW', stepIndex: 0 }),
      ),
    );
    const ids = apps.map((a) => a.request.id);
    const [a, b] = await Promise.all([
      (await t.loginAs('haigang')).post('/api/requests/bulk-approve', { ids }),
      (await t.loginAs('haigang')).post('/api/requests/bulk-approve', { ids }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const done = [a, b].flatMap((r) =>
      (r.body.results as { id: number; result: string }[]).filter((x) => x.result === 'done').map((x) => x.id),
    );
    expect(done.sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    for (const id of ids) {
      expect(await requestRow(id)).toMatchObject({ step_index: 1, version: 2 });
      expect(await auditOf(id)).toHaveLength(1);
    }
  });

  it('当页数据全部提交 sent twice at once submits each request once', async () => {
    const apps = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        makeApplication(t.ctx.db, { orgCode: '130302', name: `批量提交并发${i}`, state: 'SUBMITTED', stepIndex: 0 }),
      ),
    );
    const ids = apps.map((a) => a.request.id);
    const [a, b] = await Promise.all([
      (await t.loginAs('haigang')).post('/api/requests/bulk-submit', { ids }),
      (await t.loginAs('haigang')).post('/api/requests/bulk-submit', { ids }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const done = [a, b].flatMap((r) =>
      (r.body.results as { id: number; result: string }[]).filter((x) => x.result === 'done').map((x) => x.id),
    );
    expect(done.sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    for (const id of ids) expect(await auditOf(id)).toHaveLength(1);
  });
});
