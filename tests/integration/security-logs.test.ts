// Secrets never reach the log: the real server (`govsite serve`, pino JSON logs on stdout) runs as a child process,
// is driven over HTTP through logins, a password change, an application, a 临时码 query, a 校验码 reset, a 填报单位
// login and account resets, and its whole log is then searched for every secret it saw.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { makeSite, sampleInfo } from '../helpers/factories.ts';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/test-database.ts';
import { HttpClient } from '../stress/http-client.ts';
import { type ServerProcess, startServerProcess } from '../stress/processes.ts';

const logFile = join(tmpdir(), `govsite-security-log-${randomUUID()}.log`);
let testDb: TestDatabase;
let server: ServerProcess;
let base = '';
let siteId = 0;
let siteCode = '';

beforeAll(async () => {
  testDb = await createTestDatabase();
  const site = await makeSite(testDb.database.db, { orgCode: '130302', seq: 1 });
  siteId = site.id;
  siteCode = site.site_code!;
  // The embedded database is the child's from here on (one process per data directory).
  if (!usingPostgres()) await testDb.database.close();
  server = await startServerProcess(
    {
      DATABASE_URL: testDb.databaseUrl ?? '',
      GOVSITE_DATA_DIR: testDb.dataDir || join(tmpdir(), 'unused'),
      GOVSITE_SECRET: 'security-log-test-secret',
      // The most verbose level: nothing secret may appear even there.
      GOVSITE_LOG_LEVEL: 'trace',
    },
    logFile,
  );
  base = server.url;
});

afterAll(async () => {
  await server?.kill('SIGKILL');
  await testDb?.drop();
  rmSync(logFile, { force: true });
});

describe('secrets in the log', () => {
  it('never logs a password, 临时码, 校验码, session cookie, CSRF token or idempotency key', async () => {
    const secrets = new Map<string, string>();
    const NEW_PASSWORD = 'County#Log-Test-2026';
    const WRONG_PASSWORD = 'Typo#Secret-Pw-9931';
    secrets.set('demo password', DEMO_PASSWORD);
    secrets.set('new password', NEW_PASSWORD);
    secrets.set('mistyped password', WRONG_PASSWORD);

    // An org admin: first login, forced password change, a mistyped password, a login with the new one.
    const admin = new HttpClient(base);
    await admin.request('GET', '/api/session');
    secrets.set('anonymous CSRF token', admin.csrf);
    secrets.set('anonymous CSRF cookie', admin.cookies.get('gs_csrf') ?? '');
    expect(
      (await admin.request('POST', '/api/auth/login', { username: 'haigang', password: DEMO_PASSWORD })).status,
    ).toBe(200);
    secrets.set('first session cookie', admin.cookies.get('gs_sid') ?? '');
    secrets.set('first session CSRF token', admin.csrf);
    const changed = await admin.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    const typo = await new HttpClient(base).request('POST', '/api/auth/login', {
      username: 'haigang',
      password: WRONG_PASSWORD,
    });
    expect(typo.status).toBe(401);
    expect(
      (await admin.request('POST', '/api/auth/login', { username: 'haigang', password: NEW_PASSWORD })).status,
    ).toBe(200);
    secrets.set('second session cookie', admin.cookies.get('gs_sid') ?? '');
    secrets.set('second session CSRF token', admin.csrf);

    // An applicant: a new-site application (临时码), then the progress query with it.
    const applicant = new HttpClient(base);
    const key = randomUUID();
    secrets.set('idempotency key', key);
    const info = sampleInfo({
      name: '日志保密测试网站',
      homeUrl: 'https://log-secrets.hg.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const submitted = await applicant.request('POST', '/api/public/applications', info, { 'idempotency-key': key });
    expect(submitted.status).toBe(200);
    const tempCode = String(submitted.body.tempCode);
    secrets.set('临时码', tempCode);
    expect((await applicant.request('POST', '/api/public/progress', { tempCode })).status).toBe(200);
    expect((await applicant.request('POST', '/api/public/progress', { tempCode: tempCode.toLowerCase() })).status).toBe(
      200,
    );

    // The 本级组织单位 resets the site's 校验码; the operator logs in with it.
    const reset = await admin.request('POST', `/api/sites/${siteId}/reset-check-code`);
    expect(reset.status).toBe(200);
    const checkCode = String(reset.body.checkCode);
    secrets.set('校验码', checkCode);
    const operator = new HttpClient(base);
    expect((await operator.request('POST', '/api/auth/site-login', { siteCode, checkCode })).status).toBe(200);
    secrets.set('site session cookie', operator.cookies.get('gs_sid') ?? '');
    secrets.set('site session CSRF token', operator.csrf);
    expect((await operator.request('GET', '/api/site/me')).status).toBe(200);

    // Accounts: a new account's one-time password, then a reset's.
    const created = await admin.request('POST', '/api/accounts', {
      username: 'log.secret',
      displayName: '日志测试',
      orgCode: '130302',
      role: 'REVIEWER',
    });
    expect(created.status).toBe(200);
    secrets.set('initial password', String(created.body.initialPassword));
    const resetPassword = await admin.request('POST', `/api/accounts/${String(created.body.id)}/reset-password`);
    expect(resetPassword.status).toBe(200);
    secrets.set('reset password', String(resetPassword.body.initialPassword));

    // A graceful stop flushes the log.
    await server.kill('SIGTERM');
    const log = readFileSync(logFile, 'utf8');
    // The log is real: every request above was logged, with its URL.
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/public/progress');
    expect(log).toContain('/api/sites/');

    // The start-up banner prints the demo accounts' public initial password (README); the logger must not.
    const jsonLog = log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .join('\n');
    expect(jsonLog.split('\n').length).toBeGreaterThan(30);
    const leaks: string[] = [];
    for (const [what, value] of secrets) {
      expect(value.length, what).toBeGreaterThanOrEqual(8);
      const searched = what === 'demo password' ? jsonLog : log;
      if (searched.toLowerCase().includes(value.toLowerCase())) leaks.push(what);
    }
    expect(leaks).toEqual([]);
  });
});
