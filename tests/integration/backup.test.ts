// Backup and restore round trip: every table of a populated database comes back identical in a fresh one.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrateToLatest, openDatabase } from '../../src/db/database.ts';
import { writeAudit } from '../../src/server/audit.ts';
import { backupDatabase, restoreDatabase, tableFingerprints } from '../../src/server/modules/backup/backup.ts';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { usingPostgres } from '../helpers/test-database.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'govsite-backup-'));
let target: Database;
let dropTarget: () => Promise<void>;

beforeAll(async () => {
  t = await createTestApp();
  if (usingPostgres()) {
    const name = `govsite_restore_${randomBytes(4).toString('hex')}`;
    const adminUrl = new URL(process.env.DATABASE_URL!);
    adminUrl.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    target = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    dropTarget = async () => {
      await target.close();
      const c = new pg.Client({ connectionString: adminUrl.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dataDir = join(dir, 'restored');
    target = await openDatabase({ dataDir });
    dropTarget = async () => {
      await target.close();
    };
  }
  await migrateToLatest(target.db);
});

afterAll(async () => {
  await dropTarget?.();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('govsite backup / restore', () => {
  it('round-trips every table, including the audit chain and sequences', async () => {
    const db = t.ctx.db;
    await makeSite(db, { name: '备份测试网站“引号”\n换行', orgCode: '130302' });
    await makeApplication(db, { orgCode: '130303', state: 'IN_REVIEW', stepIndex: 1 });
    await writeAudit(db, t.clock.now(), 'SYSTEM', {
      kind: 'DEMO_DATA_SEEDED',
      entityType: 'TEST',
      entityId: '1',
      data: { 嵌套: { a: [1, 2] } },
    });
    const file = join(dir, 'backup.jsonl.gz');
    const rows = await backupDatabase(db, file);
    expect(rows).toBeGreaterThan(3000);
    expect(statSync(file).size).toBeGreaterThan(1000);

    await restoreDatabase(target.db, file);
    expect(await tableFingerprints(target.db)).toEqual(await tableFingerprints(db));

    // Sequences moved past the restored ids: a new row gets a fresh id.
    const maxId = await target.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    await writeAudit(target.db, new Date(), 'SYSTEM', { kind: 'DEMO_DATA_SEEDED', entityType: 'TEST', entityId: '2' });
    const after = await target.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(Number(after.m)).toBeGreaterThan(Number(maxId.m));
  });

  it('refuses to restore over a database that already has data', async () => {
    const file = join(dir, 'backup2.jsonl.gz');
    await backupDatabase(t.ctx.db, file);
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(/已有数据/);
  });
});
