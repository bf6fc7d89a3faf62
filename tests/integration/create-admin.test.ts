// `govsite create-admin` as a real process against an empty database (PGlite data directory or a new PostgreSQL
// database): creates the root unit and the first ADMIN, who can then log in over HTTP; refuses a taken username,
// a weak password and a missing password; every creation is in the 审核流水.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { ManualClock } from '../../src/server/clock.ts';
import type { AppContext } from '../../src/server/context.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { runCli } from '../helpers/cli.ts';
import { TestClient } from '../helpers/test-app.ts';
import { usingPostgres } from '../helpers/test-database.ts';

const PASSWORD = 'Gw#2026-root-Admin';

function postgresUrl(name: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('govsite create-admin', () => {
  // An empty database: no org unit, no account (what PostgreSQL looks like without the demo seed).
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'govsite-create-admin-'));
    if (usingPostgres()) {
      const name = `govsite_t_admin_${randomBytes(4).toString('hex')}`;
      await onServer(`CREATE DATABASE ${name}`);
      env = { DATABASE_URL: postgresUrl(name), GOVSITE_DATA_DIR: dataDir };
      cleanup = async () => {
        await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dataDir, { recursive: true, force: true });
      };
    } else {
      env = { DATABASE_URL: '', GOVSITE_DATA_DIR: dataDir };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await cleanup();
  });

  const open = (): Promise<Database> =>
    openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.GOVSITE_DATA_DIR! });

  it('creates the root unit and an ADMIN who logs in with the password read from stdin', async () => {
    const run = await runCli(['create-admin', 'chief', '--name', '张主任', '--password-stdin'], {
      env,
      input: `${PASSWORD}\n`,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已创建：国务院办公厅（bm0100）');
    expect(run.stdout).toContain('已创建管理员账号 chief');

    const database = await open();
    try {
      const db = database.db;
      const user = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'org_code', 'role', 'password_hash', 'must_change_password', 'enabled'])
        .where('username', '=', 'chief')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        display_name: '张主任',
        org_code: 'bm0100',
        role: 'ADMIN',
        must_change_password: false,
        enabled: true,
      });
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(user.password_hash).not.toContain(PASSWORD);
      const root = await db
        .selectFrom('org_units')
        .select(['name', 'level', 'parent_code', 'path'])
        .where('code', '=', 'bm0100')
        .executeTakeFirstOrThrow();
      expect(root).toEqual({ name: '国务院办公厅', level: 0, parent_code: null, path: '/bm0100/' });
      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'entity_type', 'entity_id', 'actor_type', 'data'])
        .orderBy('id')
        .execute();
      expect(audit.map((a) => [a.action, a.entity_type, a.entity_id, a.actor_type])).toEqual([
        ['新建组织单位', 'ORG_UNIT', 'bm0100', 'SYSTEM'],
        ['新建账号', 'USER', String(user.id), 'SYSTEM'],
      ]);

      // The real login endpoint accepts the new account, and it may use the account pages at once.
      const config = { ...loadConfig({}), databaseUrl: env.DATABASE_URL || undefined, webDir: '/nonexistent' };
      const ctx: AppContext = {
        db,
        dbKind: database.kind,
        clock: new ManualClock(new Date().toISOString()),
        keys: await loadKeys(db, 'test-secret'),
        config,
      };
      const app = await buildApp(ctx, { logger: false });
      try {
        const client = new TestClient(app);
        const wrong = await client.post('/api/auth/login', { username: 'chief', password: `${PASSWORD}x` });
        expect(wrong.status).toBe(401);
        const login = await client.post('/api/auth/login', { username: 'chief', password: PASSWORD });
        expect(login.status).toBe(200);
        const accounts = await client.get('/api/accounts');
        expect(accounts.status).toBe(200);
        expect(accounts.body.items.map((a: { username: string }) => a.username)).toEqual(['chief']);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a username that exists (in any letter case) and leaves the database unchanged', async () => {
    const run = await runCli(['create-admin', 'CHIEF', '--password-stdin'], { env, input: PASSWORD });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('用户名 CHIEF 已存在，未创建账号');
    // A second admin under the existing root is fine.
    const second = await runCli(['create-admin', 'deputy', '--password-stdin'], { env, input: 'Another#Pass2026' });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('根组织单位');

    const database = await open();
    try {
      const users = await database.db.selectFrom('users').select('username').orderBy('username').execute();
      expect(users.map((u) => u.username)).toEqual(['chief', 'deputy']);
      const units = await database.db.selectFrom('org_units').select('code').execute();
      expect(units.map((u) => u.code)).toEqual(['bm0100']);
      const created = await database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', '新建账号')
        .execute();
      expect(created).toHaveLength(2);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a password against the policy, and a missing password when stdin is not a terminal', async () => {
    const weak = await runCli(['create-admin', 'weakling', '--password-stdin'], { env, input: 'weakling123' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码不符合要求，未创建账号');
    expect(weak.stderr).toContain('密码不能包含用户名');
    // Long enough and of three classes, but among the first guesses of any attacker (issue 16).
    const common = await runCli(['create-admin', 'weakling', '--password-stdin'], { env, input: 'Password123' });
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('密码过于常见或容易被猜中');

    const noPrompt = await runCli(['create-admin', 'weakling'], { env, input: PASSWORD });
    expect(noPrompt.code).toBe(1);
    expect(noPrompt.stderr).toContain('请使用 --password-stdin');

    const badName = await runCli(['create-admin', '管理员', '--password-stdin'], { env, input: PASSWORD });
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('用户名须为 3–30 位字母、数字、下划线、点或连字符');

    const database = await open();
    try {
      const users = await database.db.selectFrom('users').select('username').orderBy('username').execute();
      expect(users.map((u) => u.username)).toEqual(['chief', 'deputy']);
    } finally {
      await database.close();
    }
  }, 120_000);
});
