// Level-by-level review over HTTP on a real database: the chain with the labels each unit sees, who may act,
// 退回, the bulk actions and compare-and-set under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantProgressText } from '../../src/domain/requests.ts';
import { makeApplication, makeSite, makeSiteRequest } from '../helpers/factories.ts';
import { type ReviewKit, type Row, reviewKit } from '../helpers/review.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let k: ReviewKit;
beforeAll(async () => {
  t = await createTestApp();
  k = await reviewKit(t);
});
afterAll(async () => {
  await t?.close();
});

const as = (u: string) => k.as(u);
const rowOf = (u: string, name: string) => k.rowOf(u, name);
const requestRow = (id: number) => k.requestRow(id);

describe('the full chain of a county department site (130302 → 130300 → 130000)', () => {
  it('ends 已办结 with the exact label at each unit along the way', async () => {
    const name = '海港区测试局网站';
    const { request } = await makeApplication(t.ctx.db, { orgCode: '130302', name });
    const labels = async () =>
      Object.fromEntries(
        await Promise.all(
          ['haigang', 'qinhuangdao', 'hebei', 'admin'].map(async (u) => [u, (await rowOf(u, name)).orgStatus]),
        ),
      );

    const first = await rowOf('haigang', name);
    expect(first).toMatchObject({
      province: '河北省',
      city: '秦皇岛市',
      county: '海港区',
      listStatus: '申请中',
      waitingForMe: true,
      siteCode: null,
      abilities: { approve: { allowed: true }, return: { allowed: true }, submit: { allowed: true } },
    });
    expect(await labels()).toEqual({ haigang: '未提交', qinhuangdao: '审核中', hebei: '审核中', admin: '审核中' });
    const early = await rowOf('qinhuangdao', name);
    expect(early.waitingForMe).toBe(false);
    expect(early.abilities).toMatchObject({
      approve: { allowed: false, reason: '审核流程尚未到达本单位，暂不能审核' },
    });

    const a1 = await as('haigang').post(`/api/requests/${request.id}/approve`, { version: 1 });
    expect(a1.status).toBe(200);
    expect(a1.body).toMatchObject({ state: 'IN_REVIEW', stepIndex: 1, version: 2, orgStatus: '已审核' });
    expect(await labels()).toEqual({ haigang: '已审核', qinhuangdao: '未审核', hebei: '审核中', admin: '审核中' });
    expect((await rowOf('haigang', name)).abilities).toMatchObject({
      approve: { allowed: false, reason: '本单位已审核，该申请已转上级组织单位审核' },
    });

    t.clock.advance(60_000);
    const a2 = await as('qinhuangdao').post(`/api/requests/${request.id}/approve`, {});
    expect(a2.status).toBe(200);
    expect(await labels()).toEqual({ haigang: '已审核', qinhuangdao: '已审核', hebei: '未审核', admin: '审核中' });
    const mid = await requestRow(request.id);
    expect(mid).toMatchObject({ state: 'IN_REVIEW', step_index: 2, current_org: '130000', version: 3 });
    expect(new Date(mid.step_entered_at).toISOString()).toBe(t.clock.now().toISOString());

    const a3 = await as('hebei').post(`/api/requests/${request.id}/approve`, {});
    expect(a3.status).toBe(200);
    expect(a3.body).toMatchObject({ state: 'CODE_PENDING', orgStatus: '已办结' });
    expect(await labels()).toEqual({ haigang: '已办结', qinhuangdao: '已办结', hebei: '已办结', admin: '已办结' });
    const done = await requestRow(request.id);
    expect(done).toMatchObject({ state: 'CODE_PENDING', current_org: null, version: 4 });
    expect(new Date(done.final_approved_at!).toISOString()).toBe(t.clock.now().toISOString());

    const again = await as('hebei').post(`/api/requests/${request.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该申请已处理（当前为“已办结，等待生成网站标识码”）');

    const trail = await as('hebei').get(`/api/sites/${first.id}/audit`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: Record<string, string>) => [e.unitName, e.person, e.action, e.from, e.to])).toEqual(
      [
        ['海港区', '海港区审核员', '审核通过', '未提交', '待秦皇岛市审核'],
        ['秦皇岛市', '秦皇岛市审核员', '审核通过', '待秦皇岛市审核', '待河北省审核'],
        ['河北省', '河北省审核员', '审核通过', '待河北省审核', '已办结（待生成网站标识码）'],
      ],
    );
  });
});

describe('only the unit whose turn it is may act', () => {
  it('answers 404 outside the subtree, a reason inside it, and leaves the row unchanged', async () => {
    const { request, site } = await makeApplication(t.ctx.db, { orgCode: '130302', name: '越权测试网站' });
    const before = await requestRow(request.id);
    for (const u of ['hubei', 'shanhaiguan']) {
      const res = await as(u).post(`/api/requests/${request.id}/approve`, {});
      expect(res.status, u).toBe(404);
      expect((await as(u).get(`/api/sites/${site.id}`)).status).toBe(404);
      expect((await as(u).get(`/api/sites/${site.id}/audit`)).status).toBe(404);
      expect((await as(u).get('/api/sites?name=越权测试网站')).body.total).toBe(0);
    }
    const early = await as('qinhuangdao').post(`/api/requests/${request.id}/approve`, {});
    expect(early.status).toBe(403);
    expect(early.body.message).toBe('审核流程尚未到达本单位，暂不能审核');
    const earlyReturn = await as('hebei').post(`/api/requests/${request.id}/return`, { reason: '不符合要求' });
    expect(earlyReturn.status).toBe(403);
    const stale = await as('haigang').post(`/api/requests/${request.id}/approve`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STATE_CONFLICT', message: '该申请已被其他人处理，请刷新后查看' });
    expect(await requestRow(request.id)).toEqual(before);
    const audit = await t.ctx.db.selectFrom('audit_log').select('id').where('request_id', '=', request.id).execute();
    expect(audit).toEqual([]);
  });

  it('offers 办结修改审核 instead of 审核 for a modification, and refuses one it cannot apply', async () => {
    const site = await makeSite(t.ctx.db, { orgCode: '130302', name: '修改中测试网站' });
    const req = await makeSiteRequest(t.ctx.db, site.id, { type: 'MODIFY', orgCode: '130302', isPortal: false });
    const row = await rowOf('haigang', '修改中测试网站');
    expect(row).toMatchObject({ orgStatus: '办结后修改', waitingForMe: true, listStatus: '正常' });
    expect((row.abilities as { approve: { reason: string } }).approve.reason).toContain('基本信息修改');
    expect(row.abilities).toMatchObject({ approveModification: { allowed: true } });
    // The factory's request carries no change set: approving it would apply nothing, so it is refused whole.
    const res = await as('haigang').post(`/api/requests/${req.id}/approve`, {});
    expect(res.status).toBe(409);
    expect((await requestRow(req.id)).state).toBe('SUBMITTED');
  });
});

describe('退回', () => {
  it('needs a reason of 1–500 characters; the applicant then sees 「审核未通过：<reason>」', async () => {
    const name = '退回测试网站';
    const { request, site } = await makeApplication(t.ctx.db, {
      orgCode: '130302',
      name,
      state: 'IN_REVIEW',
      stepIndex: 1,
    });
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: '长'.repeat(501) }]) {
      const res = await as('qinhuangdao').post(`/api/requests/${request.id}/return`, body);
      expect(res.status, JSON.stringify(body).slice(0, 30)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await requestRow(request.id)).state).toBe('IN_REVIEW');

    const res = await as('qinhuangdao').post(`/api/requests/${request.id}/return`, { reason: ' 网站名称不规范 ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'RETURNED', orgStatus: '审核未通过' });
    const row = await requestRow(request.id);
    expect(row).toMatchObject({ state: 'RETURNED', return_reason: '网站名称不规范', current_org: null });
    expect(applicantProgressText({ state: row.state, returnReason: row.return_reason }, t.clock.now())).toBe(
      '审核未通过：网站名称不规范',
    );
    expect((await rowOf('haigang', name)).orgStatus).toBe('审核未通过');
    const detail = await as('haigang').get(`/api/sites/${site.id}`);
    expect(detail.body.returnReason).toBe('网站名称不规范');
    const trail = await as('haigang').get(`/api/sites/${site.id}/audit`);
    expect(trail.body.items).toMatchObject([
      { unitName: '秦皇岛市', action: '退回', from: '待秦皇岛市审核', to: '审核未通过', comment: '网站名称不规范' },
    ]);
  });
});

describe('当页数据全部审核 / 当页数据全部提交', () => {
  it('reports each row of a page mixing actionable and non-actionable rows', async () => {
    const ready = await makeApplication(t.ctx.db, { name: '批量-待审', state: 'IN_REVIEW', stepIndex: 0 });
    const unsubmitted = await makeApplication(t.ctx.db, { name: '批量-未提交' });
    const upstream = await makeApplication(t.ctx.db, { name: '批量-已上报', state: 'IN_REVIEW', stepIndex: 1 });
    const site = await makeSite(t.ctx.db, { name: '批量-修改' });
    const modify = await makeSiteRequest(t.ctx.db, site.id, { type: 'MODIFY', orgCode: '130302', isPortal: false });
    const foreign = await makeApplication(t.ctx.db, { orgCode: '420102', name: '批量-湖北' });

    const page = await as('haigang').get('/api/sites?name=批量-&pageSize=20');
    const ids = (page.body.items as Row[]).map((r) => r.request!.id);
    expect((page.body.items as Row[]).map((r) => r.name).sort()).toEqual(
      ['批量-修改', '批量-已上报', '批量-待审', '批量-未提交'].sort(),
    );
    expect(ids).toHaveLength(4);
    const res = await as('haigang').post('/api/requests/bulk-approve', { ids: [...ids, foreign.request.id] });
    expect(res.status).toBe(200);
    const byId = new Map((res.body.results as { id: number }[]).map((r) => [r.id, r]));
    expect(byId.get(ready.request.id)).toEqual({ id: ready.request.id, siteName: '批量-待审', result: 'done' });
    expect(byId.get(unsubmitted.request.id)).toMatchObject({
      result: 'skipped',
      reason: expect.stringContaining('未提交'),
    });
    expect(byId.get(upstream.request.id)).toMatchObject({
      siteName: '批量-已上报',
      result: 'skipped',
      reason: '本单位已审核，该申请已转上级组织单位审核',
    });
    expect(byId.get(modify.id)).toMatchObject({ result: 'skipped', reason: '只处理新增网站申请' });
    expect(byId.get(foreign.request.id)).toEqual({
      id: foreign.request.id,
      siteName: '',
      result: 'skipped',
      reason: '申请不存在或无权查看',
    });
    expect(res.body).toMatchObject({ done: 1, skipped: 4 });
    expect((await requestRow(ready.request.id)).step_index).toBe(1);
    expect((await requestRow(foreign.request.id)).state).toBe('SUBMITTED');

    const submit = await as('haigang').post('/api/requests/bulk-submit', { ids });
    const submitted = (submit.body.results as { id: number; result: string }[]).filter((r) => r.result === 'done');
    expect(submitted.map((r) => r.id)).toEqual([unsubmitted.request.id]);
    expect(await requestRow(unsubmitted.request.id)).toMatchObject({ state: 'IN_REVIEW', step_index: 0 });
    expect((await rowOf('haigang', '批量-未提交')).orgStatus).toBe('未审核');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'from_state', 'to_state'])
      .where('request_id', '=', unsubmitted.request.id)
      .execute();
    expect(audit).toEqual([{ action: '全部提交', from_state: 'SUBMITTED', to_state: 'IN_REVIEW' }]);

    expect((await as('haigang').post('/api/requests/bulk-approve', { ids: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1);
    expect((await as('haigang').post('/api/requests/bulk-approve', { ids: tooMany })).status).toBe(400);
  });
});

describe('concurrent approvals', () => {
  it('20 clients of the same unit approving one step: one success, 19 conflicts, one audit entry', async () => {
    const { request } = await makeApplication(t.ctx.db, { name: '并发测试网站', state: 'IN_REVIEW', stepIndex: 0 });
    // Twenty browsers of one account, logged in one after another: parallel logins of one account are attempts
    // counted before their password is checked, and the sixth of a burst meets the lock (security-attempt-limits).
    const clients: TestClient[] = [];
    for (let i = 0; i < 20; i++) clients.push(await t.loginAs('haigang'));
    const results = await Promise.all(
      clients.map((cl) => cl.post(`/api/requests/${request.id}/approve`, { version: 1 })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const conflicts = results.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const r of conflicts) expect(r.body.code).toBe('STATE_CONFLICT');
    expect(await requestRow(request.id)).toMatchObject({ step_index: 1, version: 2, current_org: '130300' });
    const audit = await t.ctx.db.selectFrom('audit_log').select('id').where('request_id', '=', request.id).execute();
    expect(audit).toHaveLength(1);
  });
});
