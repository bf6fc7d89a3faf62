// Server side of issue 19's defects over HTTP on a real database: the 重置校验码 ability on list rows, 其他域名 in
// 查看, 链接健康 and 其他域名 in both exports, 列表状态 of an application, the return and resubmission times of
// the progress query, and 撤回申请 refusals that agree with the other buttons while an offline request is open.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication, makeSite, sampleInfo } from '../helpers/factories.ts';
import { operatorSite } from '../helpers/offline.ts';
import { EXPORT_HEADERS, readXlsx } from '../helpers/review.ts';
import { actionOf, homeOf } from '../helpers/site-workspace.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Row = { name: string; listStatus: string; abilities: Record<string, { allowed: boolean; reason?: string }> };

describe('site list, 查看 and exports', () => {
  it('rows say where 重置校验码 applies; 查看 lists 其他域名; exports carry 链接健康 and 其他域名', async () => {
    const site = await makeSite(t.ctx.db, { orgCode: '130302', name: '新手缺陷列表示范网站' });
    await t.ctx.db
      .insertInto('site_domains')
      .values([
        { host: 'b.xinshou.gov.cn', site_id: site.id },
        { host: 'a.xinshou.gov.cn', site_id: site.id },
      ])
      .execute();
    await makeApplication(t.ctx.db, { orgCode: '130302', name: '新手缺陷申请示范网站' });

    const own = await t.loginAs('haigang');
    const list = await own.get('/api/sites?name=新手缺陷&pageSize=20');
    expect(list.status).toBe(200);
    const rows = list.body.items as Row[];
    const issued = rows.find((r) => r.name === '新手缺陷列表示范网站');
    const applying = rows.find((r) => r.name === '新手缺陷申请示范网站');
    expect(issued?.abilities.resetCheckCode).toEqual({ allowed: true });
    expect(applying?.abilities.resetCheckCode).toEqual({
      allowed: false,
      reason: '该网站尚未生成网站标识码，没有校验码',
    });
    expect(applying?.listStatus).toBe('申请中');
    const parentRows = (await (await t.loginAs('qinhuangdao')).get('/api/sites?name=新手缺陷列表')).body.items as Row[];
    expect(parentRows[0]?.abilities.resetCheckCode).toEqual({
      allowed: false,
      reason: '只有该网站的本级组织单位（海港区）可以重置校验码',
    });

    const view = await own.get(`/api/sites/${site.id}`);
    expect(view.status).toBe(200);
    expect(view.body.otherDomains).toEqual(['a.xinshou.gov.cn', 'b.xinshou.gov.cn']);
    expect(view.body.abilities.resetCheckCode).toEqual({ allowed: true });

    for (const path of ['/api/sites/export?name=新手缺陷&pageSize=20', '/api/sites/export-all?name=新手缺陷']) {
      const res = await own.get(encodeURI(path));
      expect(res.status, path).toBe(200);
      const sheet = await readXlsx(res);
      expect(sheet[0]).toEqual(EXPORT_HEADERS);
      const byName = new Map(sheet.slice(1).map((r) => [r[1], r]));
      // 链接健康 and 其他域名 close the row (an empty last cell is not read back).
      const extras = (name: string) => [byName.get(name)?.[12], byName.get(name)?.[13] ?? ''];
      expect(extras('新手缺陷列表示范网站')).toEqual(['未检查', 'a.xinshou.gov.cn；b.xinshou.gov.cn']);
      expect(extras('新手缺陷申请示范网站')).toEqual(['未检查', '']);
      expect(byName.get('新手缺陷申请示范网站')?.[9]).toBe('申请中');
    }
  });
});

describe('progress query', () => {
  it('gives the time of a return, and after a resubmission both the first and the latest submission', async () => {
    const applicant = t.client({ ip: '10.19.0.1' });
    const info = sampleInfo({
      name: '新手缺陷进度示范网站',
      homeUrl: 'https://jindu.xinshou.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const submitted = await applicant.post('/api/public/applications', info, {
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const { tempCode } = submitted.body as { tempCode: string };
    const request = await t.ctx.db
      .selectFrom('requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select('r.id')
      .where('s.name', '=', '新手缺陷进度示范网站')
      .executeTakeFirstOrThrow();
    const first = await applicant.post('/api/public/progress', { tempCode });
    expect(first.body).toMatchObject({ resubmittedAt: null, returnedAt: null });

    t.clock.advance(60 * 60 * 1000);
    const haigang = await t.loginAs('haigang');
    expect((await haigang.post(`/api/requests/${request.id}/return`, { reason: '请核对。' })).status).toBe(200);
    const returnedAt = t.clock.now().toISOString();
    const returned = await applicant.post('/api/public/progress', { tempCode });
    expect(returned.body).toMatchObject({
      state: 'RETURNED',
      submittedAt: first.body.submittedAt,
      returnedAt,
      resubmittedAt: null,
    });

    t.clock.advance(60 * 60 * 1000);
    const again = await applicant.post('/api/public/applications/resubmit', { tempCode, info });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const resubmitted = await applicant.post('/api/public/progress', { tempCode });
    expect(resubmitted.body).toMatchObject({
      submittedAt: first.body.submittedAt,
      resubmittedAt: t.clock.now().toISOString(),
      returnedAt: null,
    });
  });
});

describe('撤回申请 while an offline request is reviewed', () => {
  it('does not say “nothing to withdraw”, and the other buttons do not suggest withdrawing', async () => {
    t.clock.set(new Date('2026-11-02T02:00:00.000Z'));
    const s = await operatorSite(t, { orgCode: '130302' });
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'TEMP',
      reason: '网站改版升级',
      plannedDate: '2026-11-10',
      restoreDate: '2026-11-20',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const home = await homeOf(s.client);
    const withdraw = actionOf(home, 'withdraw');
    expect(withdraw.allowed).toBe(false);
    expect(withdraw.reason).toContain('“临时下线”');
    expect(withdraw.reason).toContain('提交后不能撤回');
    for (const key of ['modify', 'domains', 'servicePlatform']) {
      const action = actionOf(home, key);
      expect(action.allowed, key).toBe(false);
      expect(action.reason, key).toContain('请等待审核完成后再申请');
      expect(action.reason, key).not.toContain('撤回');
    }
  });
});
