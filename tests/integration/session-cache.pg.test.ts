// Two instances on one PostgreSQL database (issue 22): a session kept by instance B ends when instance A ends or
// narrows it, as soon as A's notification reaches B; while B cannot hear A, B keeps nothing; a write that bypasses
// the system (psql) is seen within GOVSITE_SESSION_CACHE_MS or at the system's next change to users, units or sessions.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUTH_CHANNEL, authChangesOf } from '../../src/db/auth-changes.ts';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/test-app.ts';

// Long enough that nothing below depends on timing; the entry's time to live is tested in tests/unit/auth-changes.
const TTL_B = 60_000;
let t: TestApp;
let databaseB: Database;
let appB: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp({ config: { sessionCacheMs: 60_000 } });
  databaseB = await openDatabase({ databaseUrl: t.testDb.databaseUrl, dataDir: '', poolSize: 4 });
  const keys = await loadKeys(databaseB.db, 'test-secret');
  appB = await buildApp(
    { ...t.ctx, db: databaseB.db, keys, config: { ...t.ctx.config, sessionCacheMs: TTL_B } },
    { logger: false },
  );
  await appB.ready();
  for (const db of [t.ctx.db, databaseB.db])
    await vi.waitFor(() => expect(authChangesOf(db)?.complete).toBe(true), { timeout: 5000 });
});
afterAll(async () => {
  await appB.close();
  await databaseB.close();
  await t.close();
});

const changesB = () => {
  const c = authChangesOf(databaseB.db);
  if (!c) throw new Error('instance B has no AuthChanges');
  return c;
};

/** Logs `username` in on A and returns a client of B with the same cookies, its session kept by B. */
async function keptOnB(username: string): Promise<TestClient> {
  const a = await t.loginAs(username);
  const b = new TestClient(appB);
  for (const [k, v] of a.cookies) b.cookies.set(k, v);
  b.csrfToken = a.csrfToken;
  expect((await b.get('/api/org-units')).status).toBe(200);
  expect((await b.get('/api/org-units')).status).toBe(200);
  return b;
}

/** A connection that is not the system's: its writes send no notification. */
async function outside<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: t.testDb.databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('a session kept by another instance', () => {
  it('ends once A disables the account: A notifies, B forgets', async () => {
    const admin = await t.loginAs('hebei');
    const b = await keptOnB('haigang');
    const id = (
      await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'haigang').executeTakeFirstOrThrow()
    ).id;
    const before = changesB().epoch;
    expect((await admin.post(`/api/accounts/${id}/enabled`, { enabled: false })).status).toBe(200);
    await vi.waitFor(() => expect(changesB().epoch).toBeGreaterThan(before), { timeout: 5000 });
    expect((await b.get('/api/org-units')).status).toBe(401);
    expect((await admin.post(`/api/accounts/${id}/enabled`, { enabled: true })).status).toBe(200);
  });

  it('is not kept from a read that overlapped A’s transaction, on either instance', async () => {
    const b = await keptOnB('qinhuangdao');
    const a = new TestClient(t.app);
    for (const [k, v] of b.cookies) a.cookies.set(k, v);
    const before = changesB().epoch;
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ enabled: false }).where('username', '=', 'qinhuangdao').execute();
      // Not yet committed: both instances still see the account enabled.
      expect((await a.get('/api/org-units')).status).toBe(200);
      expect((await b.get('/api/org-units')).status).toBe(200);
    });
    expect((await a.get('/api/org-units')).status).toBe(401);
    await vi.waitFor(() => expect(changesB().epoch).toBeGreaterThan(before), { timeout: 5000 });
    expect((await b.get('/api/org-units')).status).toBe(401);
    await t.ctx.db.updateTable('users').set({ enabled: true }).where('username', '=', 'qinhuangdao').execute();
  });

  it('keeps nothing while B cannot hear: its listening connection killed, a write from outside counts at once', async () => {
    const b = await keptOnB('shanhaiguan');
    await outside((c) =>
      c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
        [`LISTEN ${AUTH_CHANNEL}`],
      ),
    );
    await vi.waitFor(() => expect(changesB().complete).toBe(false), { timeout: 5000 });
    await outside((c) =>
      c.query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'shanhaiguan')`),
    );
    expect((await b.get('/api/org-units')).status).toBe(401);
    // It listens again by itself.
    await vi.waitFor(() => expect(changesB().complete).toBe(true), { timeout: 10_000 });
  });

  it('does not see a write that bypasses the system until the entry is too old (the README’s bound)', async () => {
    const b = await keptOnB('shuiwu');
    await outside((c) =>
      c.query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'shuiwu')`),
    );
    // Nothing told B, so its kept entry answers: B did keep it, and only its age ends it (GOVSITE_SESSION_CACHE_MS).
    expect((await b.get('/api/org-units')).status).toBe(200);
    // Any change the system makes ends it.
    await sql`UPDATE users SET display_name = display_name WHERE username = 'shuiwu'`.execute(t.ctx.db);
    await vi.waitFor(async () => expect((await b.get('/api/org-units')).status).toBe(401), { timeout: 5000 });
  });

  it('the system’s own writes notify inside their transaction: a rollback notifies nothing', async () => {
    const before = changesB().epoch;
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        await sql`UPDATE users SET display_name = display_name WHERE username = 'hebei'`.execute(trx);
        throw new Error('rolled back');
      })
      .catch(() => {});
    // A committed write afterwards is the next thing B hears.
    await sql`UPDATE users SET display_name = display_name WHERE username = 'hebei'`.execute(t.ctx.db);
    await vi.waitFor(() => expect(changesB().epoch).toBe(before + 1), { timeout: 5000 });
  });
});
