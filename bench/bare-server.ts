// The limits of the throughput benchmarks, run as a child process like the real server: a bare Fastify app with
// GET /const (a constant), GET /sql (the statements an endpoint runs, captured by the benchmark, run raw and
// returned) and POST /tx/:id (the bare write of a final approval: UPDATE of the request + INSERT of its 审核流水 entry,
// in one transaction). No sessions, CSRF, visibility checks, schemas or presenters.
// usage: node --import tsx bench/bare-server.ts   (PORT, DATABASE_URL / GOVSITE_DATA_DIR, BENCH_SQL_FILE)
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { type CompiledQuery, sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { markPrepared } from '../src/db/prepared.ts';

const port = Number(process.env.PORT ?? 3950);
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.GOVSITE_DATA_DIR ?? '',
});
const db = database.db;
// Prepared in the server → prepared here (named statements on PostgreSQL, src/db/prepared.ts).
const statements = (
  process.env.BENCH_SQL_FILE
    ? (JSON.parse(readFileSync(process.env.BENCH_SQL_FILE, 'utf8')) as (CompiledQuery & { prepared?: boolean })[])
    : []
).map((q) => (q.prepared ? { ...q, sql: markPrepared(q.sql) } : q));

const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ ok: true }));
app.get('/const', async () => ({ ok: true, items: [] }));
app.get('/sql', async () => {
  const results = await Promise.all(statements.map((q) => db.executeQuery(q)));
  return results.map((r) => r.rows);
});
app.post<{ Params: { id: string } }>('/tx/:id', async (request) => {
  const id = Number(request.params.id);
  await db.transaction().execute(async (trx) => {
    await sql`UPDATE requests SET state = 'CODE_PENDING', current_org = NULL, version = version + 1,
      updated_at = now(), final_approved_at = now(), decided_at = now() WHERE id = ${id} AND state = 'IN_REVIEW'`.execute(
      trx,
    );
    await sql`INSERT INTO audit_log (at, actor_type, action, entity_type, entity_id, request_id)
      VALUES (now(), 'SYSTEM', '基准测试', 'REQUEST', ${String(id)}, ${id})`.execute(trx);
  });
  return { ok: true };
});
await app.listen({ host: '127.0.0.1', port });

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
