// 下线审核 over HTTP: the chain of a county department site (county → city → province), no unit acting out of turn,
// the run-status change on the last approval, the labels of SPEC §7.8 on both sides byte for byte, 驳回 of an
// emergency, and a permanent offline through 完成下线 to a read-only login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, offlineRowOf, operatorSite, runStatusOf, sh, siteListRowOf } from '../helpers/offline.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let haigang: TestClient;
let qinhuangdao: TestClient;
let hebei: TestClient;
let admin: TestClient;

/** Moves the clock and logs the units in again (a day's jump ends every idle session). */
async function at(local: string) {
  t.clock.set(sh(local));
  haigang = await t.loginAs('haigang');
  qinhuangdao = await t.loginAs('qinhuangdao');
  hebei = await t.loginAs('hebei');
  admin = await t.loginAs('admin');
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the chain of a county department site (130302 → 130300 → 130000)', () => {
  it('climbs one unit at a time; no unit acts out of turn; the last approval takes the site offline', async () => {
    await at('2026-11-02T10:00:00');
    const s = await operatorSite(t, { orgCode: '130302' });
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'TEMP',
      reason: '机房搬迁',
      plannedDate: '2026-11-02',
      restoreDate: '2026-11-20',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const id = applied.body.requestId as number;
    const labels = async () =>
      Promise.all([haigang, qinhuangdao, hebei, admin].map(async (c) => (await offlineRowOf(c, s.name)).orgStatus));

    expect(await labels()).toEqual(['未提交', '审核中', '审核中', '审核中']);
    const first = await offlineRowOf(haigang, s.name);
    expect(first).toMatchObject({
      waitingForMe: true,
      kindLabel: '临时下线',
      listStatus: '正常',
      endDate: '2026-11-20',
    });
    expect((first.chain as { name: string }[]).map((c) => c.name)).toEqual(['海港区', '秦皇岛市', '河北省']);
    const early = await offlineRowOf(hebei, s.name);
    expect(early.waitingForMe).toBe(false);
    expect(early.abilities.approve).toEqual({ allowed: false, reason: '审核流程尚未到达本单位，暂不能审核' });

    const tooEarly = await qinhuangdao.post(`/api/offline-requests/${id}/approve`, {});
    expect(tooEarly.status).toBe(403);
    expect(tooEarly.body.message).toBe('审核流程尚未到达本单位，暂不能审核');
    const outside = await (await t.loginAs('hubei')).post(`/api/offline-requests/${id}/approve`, {});
    expect(outside.status).toBe(404);
    const sibling = await (await t.loginAs('shanhaiguan')).post(`/api/offline-requests/${id}/approve`, {});
    expect(sibling.status).toBe(404);
    const stale = await haigang.post(`/api/offline-requests/${id}/approve`, { version: 9 });
    expect(stale.status).toBe(409);

    const a1 = await haigang.post(`/api/offline-requests/${id}/approve`, { version: 1 });
    expect(a1.body).toMatchObject({ state: 'IN_REVIEW', stepIndex: 1, orgStatus: '已审核', runStatus: 'NORMAL' });
    expect(await labels()).toEqual(['已审核', '未审核', '审核中', '审核中']);
    const again = await haigang.post(`/api/offline-requests/${id}/approve`, {});
    expect(again.status).toBe(403);
    expect(again.body.message).toBe('本单位已审核，该申请已转上级组织单位审核');
    expect((await qinhuangdao.post(`/api/offline-requests/${id}/approve`, {})).status).toBe(200);
    expect(await labels()).toEqual(['已审核', '已审核', '未审核', '审核中']);
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });

    const last = await hebei.post(`/api/offline-requests/${id}/approve`, {});
    expect(last.body).toMatchObject({
      state: 'DONE',
      orgStatus: '已办结',
      runStatus: 'TEMP_OFFLINE',
      listStatus: '暂时下线恢复开通时间：2026-11-20',
    });
    expect(await labels()).toEqual(['已办结', '已办结', '已办结', '已办结']);
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'TEMP_OFFLINE', until: '2026-11-20' });
    expect((await auditOf(t, id)).map((e) => [e.action, e.actor_name, e.from_state, e.to_state])).toEqual([
      ['提交', s.siteCode, null, 'SUBMITTED'],
      ['审核通过', '海港区审核员', 'SUBMITTED', 'IN_REVIEW'],
      ['审核通过', '秦皇岛市审核员', 'IN_REVIEW', 'IN_REVIEW'],
      ['审核通过', '河北省审核员', 'IN_REVIEW', 'DONE'],
      ['临时下线', '河北省审核员', '正常', '临时下线'],
    ]);

    // SPEC §7.8, both sides, byte for byte.
    expect((await siteListRowOf(qinhuangdao, s.name))?.listStatus).toBe('暂时下线恢复开通时间：2026-11-20');
    expect((await offlineRowOf(admin, s.name)).listStatus).toBe('暂时下线恢复开通时间：2026-11-20');
    const view = await s.client.get('/api/site/offline');
    expect(view.body.site.runStatusLabel).toBe('下线申请通过');
    expect(view.body.requests[0].label).toBe('下线申请通过');
    expect(view.body.abilities.restore).toEqual({ allowed: true });

    // 恢复上线 before the date.
    const restored = await s.client.post('/api/site/offline/restore', {});
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });
    expect((await s.client.get('/api/site/offline')).body.trail.at(-1)).toMatchObject({
      action: '恢复上线',
      from: '临时下线',
      to: '正常',
    });
  });

  it('starts a portal-free city-level department site at the city and ends at the province', async () => {
    const s = await operatorSite(t, { orgCode: '130300' });
    const res = await s.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: '整合',
      plannedDate: '2026-12-01',
    });
    const row = await t.ctx.db
      .selectFrom('requests')
      .select('chain')
      .where('id', '=', res.body.requestId)
      .executeTakeFirstOrThrow();
    expect(row.chain).toEqual(['130300', '130000']);
    expect((await offlineRowOf(qinhuangdao, s.name)).orgStatus).toBe('未提交');
    await expect(offlineRowOf(haigang, s.name)).rejects.toThrow();
  });
});

