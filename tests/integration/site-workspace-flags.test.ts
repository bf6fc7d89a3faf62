// The portal and 政务服务平台 flags, 其他域名, 撤回, run-status rules and the root's 栏目 dictionary, over HTTP on a
// real database: who reviews each request, the one-portal-per-org rule under concurrency, host uniqueness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../helpers/factories.ts';
import { type ReviewKit, reviewKit } from '../helpers/review.ts';
import { actionOf, homeOf, openForm, operatorOf, requestsOf, siteRecord } from '../helpers/site-workspace.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let k: ReviewKit;
beforeAll(async () => {
  t = await createTestApp();
  k = await reviewKit(t);
});
afterAll(async () => {
  await t?.close();
});

async function approve(user: string, requestId: number) {
  const res = await k.as(user).post(`/api/requests/${requestId}/approve`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('portal flag (SPEC §7.3, §16 item 3)', () => {
  it('goes to the 上级 unit to apply and to the 本级 unit to cancel', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130306', name: '抚宁区人民政府网站' });
    const on = await client.post('/api/site/portal', { isPortal: true });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body).toMatchObject({ type: 'PORTAL_ON', state: 'SUBMITTED', statusLabel: '修改未审核' });
    const [first] = await requestsOf(t, site.id);
    expect(first!.chain).toEqual(['130300']);
    expect((await k.rowOf('qinhuangdao', '抚宁区人民政府网站')).orgStatus).toBe('办结后修改');
    const diff = await k.as('qinhuangdao').get(`/api/requests/${first!.id}/change-set`);
    expect(diff.body.fields.filter((f: { changed: boolean }) => f.changed)).toEqual([
      { field: 'isPortal', label: '是否本级政府门户网站', before: '否', after: '是', changed: true },
    ]);
    await approve('qinhuangdao', first!.id);
    expect(await siteRecord(t, site.id)).toMatchObject({
      is_portal: true,
      info: expect.objectContaining({ isPortal: true }),
    });
    const home = await homeOf(client);
    expect(home.modificationStatus).toBe('修改审核通过');
    expect(actionOf(home, 'portal')).toMatchObject({ label: '申请取消门户网站', allowed: true });

    const off = await client.post('/api/site/portal', { isPortal: false });
    expect(off.status).toBe(200);
    const second = (await requestsOf(t, site.id))[1]!;
    expect(second).toMatchObject({ type: 'PORTAL_OFF', chain: ['130306'] });
    // Only 抚宁区 itself decides the cancellation; the city that approved the portal may not.
    expect((await k.as('qinhuangdao').post(`/api/requests/${second.id}/approve`, {})).status).toBe(403);
  });

  it('allows one portal per org: two sites applying at once yield one winner', async () => {
    const a = await operatorOf(t, { orgCode: '130304', name: '北戴河区门户甲' });
    const b = await operatorOf(t, { orgCode: '130304', name: '北戴河区门户乙' });
    const results = await Promise.all([
      a.client.post('/api/site/portal', { isPortal: true }),
      b.client.post('/api/site/portal', { isPortal: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.message).toContain('正在申请设为门户网站');
    expect(loser.body.message).toContain('每个组织单位只能有一个本级政府门户网站');
    const open = await t.ctx.db
      .selectFrom('requests')
      .select('id')
      .where('site_id', 'in', [a.site.id, b.site.id])
      .where('type', '=', 'PORTAL_ON')
      .execute();
    expect(open).toHaveLength(1);
    // The loser's home says why the button is off.
    const loserClient = results[0]!.status === 409 ? a.client : b.client;
    expect(actionOf(await homeOf(loserClient), 'portal')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('正在申请设为门户网站'),
    });
  });

  it('is refused at submission and at approval when the org already has a portal', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130321', name: '青龙县门户申请网站' });
    const on = await client.post('/api/site/portal', { isPortal: true });
    expect(on.status).toBe(200);
    const [req] = await requestsOf(t, site.id);
    // Meanwhile another site of the org became the portal (e.g. by an earlier record correction).
    const rival = await makeSite(t.ctx.db, { orgCode: '130321', name: '青龙满族自治县人民政府网站', isPortal: true });
    const refused = await k.as('qinhuangdao').post(`/api/requests/${req!.id}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(
      `门户网站：已登记网站“青龙满族自治县人民政府网站”（标识码 ${rival.site_code}）`,
    );
    expect((await siteRecord(t, site.id)).is_portal).toBe(false);
    const other = await operatorOf(t, { orgCode: '130321', name: '青龙县另一网站' });
    const second = await other.client.post('/api/site/portal', { isPortal: true });
    expect(second.status).toBe(409);
  });
});

describe('政务服务平台 flag (SPEC §7.4)', () => {
  it('is reviewed by the normal reviewer and sets the flag on approval', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区政务服务网' });
    expect(actionOf(await homeOf(client), 'servicePlatform').label).toBe('申请政务服务平台');
    expect((await client.post('/api/site/service-platform', { isServicePlatform: false })).status).toBe(409);
    const res = await client.post('/api/site/service-platform', { isServicePlatform: true });
    expect(res.status).toBe(200);
    expect(res.body.reviewerName).toBeTruthy();
    const [req] = await requestsOf(t, site.id);
    expect(req).toMatchObject({ type: 'SERVICE_ON', chain: ['130302'] });
    await approve('haigang', req!.id);
    expect(await siteRecord(t, site.id)).toMatchObject({ is_service_platform: true, is_portal: false });
    expect(actionOf(await homeOf(client), 'servicePlatform').label).toBe('申请取消政务服务平台');
  });
});

describe('其他域名 (SPEC §5.3, §7.5)', () => {
  it('validates hosts, refuses one used by another site naming it, and rewrites the list on approval', async () => {
    const { site, client } = await operatorOf(t, {
      orgCode: '130302',
      name: '海港区住建局网站',
      homeUrl: 'https://zj.haigang.gov.cn/',
    });
    const other = await makeSite(t.ctx.db, {
      orgCode: '130303',
      name: '山海关区住建局网站',
      homeUrl: 'https://zj.shg.gov.cn/',
    });
    await t.ctx.db.insertInto('site_domains').values({ host: 'old.shg.gov.cn', site_id: other.id }).execute();

    const bad = await client.post('/api/site/domains', { hosts: ['http://a.gov.cn/x'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('只填写域名');
    const own = await client.post('/api/site/domains', { hosts: ['zj.haigang.gov.cn'] });
    expect(own.body.message).toContain('本网站首页网址的域名');
    const home = await client.post('/api/site/domains', { hosts: ['ZJ.SHG.GOV.CN'] });
    expect(home.status).toBe(409);
    expect(home.body.message).toBe(
      `域名“zj.shg.gov.cn”已被网站“山海关区住建局网站”（标识码 ${other.site_code}）作为首页网址使用`,
    );
    const taken = await client.post('/api/site/domains', { hosts: ['old.shg.gov.cn'] });
    expect(taken.body.message).toContain('登记为其他域名');

    const filed = await client.post('/api/site/domains', {
      hosts: ['ZhuJian.HaiGang.gov.cn', 'zjj.haigang.gov.cn', ''],
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const [req] = await requestsOf(t, site.id);
    expect(req).toMatchObject({ type: 'DOMAINS', chain: ['130302'] });
    expect(req!.payload).toMatchObject({ domains: ['zhujian.haigang.gov.cn', 'zjj.haigang.gov.cn'] });
    await approve('haigang', req!.id);
    expect((await homeOf(client)).site.domains).toEqual(['zhujian.haigang.gov.cn', 'zjj.haigang.gov.cn']);

    expect(
      (await client.post('/api/site/domains', { hosts: ['zjj.haigang.gov.cn', 'www.zj.haigang.gov.cn'] })).status,
    ).toBe(200);
    const second = (await requestsOf(t, site.id))[1]!;
    const diff = await k.as('haigang').get(`/api/requests/${second.id}/change-set`);
    expect(diff.body.domains).toEqual([
      { host: 'zjj.haigang.gov.cn', kind: 'unchanged' },
      { host: 'www.zj.haigang.gov.cn', kind: 'added' },
      { host: 'zhujian.haigang.gov.cn', kind: 'removed' },
    ]);
    await approve('haigang', second.id);
    const rows = await t.ctx.db
      .selectFrom('site_domains')
      .select('host')
      .where('site_id', '=', site.id)
      .orderBy('host')
      .execute();
    expect(rows.map((r) => r.host)).toEqual(['www.zj.haigang.gov.cn', 'zjj.haigang.gov.cn']);
  });
});

describe('run status and 撤回', () => {
  it('refuses changes of a site pending permanent offline, with the reason on each button', async () => {
    const { client } = await operatorOf(t, {
      orgCode: '130302',
      name: '海港区待关停网站',
      runStatus: 'PERM_OFFLINE_PENDING',
    });
    const home = await homeOf(client);
    const reason = '网站当前为“永久下线（待完成下线）”，不能提交修改类申请';
    for (const key of ['portal', 'servicePlatform', 'modify', 'domains'])
      expect(actionOf(home, key)).toMatchObject({ allowed: false, reason });
    expect(actionOf(home, 'audit').allowed).toBe(true);
    expect((await client.post('/api/site/portal', { isPortal: true })).body.message).toBe(reason);
    expect((await openForm(client)).ability).toEqual({ allowed: false, reason });
  });

  it('lets the operator withdraw a flag request before it is decided, not after', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区撤回测试网站' });
    const filed = await client.post('/api/site/service-platform', { isServicePlatform: true });
    const withdrawn = await client.post(`/api/site/requests/${filed.body.requestId}/withdraw`, { version: 1 });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect((await homeOf(client)).audit.map((e: { action: string }) => e.action)).toEqual([
      '提交申请政务服务平台',
      '撤回申请政务服务平台',
    ]);
    const again = await client.post('/api/site/service-platform', { isServicePlatform: true });
    await approve('haigang', again.body.requestId);
    expect((await client.post(`/api/site/requests/${again.body.requestId}/withdraw`, {})).status).toBe(409);
    expect((await requestsOf(t, site.id)).map((r) => r.state)).toEqual(['WITHDRAWN', 'DONE']);
  });
});

describe('栏目 dictionary (root only)', () => {
  it('adds, renames, reorders and deactivates, never deletes; the form follows it', async () => {
    expect((await k.as('haigang').get('/api/column-categories')).status).toBe(403);
    const list = await k.as('admin').get('/api/column-categories');
    expect(list.status).toBe(200);
    const items = list.body.items as { code: string; groupName: string; name: string; active: boolean }[];
    expect(items).toHaveLength(16);
    const edited = [
      { ...items[3]!, name: '政务要闻' },
      ...items.filter((_, i) => i !== 3).map((c) => (c.code === 'SJFB' ? { ...c, active: false } : c)),
      { code: 'YQFK', groupName: '其他', name: '重点专题', active: true },
    ];
    const saved = await k.as('admin').request('PUT', '/api/column-categories', { items: edited });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.items[0]).toMatchObject({ code: 'ZWDT', name: '政务要闻', sortOrder: 1 });
    const dropped = await k.as('admin').request('PUT', '/api/column-categories', { items: edited.slice(1) });
    expect(dropped.status).toBe(400);
    expect(dropped.body.message).toContain('不能删除');

    const { client } = await operatorOf(t, { orgCode: '130302', name: '海港区字典测试网站' });
    const form = await openForm(client);
    expect(form.columns.map((c) => c.category)).toHaveLength(16);
    expect(form.columns[0]).toMatchObject({ category: 'ZWDT', categoryName: '政务要闻' });
    expect(form.columns.map((c) => c.category)).not.toContain('SJFB');
    expect(form.columns.at(-1)).toMatchObject({ category: 'YQFK' });
  });
});
