// kill -9 of the real server while it streams 导出全部筛选结果 (GET /api/sites/export-all) on PostgreSQL: the download
// breaks off, the dead server leaves no connection, transaction or lock behind, nothing but the export's one audit
// entry was stored, a new server starts on the same database, the old session still works, and the export can be
// repeated in full.
import { rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { verifyAuditLog } from '../../src/server/modules/audit/chain.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { HttpClient } from './http-client.ts';
import { type ServerProcess, startServerProcess, waitFor } from './processes.ts';

const SITES_PER_ORG = Number(process.env.GOVSITE_STRESS_EXPORT_PER_ORG ?? 1000);
const ORGS = 24;

describe('kill -9 during a streamed export', () => {
  let testDb: TestDatabase;
  let server: ServerProcess | null = null;
  const log = (n: number) => join(tmpdir(), `govsite-crash-export-${process.pid}-${n}.log`);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.database.db;
    const info = JSON.stringify(
      sampleInfo({ name: '压力测试网站', homeUrl: 'https://x.example.gov.cn/', orgCode: '130302', isPortal: false }),
    );
    // Registered sites in 24 counties, inserted in one statement.
    await sql`INSERT INTO sites (site_code, org_code, name, name_key, home_url, home_url_key, home_host, sponsor_name,
        is_portal, is_service_platform, info, run_status, created_at, updated_at)
      SELECT o.code || lpad(g::text, 4, '0'), o.code, '压力测试网站' || o.code || '-' || g, '压力测试网站' || o.code || '-' || g,
        'https://s' || g || '.' || o.code || '.example.gov.cn/', 's' || g || '.' || o.code || '.example.gov.cn',
        's' || g || '.' || o.code || '.example.gov.cn', '压力测试主办单位' || g, false, false, ${info}::jsonb, 'NORMAL',
        now(), now()
      FROM (SELECT code FROM org_units WHERE level = 3 AND enabled ORDER BY code LIMIT ${ORGS}) o,
        generate_series(1, ${SITES_PER_ORG}) g`.execute(db);
    await db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'admin').execute();
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await testDb?.drop();
    for (const n of [1, 2]) rmSync(log(n), { force: true });
  });

  const env = (name: string) => ({ DATABASE_URL: testDb.databaseUrl!, PGAPPNAME: name });

  async function exportCount(): Promise<number> {
    const r = await testDb.database.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', '导出')
      .executeTakeFirstOrThrow();
    return r.n;
  }

  /** Starts the export, reads its first chunk, stops reading (the server now waits on the socket) and kills -9. */
  function exportKilledMidway(base: string, client: HttpClient, kill: () => Promise<void>) {
    return new Promise<{ status: number; total: number; received: number; completed: boolean }>((resolve, reject) => {
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const req = http.get(`${base}/api/sites/export-all`, { headers: { cookie } }, (res) => {
        let received = 0;
        let killing: Promise<void> | null = null;
        let completed = false;
        const total = Number(res.headers['x-export-total']);
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (killing) return;
          res.pause();
          killing = kill().then(() => {
            res.resume();
          }, reject);
        });
        res.on('end', () => {
          completed = true;
        });
        // The socket may close before the child's exit is reported: settle once both happened.
        res.on('close', () => {
          void Promise.resolve(killing).then(() =>
            resolve({ status: res.statusCode ?? 0, total, received, completed }),
          );
        });
        res.on('error', () => {});
      });
      req.on('error', () => {});
    });
  }

  it('breaks off, leaves nothing behind, and the export works again after a restart', async () => {
    server = await startServerProcess(env('govsite-crash-1'), log(1));
    const client = new HttpClient(server.url);
    expect((await client.post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD })).status).toBe(200);
    const exportsBefore = await exportCount();

    const first = server;
    const killed = await exportKilledMidway(first.url, client, () => first.kill('SIGKILL'));
    expect(killed.status).toBe(200);
    expect(killed.completed, 'the download must break off: the server was killed mid-stream').toBe(false);
    expect([first.child.signalCode, first.child.exitCode], first.output().slice(-1500)).toEqual(['SIGKILL', null]);

    // The dead server's connections are gone (PostgreSQL sees the sockets close), with their transactions and locks.
    await waitFor('the killed server’s connections to go', async () => {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'govsite-crash-1'`.execute(testDb.database.db);
      return r.rows[0]?.n === 0 ? true : undefined;
    });
    const stuck = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state LIKE 'idle in transaction%'`.execute(testDb.database.db);
    expect(stuck.rows[0]?.n).toBe(0);
    // Nothing partial: the export stores only its audit entry, written once before the first byte.
    expect(await exportCount()).toBe(exportsBefore + 1);

    // A new server on the same database; the session in the database survived the crash.
    server = await startServerProcess(env('govsite-crash-2'), log(2));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const sameBrowser = new HttpClient(server.url);
    for (const [k, v] of client.cookies) sameBrowser.cookies.set(k, v);
    const again = await sameBrowser.get('/api/session');
    expect((again.body.actor as { kind?: string } | undefined)?.kind).toBe('ORG_USER');
    const res = await fetch(`${server.url}/api/sites/export-all`, {
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    expect(file.length).toBeGreaterThan(killed.received);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const total = Number(res.headers.get('x-export-total'));
    expect(total).toBe(killed.total);
    expect(total).toBeGreaterThanOrEqual(ORGS * SITES_PER_ORG);
    expect(sheet.actualRowCount).toBe(total + 1);
    expect(await exportCount()).toBe(exportsBefore + 2);
    expect((await verifyAuditLog(testDb.database.db)).ok).toBe(true);
    console.log(
      `[stress] export killed after ${killed.received} of ${file.length} bytes; repeated export: ${total} rows`,
    );
  });
});
