// Foundation over HTTP on a real database: login, lockout, CSRF, session expiry, subtree scoping, accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { MINUTE } from '../../src/server/clock.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('health', () => {
  it('answers ok with the database kind', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: t.ctx.dbKind });
  });
});

describe('组织单位 login', () => {
  it('succeeds with the demo password and asks for a password change first', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { username: 'hubei', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
    const session = await c.get('/api/session');
    expect(session.body.actor).toMatchObject({ kind: 'ORG_USER', username: 'hubei', orgCode: '420000', orgLevel: 1 });
    expect(res.headers['set-cookie']?.toString()).toMatch(/gs_sid=.*HttpOnly.*SameSite=Strict/i);
    const blocked = await c.get('/api/org-units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('issues a new session id at login (no fixation)', async () => {
    const c = t.client();
    await c.post('/api/auth/login', { username: 'hubei', password: DEMO_PASSWORD });
    const first = c.cookies.get('gs_sid');
    await c.post('/api/auth/login', { username: 'hubei', password: DEMO_PASSWORD });
    expect(c.cookies.get('gs_sid')).not.toBe(first);
  });

  it('locks the account after five wrong passwords and refuses the right one while locked', async () => {
    const c = t.client({ ip: '10.1.1.1' });
    for (let i = 1; i <= 4; i++) {
      const res = await c.post('/api/auth/login', { username: 'shuiwu', password: 'wrong-password' });
      expect(res.status).toBe(401);
      // The same answer as for a name that does not exist (issue 16 item 3): no count of attempts left.
      expect(res.body.message).toBe('用户名或密码错误');
    }
    const fifth = await c.post('/api/auth/login', { username: 'shuiwu', password: 'wrong-password' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    // 10:00 Shanghai + 15 minutes.
    expect(fifth.body.message).toBe('密码连续错误 5 次，账号已锁定，请于 2026-11-02 10:15（北京时间）后再试');
    const right = await c.post('/api/auth/login', { username: 'shuiwu', password: DEMO_PASSWORD });
    expect(right.status).toBe(423);
    expect(right.body.message).toContain('账号已锁定');
    t.clock.advance(16 * MINUTE);
    const later = await c.post('/api/auth/login', { username: 'shuiwu', password: DEMO_PASSWORD });
    expect(later.status).toBe(200);
    const log = await t.ctx.db
      .selectFrom('login_log')
      .select('result')
      .where('login', '=', 'shuiwu')
      .orderBy('id')
      .execute();
    expect(log.map((r) => r.result)).toEqual([
      'BAD_PASSWORD',
      'BAD_PASSWORD',
      'BAD_PASSWORD',
      'BAD_PASSWORD',
      'BAD_PASSWORD',
      'LOCKED',
      'SUCCESS',
    ]);
  });

  it('rate-limits one IP that keeps failing, whatever the account', async () => {
    const c = t.client({ ip: '10.9.9.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await c.post('/api/auth/login', { username: `nobody${i}`, password: 'x' })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('does not tell an unknown user from a wrong password', async () => {
    const a = await t
      .client({ ip: '10.2.2.2' })
      .post('/api/auth/login', { username: 'no-such-user', password: 'whatever' });
    expect(a.status).toBe(401);
    expect(a.body.message).toBe('用户名或密码错误');
  });
});

describe('CSRF and sessions', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const c = await t.loginAs('hebei');
    const res = await c.post('/api/auth/logout', {}, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_INVALID');
    const wrong = await c.post('/api/auth/logout', {}, { csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(wrong.status).toBe(403);
    expect((await c.get('/api/org-units')).status).toBe(200);
  });

  it('refuses an anonymous POST without the double-submit token', async () => {
    const res = await t
      .client()
      .post('/api/auth/login', { username: 'hebei', password: DEMO_PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
  });

  it('expires a session after 30 idle minutes', async () => {
    const c = await t.loginAs('hebei');
    t.clock.advance(29 * MINUTE);
    expect((await c.get('/api/org-units')).status).toBe(200);
    t.clock.advance(31 * MINUTE);
    const res = await c.get('/api/org-units');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });
  });

  it('expires an active session after 12 hours', async () => {
    const c = await t.loginAs('hebei');
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * MINUTE);
      expect((await c.get('/api/org-units')).status).toBe(200);
    }
    t.clock.advance(29 * MINUTE);
    expect((await c.get('/api/org-units')).status).toBe(401);
  });

  it('ends the session at logout', async () => {
    const c = await t.loginAs('hebei');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/org-units')).status).toBe(401);
  });
});

describe('subtree scoping of org units', () => {
  it('a county sees only its own subtree', async () => {
    const c = await t.loginAs('haigang');
    const res = await c.get('/api/org-units?pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { code: string }) => o.code)).toEqual(['130302']);
    expect(res.body.total).toBe(1);
  });

  it('a county never sees a sibling county, even by code', async () => {
    const c = await t.loginAs('haigang');
    expect((await c.get('/api/org-units/130303')).status).toBe(404);
    expect((await c.get('/api/org-units/130300')).status).toBe(404);
    expect((await c.get('/api/org-units?q=山海关')).body.total).toBe(0);
  });

  it('a city sees itself and its counties, nothing else', async () => {
    const c = await t.loginAs('qinhuangdao');
    const res = await c.get('/api/org-units?pageSize=100');
    const codes: string[] = res.body.items.map((o: { code: string }) => o.code);
    expect(codes[0]).toBe('130300');
    expect(codes).toContain('130302');
    expect(codes).toContain('130303');
    expect(codes.every((code) => code.startsWith('1303'))).toBe(true);
    const direct = await t.ctx.db.selectFrom('org_units').select('code').where('parent_code', '=', '130300').execute();
    expect(res.body.total).toBe(direct.length + 1);
    expect((await c.get('/api/org-units/130200')).status).toBe(404);
  });

  it('the root sees the whole national tree', async () => {
    const c = await t.loginAs('admin');
    const res = await c.get('/api/org-units?pageSize=20');
    expect(res.body.total).toBeGreaterThan(3000);
  });
});

describe('org-code lookup (public)', () => {
  it('fills 省/市/县 for a county and walks the stored tree for bm codes', async () => {
    const c = t.client();
    expect((await c.get('/api/public/org-lookup/130302')).body).toMatchObject({
      province: '河北省',
      city: '秦皇岛市',
      county: '海港区',
    });
    expect((await c.get('/api/public/org-lookup/110102')).body).toMatchObject({
      province: '北京市',
      city: '西城区',
      county: '',
    });
    expect((await c.get('/api/public/org-lookup/bm3051')).body).toMatchObject({
      province: '国家税务总局',
      city: '国家税务总局河北省税务局',
      county: '国家税务总局秦皇岛市税务局',
    });
  });

  it('explains unknown, aggregate and malformed codes in Chinese', async () => {
    const c = t.client();
    const unknown = await c.get('/api/public/org-lookup/130399');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('不存在');
    const aggregate = await c.get('/api/public/org-lookup/110100');
    expect(aggregate.status).toBe(400);
    expect(aggregate.body.message).toContain('市辖区');
    expect((await c.get('/api/public/org-lookup/12345')).status).toBe(400);
  });
});

describe('password change and accounts', () => {
  it('enforces the policy and ends other sessions', async () => {
    const c1 = await t.loginAs('hubei');
    const c2 = await t.loginAs('hubei');
    const weak = await c1.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toContain('至少');
    const ok = await c1.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'New-Pass-2026x' });
    expect(ok.status).toBe(200);
    expect((await c1.get('/api/org-units')).status).toBe(200);
    expect((await c2.get('/api/org-units')).status).toBe(401);
    // Put the demo password back so later tests can log in as hubei again.
    await t.ctx.db
      .updateTable('users')
      .set({
        password_hash: (
          await t.ctx.db
            .selectFrom('users')
            .select('password_hash')
            .where('username', '=', 'hebei')
            .executeTakeFirstOrThrow()
        ).password_hash,
      })
      .where('username', '=', 'hubei')
      .execute();
  });

  it('an admin creates accounts only inside its subtree, and the new account must change its password', async () => {
    const admin = await t.loginAs('qinhuangdao');
    const outside = await admin.post('/api/accounts', {
      username: 'beidaihe1',
      displayName: '张三',
      orgCode: '130200',
      role: 'REVIEWER',
    });
    expect(outside.status).toBe(404);
    const created = await admin.post('/api/accounts', {
      username: 'haigang2',
      displayName: '李四',
      orgCode: '130302',
      role: 'REVIEWER',
    });
    expect(created.status).toBe(200);
    const dup = await admin.post('/api/accounts', {
      username: 'HAIGANG2',
      displayName: '李四',
      orgCode: '130302',
      role: 'REVIEWER',
    });
    expect(dup.status).toBe(409);
    const user = t.client({ ip: '10.3.3.3' });
    const login = await user.post('/api/auth/login', { username: 'haigang2', password: created.body.initialPassword });
    expect(login.body.mustChangePassword).toBe(true);
    const reviewer = await t.loginAs('shanhaiguan');
    expect((await reviewer.get('/api/accounts')).status).toBe(403);
    const list = await admin.get('/api/accounts?pageSize=100');
    expect(list.body.items.every((a: { orgCode: string }) => a.orgCode.startsWith('1303'))).toBe(true);
    const disable = await admin.post(`/api/accounts/${created.body.id}/enabled`, { enabled: false });
    expect(disable.status).toBe(200);
    expect((await user.get('/api/session')).body.actor.kind).toBe('ANONYMOUS');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(created.body.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['新建账号', '停用账号']);
  });

  it('an admin cannot touch an account outside its subtree', async () => {
    const admin = await t.loginAs('qinhuangdao');
    const hubei = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'hubei')
      .executeTakeFirstOrThrow();
    expect((await admin.post(`/api/accounts/${hubei.id}/reset-password`)).status).toBe(404);
    expect((await admin.post(`/api/accounts/${hubei.id}/enabled`, { enabled: false })).status).toBe(404);
  });
});
