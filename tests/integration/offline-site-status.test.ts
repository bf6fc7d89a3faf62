// 设为例外 / 删除 / 恢复正常 over HTTP (SPEC §7.7): only the root and the level-1 ancestor, a mandatory reason and a
// 审核流水 entry; deleted sites hidden by default, their sessions ended, restorable; the row unchanged after a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSiteRequest } from '../helpers/factories.ts';
import { operatorSite, runStatusOf, siteListRowOf, siteRow } from '../helpers/offline.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const siteAudit = (siteCode: string) =>
  t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'actor_name', 'from_state', 'to_state', 'comment'])
    .where('site_code', '=', siteCode)
    .where('entity_type', '=', 'SITE')
    .orderBy('id')
    .execute();

describe('who may', () => {
  it('refuses a city (403) and a unit outside (404); the site is unchanged', async () => {
    const s = await operatorSite(t);
    const before = await siteRow(t, s.id);
    const city = await t.loginAs('qinhuangdao');
    const county = await t.loginAs('haigang');
    const hubei = await t.loginAs('hubei');
    for (const path of ['exception', 'delete', 'restore']) {
      const res = await city.post(`/api/sites/${s.id}/${path}`, { reason: '测试' });
      expect(res.status, path).toBe(403);
      expect(res.body.message).toBe('只有国务院办公厅和网站所属的省级（部委）组织单位可以设为例外、删除或恢复网站');
      expect((await county.post(`/api/sites/${s.id}/${path}`, { reason: '测试' })).status).toBe(403);
      expect((await hubei.post(`/api/sites/${s.id}/${path}`, { reason: '测试' })).status).toBe(404);
    }
    expect((await hubei.get(`/api/sites/${s.id}/status-actions`)).status).toBe(404);
    const cityView = await city.get(`/api/sites/${s.id}/status-actions`);
    expect(cityView.body.abilities.DELETE.allowed).toBe(false);
    expect(await siteRow(t, s.id)).toEqual(before);
    expect(await siteAudit(s.siteCode)).toEqual([]);
  });

  it('requires a reason', async () => {
    const s = await operatorSite(t);
    const res = await (await t.loginAs('hebei')).post(`/api/sites/${s.id}/exception`, { reason: '  ' });
    expect(res.status).toBe(400);
  });
});

describe('例外 and back (the level-1 ancestor)', () => {
  it('sets and clears 例外 with a 审核流水 entry each time', async () => {
    const s = await operatorSite(t);
    const hebei = await t.loginAs('hebei');
    const view = await hebei.get(`/api/sites/${s.id}/status-actions`);
    expect(view.body).toMatchObject({
      runStatus: 'NORMAL',
      abilities: { EXCEPTION: { allowed: true }, DELETE: { allowed: true }, RESTORE: { allowed: false } },
    });
    const set = await hebei.post(`/api/sites/${s.id}/exception`, { reason: '经批准保留独立运行' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ runStatus: 'EXCEPTION', listStatus: '例外' });
    expect((await siteListRowOf(hebei, s.name))?.listStatus).toBe('例外');
    // An exception site cannot apply for offline.
    const apply = await s.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: 'x',
      plannedDate: '2026-12-01',
    });
    expect(apply.status).toBe(409);
    const again = await hebei.post(`/api/sites/${s.id}/exception`, { reason: '再次' });
    expect(again.status).toBe(409);
    const back = await hebei.post(`/api/sites/${s.id}/restore`, { reason: '例外情形消除' });
    expect(back.body).toMatchObject({ runStatus: 'NORMAL', listStatus: '正常', warning: null });
    expect(await siteAudit(s.siteCode)).toEqual([
      {
        action: '设为例外',
        actor_name: '河北省审核员',
        from_state: '正常',
        to_state: '例外',
        comment: '经批准保留独立运行',
      },
      { action: '恢复正常', actor_name: '河北省审核员', from_state: '例外', to_state: '正常', comment: '例外情形消除' },
    ]);
  });
});

describe('删除 and 恢复 (the root)', () => {
  it('hides the site by default, ends its sessions, closes its open request, and restores it', async () => {
    const s = await operatorSite(t);
    const modify = await makeSiteRequest(t.ctx.db, s.id, { type: 'MODIFY', orgCode: '130302', isPortal: false });
    const admin = await t.loginAs('admin');
    expect((await s.client.get('/api/site/offline')).status).toBe(200);
    const del = await admin.post(`/api/sites/${s.id}/delete`, { reason: '重复录入' });
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect(del.body).toMatchObject({ runStatus: 'DELETED', listStatus: '已删除' });
    // Its 填报单位 session is gone; it cannot log in again.
    expect((await s.client.get('/api/site/offline')).status).toBe(401);
    const relogin = await t
      .client({ ip: '10.99.0.1' })
      .post('/api/auth/site-login', { siteCode: s.siteCode, checkCode: 'OFFLN234' });
    expect(relogin.status).toBe(403);
    const request = await t.ctx.db
      .selectFrom('requests')
      .select(['state', 'current_org'])
      .where('id', '=', modify.id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ state: 'WITHDRAWN', current_org: null });
    // Hidden from lists by default, shown with 显示已删除.
    const hebei = await t.loginAs('hebei');
    expect((await hebei.get(`/api/sites?name=${encodeURIComponent(s.name)}`)).body.total).toBe(0);
    expect((await siteListRowOf(hebei, s.name))?.listStatus).toBe('已删除');

    const restored = await admin.post(`/api/sites/${s.id}/restore`, { reason: '误删恢复' });
    expect(restored.status).toBe(200);
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });
    expect((await hebei.get(`/api/sites?name=${encodeURIComponent(s.name)}`)).body.total).toBe(1);
    expect((await siteAudit(s.siteCode)).map((e) => e.action)).toEqual(['删除', '恢复正常']);
    // The same 标识码 again: codes are never reissued to another site.
    const code = await t.ctx.db
      .selectFrom('sites')
      .select('site_code')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(code.site_code).toBe(s.siteCode);
  });

  it('restores a closed site with the re-filing warning', async () => {
    const s = await operatorSite(t);
    await t.ctx.db.updateTable('sites').set({ run_status: 'PERM_OFFLINE' }).where('id', '=', s.id).execute();
    const res = await (await t.loginAs('hebei')).post(`/api/sites/${s.id}/restore`, { reason: '重新开办' });
    expect(res.status).toBe(200);
    expect(res.body.warning).toBe(
      '该网站曾永久下线：恢复后须重新办理 ICP 备案、公安机关备案和党政机关网站标识，并核对基本信息',
    );
  });

  it('refuses to restore a site whose name another live site now uses', async () => {
    const s = await operatorSite(t);
    const admin = await t.loginAs('admin');
    await admin.post(`/api/sites/${s.id}/delete`, { reason: '撤并' });
    await operatorSite(t, { name: s.name });
    const res = await admin.post(`/api/sites/${s.id}/restore`, { reason: '恢复' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('网站名称或首页网址已被其他网站使用，该网站不能恢复');
    expect((await runStatusOf(t, s.id)).status).toBe('DELETED');
  });
});
