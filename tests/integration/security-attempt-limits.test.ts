// Attempt limits under bursts (issue 16 items 2 and 3), on both databases: every login, 校验码, current-password and
// 临时码 attempt is counted before its secret is checked, so parallel attempts never check more than the limit; and a
// name or 标识码 that does not exist answers — and locks — exactly like one that does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { MINUTE } from '../../src/server/clock.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeSite } from '../helpers/factories.ts';
import { createTestApp, type Res, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Login-log results of one login name since the test began. */
async function results(login: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('login_log').select('result').where('login', '=', login).execute();
  return rows.map((r) => r.result);
}

const count = (list: string[], value: string) => list.filter((v) => v === value).length;

function summary(responses: Res[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

describe('account lockout under a burst', () => {
  it('100 parallel wrong passwords for one account check at most 5; the right one is then refused', async () => {
    // One IP per attempt, so only the account's own limit stands between the burst and the password check.
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.client({ ip: `10.70.${i >> 8}.${i & 255}` }).post('/api/auth/login', { username: 'shuiwu', password: 'x' }),
      ),
    );
    const log = await results('shuiwu');
    const checked = count(log, 'BAD_PASSWORD');
    console.info(
      `org login burst: 100 parallel wrong passwords → ${checked} checked, ${JSON.stringify(summary(burst))}`,
    );
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(count(log, 'LOCKED')).toBe(100 - checked);
    expect(burst.every((r) => r.status === 401 || r.status === 423)).toBe(true);
    const right = await t.client({ ip: '10.71.0.1' }).post('/api/auth/login', { username: 'shuiwu', password: 'x' });
    expect(right.status).toBe(423);
    const locked = await t.client({ ip: '10.71.0.2' }).post('/api/auth/login', {
      username: 'shuiwu',
      password: DEMO_PASSWORD,
    });
    expect(locked.status).toBe(423);
    expect(locked.body.message).toContain('账号已锁定');
  });

  it('60 parallel wrong 校验码 for one site check at most 5; the right one is then refused', async () => {
    const site = await makeSite(t.ctx.db, { orgCode: '130302', seq: 7001 });
    await t.ctx.db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret('ABCDEFGH') })
      .where('id', '=', site.id)
      .execute();
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t
          .client({ ip: `10.72.0.${i}` })
          .post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'WRONG234' }),
      ),
    );
    const log = await results(site.site_code!);
    const checked = count(log, 'BAD_PASSWORD');
    console.info(`site login burst: 60 parallel wrong 校验码 → ${checked} checked, ${JSON.stringify(summary(burst))}`);
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    const right = await t
      .client({ ip: '10.72.1.1' })
      .post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'ABCDEFGH' });
    expect(right.status).toBe(423);
    t.clock.advance(16 * MINUTE);
    const later = await t
      .client({ ip: '10.72.1.2' })
      .post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'ABCDEFGH' });
    expect(later.status).toBe(200);
  });
});

describe('per-IP limits under a burst', () => {
  it('50 parallel wrong logins from one IP for different names check at most 20', async () => {
    const c = t.client({ ip: '10.73.0.1' });
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => c.post('/api/auth/login', { username: `burst-nobody-${i}`, password: 'x' })),
    );
    const rows = await t.ctx.db.selectFrom('login_log').select('result').where('ip', '=', '10.73.0.1').execute();
    const log = rows.map((r) => r.result);
    const checked = count(log, 'UNKNOWN_USER') + count(log, 'BAD_PASSWORD');
    console.info(`per-IP burst: 50 parallel wrong logins → ${checked} checked, ${JSON.stringify(summary(burst))}`);
    expect(checked).toBe(20);
    expect(count(log, 'RATE_LIMITED')).toBe(30);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(30);
    expect(burst.find((r) => r.status === 429)?.body.message).toBe('登录失败次数过多，请 15 分钟后再试');
  });

  it('a success gives its place back: a user who logs in and out from a shared IP is never limited', async () => {
    await t.ctx.db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'hubei').execute();
    const c = t.client({ ip: '10.73.1.1' });
    for (let i = 0; i < 25; i++) {
      expect((await c.post('/api/auth/login', { username: 'hubei', password: DEMO_PASSWORD })).status).toBe(200);
    }
  });

  it('a burst of right logins from one IP leaves the IP usable: refused attempts take no place', async () => {
    const users = ['admin', 'hebei', 'qinhuangdao', 'haigang', 'shanhaiguan'];
    await t.ctx.db.updateTable('users').set({ must_change_password: false }).where('username', 'in', users).execute();
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.client({ ip: '10.73.2.1' }).post('/api/auth/login', { username: users[i % 5], password: DEMO_PASSWORD }),
      ),
    );
    console.info(`right-login burst from one IP: ${JSON.stringify(summary(burst))}`);
    expect(burst.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    // Every success gave its place back and no refusal took one: the IP logs in as before.
    const after = await t
      .client({ ip: '10.73.2.1' })
      .post('/api/auth/login', { username: 'hebei', password: DEMO_PASSWORD });
    expect(after.status).toBe(200);
    const counter = await t.ctx.db
      .selectFrom('attempt_counters')
      .select('count')
      .where('key', '=', 'login-ip:10.73.2.1')
      .executeTakeFirstOrThrow();
    expect(counter.count).toBe(0);
  });

  it('50 parallel wrong 临时码 queries from one IP look up at most 10', async () => {
    const c = t.client({ ip: '10.74.0.1' });
    const burst = await Promise.all(
      Array.from({ length: 50 }, () => c.post('/api/public/progress', { tempCode: 'ABCDEFGHJKMN' })),
    );
    const s = summary(burst);
    console.info(`临时码 burst: 50 parallel wrong codes → ${s[404] ?? 0} looked up, ${JSON.stringify(s)}`);
    expect(s[404]).toBe(10);
    expect(s[429]).toBe(40);
  });
});