describe('紧急下线: acknowledged or refused by the chain', () => {
  it('shows both labels; 驳回 puts the site back to 正常 and flags the request', async () => {
    await at('2026-11-03T09:00:00');
    const s = await operatorSite(t);
    const res = await s.client.post('/api/site/offline/requests', {
      kind: 'EMERGENCY',
      reason: '服务器故障',
      onlineDate: '2026-11-06',
    });
    expect(res.status).toBe(200);
    expect((await offlineRowOf(haigang, s.name)).listStatus).toBe('网站运行状态为：紧急下线并于 2026-11-06 上线');
    expect((await siteListRowOf(hebei, s.name))?.listStatus).toBe('网站运行状态为：紧急下线并于 2026-11-06 上线');
    expect((await s.client.get('/api/site/offline')).body.site.runStatusLabel).toBe('紧急下线，并于 2026-11-06 上线');

    expect((await haigang.post(`/api/offline-requests/${res.body.requestId}/approve`, {})).status).toBe(200);
    const noReason = await qinhuangdao.post(`/api/offline-requests/${res.body.requestId}/return`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    const back = await qinhuangdao.post(`/api/offline-requests/${res.body.requestId}/return`, {
      reason: '不属于紧急情况',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'RETURNED', runStatus: 'NORMAL', listStatus: '正常' });
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });
    const row = await offlineRowOf(hebei, s.name);
    expect(row).toMatchObject({ rejected: true, orgStatus: '审核未通过', returnReason: '不属于紧急情况' });
    const trail = await auditOf(t, res.body.requestId);
    expect(trail.at(-1)).toMatchObject({ action: '恢复正常', actor_name: '秦皇岛市审核员', to_state: '正常' });
    expect((await s.client.get('/api/site/offline')).body.requests[0].label).toBe('审核未通过：不属于紧急情况');
  });
});

describe('永久下线 through 完成下线 (SPEC §7.6.3)', () => {
  it('refuses 完成下线 before approval, then shows each side its label, then makes the login read-only', async () => {
    await at('2026-11-04T10:00:00');
    const s = await operatorSite(t);
    const checklist = {
      noticeUrl: 'https://www.example.gov.cn/notice.html',
      noticePostedDate: '2026-10-01',
      icpCancelled: true,
      psbCancelled: true,
      conacCancelled: true,
      domainCancelled: true,
    };
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: '整合至市政府门户网站',
      plannedDate: '2026-11-10',
      migrationUrl: 'https://www.qhd.gov.cn/',
    });
    const tooSoon = await s.client.post('/api/site/offline/complete', checklist);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.message).toBe('永久下线申请审核通过后才能完成下线');

    for (const c of [haigang, qinhuangdao, hebei]) {
      expect((await c.post(`/api/offline-requests/${applied.body.requestId}/approve`, {})).status).toBe(200);
    }
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'PERM_OFFLINE_PENDING', until: null });
    expect((await siteListRowOf(haigang, s.name))?.listStatus).toBe('永久下线（待完成下线）');
    expect((await offlineRowOf(hebei, s.name)).listStatus).toBe('永久下线（待完成下线）');
    const pending = await s.client.get('/api/site/offline');
    expect(pending.body.site.runStatusLabel).toBe('下线申请通过');
    expect(pending.body.abilities.complete).toEqual({ allowed: true });

    // Missing evidence and a fresh notice are warnings to acknowledge, not blocks.
    const warned = await s.client.post('/api/site/offline/complete', {
      ...checklist,
      noticePostedDate: '2026-10-20',
      domainCancelled: false,
    });
    expect(warned.status).toBe(400);
    expect(warned.body.details.warnings).toEqual([
      '迁移公告发布不足 30 天（2026-10-20 发布，至今 15 天）',
      '尚未注销域名',
    ]);
    const done = await s.client.post('/api/site/offline/complete', {
      ...checklist,
      noticePostedDate: '2026-10-20',
      domainCancelled: false,
      acknowledgeWarnings: true,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ runStatus: 'PERM_OFFLINE', runStatusLabel: '永久下线' });
    expect((await siteListRowOf(haigang, s.name))?.listStatus).toBe('永久下线');
    const closed = await s.client.get('/api/site/offline');
    expect(closed.body.site).toMatchObject({ runStatusLabel: '永久下线', readOnly: true });
    expect(closed.body.trail.at(-1)).toMatchObject({
      action: '完成下线',
      from: '永久下线（待完成下线）',
      to: '永久下线',
    });

    // Read-only: every state-changing site route is refused with one message; reading still works.
    for (const [url, body] of [
      ['/api/site/offline/requests', { kind: 'EMERGENCY', reason: 'x', onlineDate: '2026-11-06' }],
      ['/api/site/offline/restore', {}],
      ['/api/site/offline/complete', checklist],
    ] as const) {
      const res = await s.client.post(url, body);
      expect(res.status, url).toBe(403);
      expect(res.body.message).toBe('该网站已永久下线，填报单位账号只能查看，不能再提交申请或修改信息');
    }
    expect((await s.client.get('/api/site/offline')).status).toBe(200);
    expect((await s.client.post('/api/auth/logout', {})).status).toBe(200);
  });
});
