// Issue 17 over HTTP on a real database: a site with an open modification and an emergency offline (SPEC §16 item 20)
// shows both in the list, 查看 and 待办, each decided by itself; 申报状态 after both end; the bulk dialog's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication } from '../helpers/factories.ts';
import { type OperatorSite, operatorSite } from '../helpers/offline.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

interface ShownRequest {
  id: number;
  type: string;
  kind: string;
  version: number;
  orgStatus: string;
  abilities: { approve: { allowed: boolean; reason?: string }; return: { allowed: boolean; reason?: string } };
}
interface Row {
  id: number;
  name: string;
  orgStatus: string;
  request: { id: number } | null;
  requests: ShownRequest[];
  abilities: { approveModification: { allowed: boolean } };
}

let t: TestApp;
let haigang: TestClient;
let qinhuangdao: TestClient;
let hebei: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  haigang = await t.loginAs('haigang');
  qinhuangdao = await t.loginAs('qinhuangdao');
  hebei = await t.loginAs('hebei');
});
afterAll(async () => {
  await t?.close();
});

/** `days` after the test clock's day, as YYYY-MM-DD in Asia/Shanghai. */
const dayAfter = (days: number) =>
  new Date(t.clock.now().getTime() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The steps: 申请取消政务服务平台, then 紧急下线. */
async function modificationAndEmergency(name: string): Promise<{ site: OperatorSite; mod: number; emergency: number }> {
  const site = await operatorSite(t, { name, isServicePlatform: true });
  const mod = await site.client.post('/api/site/service-platform', { isServicePlatform: false });
  expect(mod.status, JSON.stringify(mod.body)).toBe(200);
  const emergency = await site.client.post('/api/site/offline/requests', {
    kind: 'EMERGENCY',
    reason: '网站遭受攻击',
    onlineDate: dayAfter(3),
  });
  expect(emergency.status, JSON.stringify(emergency.body)).toBe(200);
  return { site, mod: mod.body.requestId, emergency: emergency.body.requestId };
}

async function rowOf(client: TestClient, site: OperatorSite, query = ''): Promise<Row | undefined> {
  const res = await client.get(`/api/sites?siteCode=${site.siteCode}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Row[]).find((r) => r.id === site.id);
}

const brief = (r: ShownRequest) => [
  r.type,
  r.kind,
  r.orgStatus,
  r.abilities.approve.allowed,
  r.abilities.return.allowed,
];

describe('a modification and an emergency offline open together (issue 17)', () => {
  it('shows both in the list, 查看 and 待办, each with its own 通过 / 退回; approving the modification leaves the emergency', async () => {
    const { site, mod, emergency } = await modificationAndEmergency('海港区共存测试网站一');

    const row = await rowOf(haigang, site);
    expect(row?.requests.map(brief)).toEqual([
      ['SERVICE_OFF', 'CHANGE', '办结后修改', true, true],
      ['OFFLINE_EMERGENCY', 'OFFLINE', '未提交', true, true],
    ]);
    expect(row?.orgStatus).toBe('申请取消政务服务平台：办结后修改；紧急下线：未提交');
    expect(row?.request?.id).toBe(mod);
    expect(row?.abilities.approveModification.allowed).toBe(true);
    // The upper unit sees both and may decide neither.
    expect((await rowOf(qinhuangdao, site))?.requests.map((r) => r.abilities.approve)).toEqual([
      { allowed: false, reason: '该申请不由本单位审核' },
      { allowed: false, reason: '审核流程尚未到达本单位，暂不能审核' },
    ]);
    // The filters see every open request, not only one of them.
    for (const query of [
      '&requestType=SERVICE_OFF',
      '&requestType=OFFLINE_EMERGENCY',
      '&orgStatus=MODIFICATION_PENDING',
    ]) {
      expect((await rowOf(haigang, site, query))?.id, query).toBe(site.id);
    }

    // 查看: the 修改内容对比 of the modification and the emergency's details.
    const detail = await haigang.get(`/api/sites/${site.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.requests.map((r: ShownRequest & { offline: unknown }) => [r.id, r.offline === null])).toEqual([
      [mod, true],
      [emergency, false],
    ]);
    expect(detail.body.requests[1].offline).toMatchObject({
      id: emergency,
      kind: 'EMERGENCY',
      reason: '网站遭受攻击',
      endDate: dayAfter(3),
      abilities: { approve: { allowed: true }, return: { allowed: true } },
    });
    const diff = await haigang.get(`/api/requests/${mod}/change-set`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ requestId: mod, typeLabel: '申请取消政务服务平台' });
    expect(diff.body.changeCount).toBeGreaterThan(0);

    // 待办: both, the modification's 去处理 naming the request in the site list.
    const inbox = await haigang.get('/api/inbox?pageSize=100');
    const items = (inbox.body.items as { requestId: number; link: string }[]).filter((i) =>
      [mod, emergency].includes(i.requestId),
    );
    expect(Object.fromEntries(items.map((i) => [i.requestId, i.link]))).toEqual({
      [mod]: `/org/sites?siteCode=${site.siteCode}&waitingForMe=true&request=${mod}`,
      [emergency]: '/org/offline',
    });

    const version = row?.requests[0]?.version;
    const approved = await haigang.post(`/api/requests/${mod}/approve`, { version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = await rowOf(haigang, site);
    expect(after?.requests.map(brief)).toEqual([['OFFLINE_EMERGENCY', 'OFFLINE', '未提交', true, true]]);
    expect(after?.orgStatus).toBe('未提交');
    const live = await t.ctx.db
      .selectFrom('sites')
      .select(['is_service_platform', 'run_status'])
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(live).toEqual({ is_service_platform: false, run_status: 'EMERGENCY_OFFLINE' });
  });

  it('approving the emergency leaves the modification open and decidable; 申报状态 then shows the one that ended last', async () => {
    const { site, mod, emergency } = await modificationAndEmergency('海港区共存测试网站二');
    expect((await haigang.post(`/api/offline-requests/${emergency}/approve`, {})).status).toBe(200);
    const row = await rowOf(haigang, site);
    expect(row?.requests.map(brief)).toEqual([
      ['SERVICE_OFF', 'CHANGE', '办结后修改', true, true],
      ['OFFLINE_EMERGENCY', 'OFFLINE', '已审核', false, false],
    ]);

    // The emergency ends first (acknowledged up the chain), the modification is returned later.
    t.clock.advance(60_000);
    expect((await qinhuangdao.post(`/api/offline-requests/${emergency}/approve`, {})).status).toBe(200);
    expect((await hebei.post(`/api/offline-requests/${emergency}/approve`, {})).status).toBe(200);
    t.clock.advance(60_000);
    const returned = await haigang.post(`/api/requests/${mod}/return`, { reason: '请补充说明' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);

    // Not the emergency's 「已办结」 (filed last), but the modification decided last.
    const ended = await rowOf(haigang, site);
    expect(ended?.orgStatus).toBe('修改后审核未通过');
    expect(ended?.requests.map((r) => [r.id, r.orgStatus])).toEqual([[mod, '修改后审核未通过']]);
    expect((await rowOf(haigang, site, '&orgStatus=MODIFICATION_RETURNED'))?.id).toBe(site.id);
    expect(await rowOf(haigang, site, '&orgStatus=DONE')).toBeUndefined();
    const detail = await haigang.get(`/api/sites/${site.id}`);
    expect(detail.body.site.orgStatus).toBe('修改后审核未通过');
    expect(detail.body.returnReason).toBe('请补充说明');
  });
});

describe('当页数据全部审核: reasons in the words of the list', () => {
  it('quotes the 申报状态 the list shows for each skipped row', async () => {
    const returned = await makeApplication(t.ctx.db, { name: '共存批量-退回', state: 'RETURNED' });
    const pending = await makeApplication(t.ctx.db, { name: '共存批量-办结', state: 'CODE_PENDING', stepIndex: 2 });
    const page = await haigang.get(`/api/sites?name=${encodeURIComponent('共存批量-')}`);
    const labels = new Map((page.body.items as Row[]).map((r) => [r.request?.id, r.orgStatus]));
    expect([...labels.values()].sort()).toEqual(['审核未通过', '已办结']);
    const res = await haigang.post('/api/requests/bulk-approve', { ids: [returned.request.id, pending.request.id] });
    expect(res.status).toBe(200);
    for (const r of res.body.results as { id: number; result: string; reason: string }[]) {
      expect(r.result).toBe('skipped');
      expect(r.reason).toBe(`该申请已处理（申报状态为“${labels.get(r.id)}”）`);
    }
  });
});