describe('the current-password check of 修改密码', () => {
  it('counts like a login: 5 wrong lock the account and end its sessions; the right one is then refused', async () => {
    const c = await t.loginAs('hebei');
    const other = await t.loginAs('hebei');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await c.post('/api/auth/password', { currentPassword: `wrong-${i}`, newPassword: 'Qx7!mZr2#kLp' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses[4]).toBe(423);
    // The lock ended every session of the account: the rest are refused before any check.
    expect(statuses.slice(5).every((s) => s === 401)).toBe(true);
    expect((await other.get('/api/session')).body.actor.kind).toBe('ANONYMOUS');
    const relogin = await t.client({ ip: '10.75.0.1' }).post('/api/auth/login', {
      username: 'hebei',
      password: DEMO_PASSWORD,
    });
    expect(relogin.status).toBe(423);
  });

  it('50 parallel wrong current passwords check at most 5', async () => {
    const c = await t.loginAs('hubei');
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        c.post('/api/auth/password', { currentPassword: `wrong-${i}`, newPassword: 'Qx7!mZr2#kLp' }),
      ),
    );
    const s = summary(burst);
    // Checked = the 400s plus the one 423 whose check set the lock; the other 423s and the 401s were refused unchecked.
    console.info(`修改密码 burst: 50 parallel wrong current passwords → ${JSON.stringify(s)}`);
    expect(s[400] ?? 0).toBeLessThanOrEqual(4);
    expect(s[200]).toBeUndefined();
    const user = await t.ctx.db
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until'])
      .where('username', '=', 'hubei')
      .executeTakeFirstOrThrow();
    expect(user.failed_attempts).toBe(5);
    expect(user.locked_until).not.toBeNull();
  });
});

describe('no enumeration of accounts or 标识码', () => {
  it('an unknown name answers and locks exactly like a known one', async () => {
    const answers = async (username: string, ip: string) => {
      const c = t.client({ ip });
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await c.post('/api/auth/login', { username, password: 'wrong-password' });
        out.push(`${r.status} ${r.body.message}`);
      }
      return out;
    };
    const known = await answers('qinhuangdao', '10.76.0.1');
    const unknown = await answers('no-such-account', '10.76.0.2');
    expect(unknown).toEqual(known);
    expect(known[0]).toBe('401 用户名或密码错误');
    expect(known[4]).toMatch(/^423 密码连续错误 5 次，账号已锁定/);
  });

  it('an unknown 标识码 answers and locks exactly like a known one', async () => {
    const site = await makeSite(t.ctx.db, { orgCode: '130302', seq: 7002 });
    await t.ctx.db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret('ABCDEFGH') })
      .where('id', '=', site.id)
      .execute();
    const answers = async (siteCode: string, ip: string) => {
      const c = t.client({ ip });
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await c.post('/api/auth/site-login', { siteCode, checkCode: 'WRONG234' });
        out.push(`${r.status} ${r.body.message}`);
      }
      return out;
    };
    const known = await answers(site.site_code!, '10.77.0.1');
    const unknown = await answers('1303027999', '10.77.0.2');
    expect(unknown).toEqual(known);
    expect(known[0]).toBe('401 网站标识码或校验码错误');
    expect(known[4]).toMatch(/^423 校验码连续错误 5 次，账号已锁定/);
  });
});
