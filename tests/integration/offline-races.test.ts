// Offline actions twice at once: each state change happens exactly once (row lock / compare-and-set), the other
// caller gets a 409 with a Chinese message, and the 审核流水 holds one entry. Also the job run twice in parallel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOfflineTransitions } from '../../src/server/modules/offline/run-offline-transitions.ts';
import { operatorSite, runStatusOf, sh } from '../helpers/offline.ts';
import { createTestApp, type Res, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const twice = <T>(fn: () => Promise<T>) => Promise.all([fn(), fn()]);
const sorted = (results: Res[]) => results.map((r) => r.status).sort();

function expectOneRefusedClearly(results: Res[]) {
  expect(sorted(results)).toEqual([200, 409]);
  const refused = results.find((r) => r.status === 409);
  expect(refused?.body.message).toMatch(/[\u4e00-\u9fff]/);
}

async function auditCount(action: string, siteCode: string): Promise<number> {
  const rows = await t.ctx.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('site_code', '=', siteCode)
    .execute();
  return rows.length;
}

async function approvedChain(requestId: number): Promise<void> {
  for (const u of ['haigang', 'qinhuangdao', 'hebei']) {
    expect((await (await t.loginAs(u)).post(`/api/offline-requests/${requestId}/approve`, {})).status).toBe(200);
  }
}

describe('the 填报单位 twice at once', () => {
  it('下线申请: one request', async () => {
    t.clock.set(sh('2026-11-02T10:00:00'));
    const s = await operatorSite(t);
    const body = { kind: 'TEMP', reason: '改版', plannedDate: '2026-11-10', restoreDate: '2026-11-20' };
    expectOneRefusedClearly(await twice(() => s.client.post('/api/site/offline/requests', body)));
    const rows = await t.ctx.db.selectFrom('requests').select('id').where('site_id', '=', s.id).execute();
    expect(rows).toHaveLength(1);
    expect(await auditCount('提交', s.siteCode)).toBe(1);
  });

  it('紧急下线: one request, one status change', async () => {
    const s = await operatorSite(t);
    const body = { kind: 'EMERGENCY', reason: '遭受攻击', onlineDate: '2026-11-05' };
    expectOneRefusedClearly(await twice(() => s.client.post('/api/site/offline/requests', body)));
    expect(await auditCount('紧急下线', s.siteCode)).toBe(1);
    // 恢复上线 twice: one restore.
    expectOneRefusedClearly(await twice(() => s.client.post('/api/site/offline/restore', {})));
    expect(await auditCount('恢复上线', s.siteCode)).toBe(1);
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });
  });

  it('完成下线: one completion', async () => {
    const s = await operatorSite(t);
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: '整合',
      plannedDate: '2026-11-02',
    });
    await approvedChain(applied.body.requestId);
    const body = {
      icpCancelled: true,
      psbCancelled: true,
      conacCancelled: true,
      domainCancelled: true,
      acknowledgeWarnings: true,
    };
    const results = await twice(() => s.client.post('/api/site/offline/complete', body));
    // The loser is refused either by the state (409) or, once the winner committed, by the read-only rule (403).
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.find((r) => r.status !== 200)?.status).toBeOneOf([403, 409]);
    expect(await auditCount('完成下线', s.siteCode)).toBe(1);
  });
});

describe('the organizing units twice at once', () => {
  it('通过 and 驳回 of one step: one decision', async () => {
    const s = await operatorSite(t);
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: '整合',
      plannedDate: '2026-11-20',
    });
    const a: TestClient = await t.loginAs('haigang');
    const b: TestClient = await t.loginAs('haigang');
    const results = await Promise.all([
      a.post(`/api/offline-requests/${applied.body.requestId}/approve`, { version: 1 }),
      b.post(`/api/offline-requests/${applied.body.requestId}/return`, { reason: '材料不全', version: 1 }),
    ]);
    expectOneRefusedClearly(results);
    const decisions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('request_id', '=', applied.body.requestId)
      .where('action', 'in', ['审核通过', '驳回'])
      .execute();
    expect(decisions).toHaveLength(1);
  });

  it('例外, 删除 and 恢复正常: one change each', async () => {
    const s = await operatorSite(t);
    const admin = await t.loginAs('admin');
    const hebei = await t.loginAs('hebei');
    const both = (path: string) =>
      Promise.all([
        admin.post(`/api/sites/${s.id}/${path}`, { reason: '并发测试' }),
        hebei.post(`/api/sites/${s.id}/${path}`, { reason: '并发测试' }),
      ]);
    expectOneRefusedClearly(await both('exception'));
    expectOneRefusedClearly(await both('restore'));
    expectOneRefusedClearly(await both('delete'));
    expect(await auditCount('设为例外', s.siteCode)).toBe(1);
    expect(await auditCount('恢复正常', s.siteCode)).toBe(1);
    expect(await auditCount('删除', s.siteCode)).toBe(1);
  });
});

describe('the job twice at once', () => {
  it('restores a site once', async () => {
    t.clock.set(sh('2026-11-02T10:00:00'));
    const s = await operatorSite(t);
    await s.client.post('/api/site/offline/requests', { kind: 'EMERGENCY', reason: '故障', onlineDate: '2026-11-04' });
    t.clock.set(sh('2026-11-04T00:00:30'));
    const [x, y] = await twice(() => runOfflineTransitions(t.ctx));
    expect((x?.restored ?? 0) + (y?.restored ?? 0)).toBe(1);
    expect(await auditCount('恢复正常', s.siteCode)).toBe(1);
  });
});
