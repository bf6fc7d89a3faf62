// The 填报单位 side of issuance over a real database: login with 标识码 + 校验码 (and the 校验码 leaving the progress
// query), lockout, 重置校验码 by the 本级组织单位 only, and the public verification with its QR code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/server/clock.ts';
import { issuedCredentials } from '../../src/server/modules/issuance/credentials.ts';
import { issuedSite as issueOne, pending as pendingOf, siteRow as rowOf, sh } from '../helpers/issuance.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const pending = (orgCode: string, at: Date) => pendingOf(t, orgCode, at);
const siteRow = (id: number) => rowOf(t, id);
const issuedSite = (orgCode: string, runAt: Date) => issueOne(t, orgCode, runAt);

describe('填报单位 login', () => {
  it('logs in with 标识码 + 校验码; the 校验码 then leaves the progress query', async () => {
    const s = await issuedSite('130302', sh('2026-11-11T16:00:00'));
    expect(s.checkCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const c = t.client({ ip: '10.5.1.1' });
    t.clock.set(sh('2026-11-12T09:15:00'));
    // Typed loosely: lower case, with a hyphen.
    const typed = `${s.checkCode.slice(0, 4).toLowerCase()}-${s.checkCode.slice(4)}`;
    const res = await c.post('/api/auth/site-login', { siteCode: s.siteCode, checkCode: typed });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await c.get('/api/session')).body.actor).toEqual({ kind: 'SITE', siteCode: s.siteCode });
    const me = await c.get('/api/site/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      siteCode: s.siteCode,
      name: s.site.name,
      orgCode: '130302',
      runStatusLabel: '正常',
    });
    expect(me.body.orgChain.map((o: { code: string }) => o.code)).toEqual(['130000', '130300', '130302']);

    expect(await issuedCredentials(t.ctx.db, t.ctx.keys, s.site.id)).toEqual({
      siteCode: s.siteCode,
      checkCode: null,
      note: '校验码已于 2026-11-12 首次登录时使用；如遗失，请联系本级组织单位重置校验码',
    });
    const row = await siteRow(s.site.id);
    expect(row.check_code_enc).toBeNull();
    expect(new Date(row.first_login_at!)).toEqual(sh('2026-11-12T09:15:00'));
    // The 校验码 keeps working; an org account cannot open the site's record.
    expect((await t.client({ ip: '10.5.1.2' }).post('/api/auth/site-login', s)).status).toBe(200);
    expect((await (await t.loginAs('haigang')).get('/api/site/me')).status).toBe(403);
  });

  it('locks the site after five wrong 校验码 for 15 minutes', async () => {
    const s = await issuedSite('130302', sh('2026-11-13T16:00:00'));
    const c = t.client({ ip: '10.5.2.1' });
    t.clock.set(sh('2026-11-14T10:00:00'));
    for (let i = 1; i <= 4; i++) {
      const res = await c.post('/api/auth/site-login', { siteCode: s.siteCode, checkCode: 'WRONG234' });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('网站标识码或校验码错误');
    }
    const fifth = await c.post('/api/auth/site-login', { siteCode: s.siteCode, checkCode: 'WRONG234' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.message).toBe('校验码连续错误 5 次，账号已锁定，请于 2026-11-14 10:15（北京时间）后再试');
    expect((await c.post('/api/auth/site-login', s)).status).toBe(423);
    t.clock.advance(16 * MINUTE);
    expect((await c.post('/api/auth/site-login', s)).status).toBe(200);
  });

  it('does not tell unknown codes from wrong 校验码, and refuses applications', async () => {
    const c = t.client({ ip: '10.5.3.1' });
    const unknown = await c.post('/api/auth/site-login', { siteCode: '1303029876', checkCode: 'ABCDEFGH' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe('网站标识码或校验码错误');
    expect((await c.post('/api/auth/site-login', { siteCode: 'nonsense', checkCode: 'X' })).status).toBe(401);
  });
});

describe('重置校验码', () => {
  it('only by the 本级组织单位: a new code shown once, old code and sessions end, audited without the code', async () => {
    const s = await issuedSite('130302', sh('2026-11-15T16:00:00'));
    const operator = t.client({ ip: '10.5.4.1' });
    expect((await operator.post('/api/auth/site-login', s)).status).toBe(200);
    const before = await siteRow(s.site.id);

    const parent = await t.loginAs('qinhuangdao');
    const denied = await parent.post(`/api/sites/${s.site.id}/reset-check-code`);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('只有该网站的本级组织单位');
    expect((await (await t.loginAs('shanhaiguan')).post(`/api/sites/${s.site.id}/reset-check-code`)).status).toBe(404);
    expect((await (await t.loginAs('hubei')).post(`/api/sites/${s.site.id}/reset-check-code`)).status).toBe(404);
    expect((await siteRow(s.site.id)).check_code_hash).toBe(before.check_code_hash);

    const own = await t.loginAs('haigang');
    const reset = await own.post(`/api/sites/${s.site.id}/reset-check-code`);
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ siteCode: s.siteCode, name: s.site.name });
    expect(reset.body.checkCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

    expect((await operator.get('/api/site/me')).status).toBe(401);
    const c = t.client({ ip: '10.5.4.2' });
    expect((await c.post('/api/auth/site-login', s)).status).toBe(401);
    expect(
      (await c.post('/api/auth/site-login', { siteCode: s.siteCode, checkCode: reset.body.checkCode })).status,
    ).toBe(200);
    expect((await siteRow(s.site.id)).check_code_enc).toBeNull();

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('site_code', '=', s.siteCode)
      .where('action', '=', '重置校验码')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'ORG_USER', actor_org_code: '130302' });
    expect(JSON.stringify(audit[0])).not.toContain(reset.body.checkCode);
  });

  it('before the first login the progress query then tells to ask the 本级组织单位', async () => {
    const s = await issuedSite('130302', sh('2026-11-16T16:00:00'));
    const own = await t.loginAs('haigang');
    expect((await own.post(`/api/sites/${s.site.id}/reset-check-code`)).status).toBe(200);
    const creds = await issuedCredentials(t.ctx.db, t.ctx.keys, s.site.id);
    expect(creds).toMatchObject({ siteCode: s.siteCode, checkCode: null, note: expect.stringContaining('重置') });
  });

  it('answers 409 for an application without a code', async () => {
    const app = await pending('130302', sh('2026-11-16T17:00:00'));
    const own = await t.loginAs('haigang');
    const res = await own.post(`/api/sites/${app.site.id}/reset-check-code`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('尚未生成');
    await t.ctx.db.updateTable('requests').set({ state: 'WITHDRAWN' }).where('id', '=', app.request.id).execute();
  });
});

describe('public verification', () => {
  it('shows the registered facts and a QR code for the verification page; 404 otherwise', async () => {
    const s = await issuedSite('130302', sh('2026-11-17T16:00:00'));
    const c = t.client();
    const res = await c.get(`/api/public/verify/${s.siteCode}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      siteCode: s.siteCode,
      name: s.site.name,
      homeUrl: s.site.home_url,
      sponsorName: `${s.site.name}主办单位`,
      orgName: expect.stringContaining('海港区'),
      runStatusLabel: '正常',
    });
    const qr = await c.get(`/api/public/verify/${s.siteCode}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(String(qr.headers['content-type'])).toContain('image/svg+xml');
    expect(String(qr.body)).toContain('<svg');

    const app = await pending('130302', sh('2026-11-17T17:00:00'));
    expect(app.site.site_code).toBeNull();
    expect((await c.get('/api/public/verify/1303029999')).status).toBe(404);
    expect((await c.get('/api/public/verify/not-a-code')).status).toBe(404);
    expect((await c.get('/api/public/verify/1303029999/qr.svg')).status).toBe(404);
  });
});
