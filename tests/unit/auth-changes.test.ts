// Which statements move the session epoch (src/db/auth-changes.ts), over every way our code spells a write — the
// query builder's statements as compiled, raw SQL in upper and lower case, quoted, schema-qualified, aliased, inside a
// CTE — and the session cache's use of the epoch.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AuthChanges, isAuthWrite, NOT_NARROWING } from '../../src/db/auth-changes.ts';
import { SessionCache } from '../../src/server/plugins/session-cache.ts';
import { compileOnlyDb as db } from '../helpers/compile-only-db.ts';

const TABLES = ['users', 'org_units', 'sessions'] as const;

describe('isAuthWrite', () => {
  it('is true for every builder write to users, org_units and sessions', () => {
    for (const table of TABLES) {
      const texts = [
        db
          .updateTable(table)
          .set({ created_at: new Date() } as never)
          .compile().sql,
        db
          .deleteFrom(table)
          .where('created_at' as never, '<', new Date() as never)
          .compile().sql,
        db
          .insertInto(table)
          .values({ created_at: new Date() } as never)
          .compile().sql,
        db
          .insertInto(table)
          .values({ created_at: new Date() } as never)
          .onConflict((oc) => oc.doNothing())
          .compile().sql,
        db
          .with('gone', (w) => w.deleteFrom(table).returning('created_at' as never))
          .selectFrom('gone')
          .selectAll()
          .compile().sql,
        db
          .updateTable(`${table} as t` as never)
          .set({ created_at: new Date() } as never)
          .compile().sql,
      ];
      for (const text of texts) expect(isAuthWrite(text), text).toBe(true);
    }
  });

  it('is true for every raw spelling', () => {
    for (const table of TABLES) {
      for (const text of [
        `UPDATE ${table} SET enabled = false WHERE id = $1`,
        `update ${table} set enabled = false`,
        `UPDATE "${table}" AS t SET role = $1`,
        `UPDATE public.${table} SET x = 1`,
        `UPDATE "public"."${table}" SET x = 1`,
        `UPDATE ONLY ${table} SET x = 1`,
        `DELETE FROM ${table} WHERE id = $1`,
        `delete   from\n  ${table}`,
        `INSERT INTO ${table}(a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2`,
        `TRUNCATE ${table}`,
        `TRUNCATE TABLE ${table} CASCADE`,
        `MERGE INTO ${table} t USING x ON true WHEN MATCHED THEN DELETE`,
        `WITH moved AS (UPDATE ${table} SET x = 1 RETURNING id) SELECT count(*) FROM moved`,
        sql`UPDATE ${sql.table(table)} SET x = 1`.compile(db).sql,
      ]) {
        expect(isAuthWrite(text), text).toBe(true);
      }
    }
  });

  it('is false for reads, for other tables and for the session touch', () => {
    for (const text of [
      db.selectFrom('users').selectAll().compile().sql,
      db.selectFrom('sessions as s').leftJoin('users as u', 'u.id', 's.user_id').selectAll().compile().sql,
      db.updateTable('sites').set({ updated_at: new Date() }).compile().sql,
      'UPDATE users_archive SET x = 1',
      'UPDATE site_users SET x = 1',
      'DELETE FROM org_units_history',
      'INSERT INTO audit_log (data) VALUES ($1)',
      `${NOT_NARROWING}UPDATE sessions SET last_seen_at = $1 WHERE id_digest = $2`,
    ]) {
      expect(isAuthWrite(text), text).toBe(false);
    }
  });

  it('counts the touch marker only at the start of the statement', () => {
    expect(isAuthWrite(`UPDATE users SET enabled = false; ${NOT_NARROWING}`)).toBe(true);
  });
});

describe('SessionCache', () => {
  const loader = (rows: string[]) => {
    let n = 0;
    return { load: async () => rows[n++], reads: () => n };
  };

  it('reuses a row until the epoch moves', async () => {
    const changes = new AuthChanges(undefined);
    const cache = new SessionCache<string>(changes, 60_000);
    const l = loader(['a', 'b', 'c']);
    expect(await cache.get('d', l.load)).toBe('a');
    expect(await cache.get('d', l.load)).toBe('a');
    expect(l.reads()).toBe(1);
    changes.changed();
    expect(await cache.get('d', l.load)).toBe('b');
    expect(l.reads()).toBe(2);
  });

  it('does not keep a row read while the epoch moved', async () => {
    const changes = new AuthChanges(undefined);
    const cache = new SessionCache<string>(changes, 60_000);
    const first = await cache.get('d', async () => {
      changes.changed();
      return 'old';
    });
    expect(first).toBe('old');
    expect(await cache.get('d', async () => 'new')).toBe('new');
  });

  it('keeps nothing when the session is unknown, when disabled, or when changes may be missed', async () => {
    const changes = new AuthChanges(undefined);
    const cache = new SessionCache<string>(changes, 60_000);
    const l = loader([undefined as never, 'x', 'y']);
    expect(await cache.get('d', l.load)).toBeUndefined();
    expect(await cache.get('d', l.load)).toBe('x');
    expect(l.reads()).toBe(2);

    const off = new SessionCache<string>(changes, 0);
    const m = loader(['a', 'b']);
    await off.get('d', m.load);
    await off.get('d', m.load);
    expect(m.reads()).toBe(2);

    // A PostgreSQL database whose listener is not connected (no server here): every request reads.
    const remote = new AuthChanges('postgres://127.0.0.1:1/none');
    expect(remote.complete).toBe(false);
    const blind = new SessionCache<string>(remote, 60_000);
    const k = loader(['a', 'b']);
    await blind.get('d', k.load);
    await blind.get('d', k.load);
    expect(k.reads()).toBe(2);
    await remote.close();
  });

  it('forgets an entry on request and after its time to live', async () => {
    const changes = new AuthChanges(undefined);
    const cache = new SessionCache<string>(changes, 30);
    const l = loader(['a', 'b', 'c']);
    await cache.get('d', l.load);
    cache.forget('d');
    expect(await cache.get('d', l.load)).toBe('b');
    await new Promise((r) => setTimeout(r, 40));
    expect(await cache.get('d', l.load)).toBe('c');
  });
});
