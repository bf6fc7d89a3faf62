// Logical backup and restore that work the same on PGlite and PostgreSQL (and move data between them):
// a gzip'd JSON-lines file with a header, then every row of every table of the public schema.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db, Trx } from '../../context.ts';

const FORMAT = 'govsite-backup';
const VERSION = 1;
const BATCH = 1000;

interface Header {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

export async function listTables(db: Db | Trx): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  return r.rows.map((x) => x.name);
}

async function appliedMigrations(db: Db | Trx): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM govsite_migrations ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

/**
 * Writes a consistent snapshot (one REPEATABLE READ transaction), streamed to a gzip file. The file appears only
 * when complete: it is written beside its name and renamed at the end, so a backup that fails or is killed leaves
 * no truncated file, and two backups to one name at once leave one whole snapshot (the later one).
 */
export async function backupDatabase(
  db: Db,
  file: string,
  onTable: (table: string, rows: number) => void = () => {},
): Promise<number> {
  const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  try {
    const total = await writeSnapshot(db, partial, onTable);
    await rename(partial, file);
    return total;
  } finally {
    await rm(partial, { force: true });
  }
}

async function writeSnapshot(db: Db, file: string, onTable: (table: string, rows: number) => void): Promise<number> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let total = 0;
  try {
    await db.transaction().execute(async (trx) => {
      await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`.execute(trx);
      const tables = await listTables(trx);
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables,
      };
      await write(JSON.stringify(header));
      for (const table of tables) {
        let count = 0;
        for (let offset = 0; ; offset += BATCH) {
          const r = await sql<{
            row: string;
          }>`SELECT row_to_json(t)::text AS row FROM ${sql.table(table)} t ORDER BY t.ctid LIMIT ${BATCH} OFFSET ${offset}`.execute(
            trx,
          );
          for (const x of r.rows) await write(`{"t":${JSON.stringify(table)},"r":${x.row}}`);
          count += r.rows.length;
          if (r.rows.length < BATCH) break;
        }
        total += count;
        onTable(table, count);
      }
    });
  } finally {
    gzip.end();
    await done;
  }
  return total;
}

/**
 * Restores into a migrated database that holds no data of its own (`govsite migrate` on an empty database, no demo
 * seed). Triggers and foreign keys are suspended for the load, then sequences are moved past the restored ids.
 */
export async function restoreDatabase(db: Db, file: string): Promise<number> {
  let header: Header | undefined;
  const pending = new Map<string, unknown[]>();
  let total = 0;
  await db.transaction().execute(async (trx) => {
    const tables = await listTables(trx);
    const flush = async (table: string) => {
      const rows = pending.get(table);
      if (!rows?.length) return;
      await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
        trx,
      );
      total += rows.length;
      pending.set(table, []);
    };
    // Opened only now: readline drops lines emitted before its async iterator is attached.
    const rl = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of rl) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== FORMAT || header.version !== VERSION)
          throw new Error('不是本系统的备份文件，或备份格式版本不受支持');
        const here = await appliedMigrations(trx);
        if (JSON.stringify(here) !== JSON.stringify(header.migrations)) {
          throw new Error(
            `备份的数据库结构（${header.migrations.at(-1)}）与当前（${here.at(-1)}）不一致，请用同一版本恢复`,
          );
        }
        const counts = await Promise.all(
          tables
            .filter((t) => !t.startsWith('govsite_migrations') && t !== 'column_categories')
            .map(async (t) => {
              const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(trx);
              return r.rows[0]?.n ?? 0;
            }),
        );
        if (counts.some((n) => n > 0))
          throw new Error('目标数据库已有数据：请恢复到一个只执行过 govsite migrate 的空数据库');
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        for (const t of tables)
          if (!t.startsWith('govsite_migrations')) await sql`DELETE FROM ${sql.table(t)}`.execute(trx);
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (t.startsWith('govsite_migrations')) continue;
      if (!tables.includes(t)) throw new Error(`备份中的表 ${t} 在当前数据库中不存在`);
      const rows = pending.get(t) ?? [];
      rows.push(r);
      pending.set(t, rows);
      if (rows.length >= BATCH) await flush(t);
    }
    for (const table of pending.keys()) await flush(table);
    // Move every serial sequence past the restored ids.
    const seqs = await sql<{ tbl: string; col: string; seq: string }>`
      SELECT c.table_name AS tbl, c.column_name AS col, pg_get_serial_sequence(c.table_name, c.column_name) AS seq
      FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.column_default LIKE 'nextval(%'`.execute(
      trx,
    );
    for (const s of seqs.rows) {
      await sql`SELECT setval(${s.seq}, coalesce((SELECT max(${sql.ref(s.col)}) FROM ${sql.table(s.tbl)}), 0) + 1, false)`.execute(
        trx,
      );
    }
  });
  if (!header) throw new Error('备份文件为空');
  return total;
}

/** One fingerprint per table (row count and md5 of the rows in a stable order), to compare two databases. */
export async function tableFingerprints(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await listTables(db)) {
    if (table.startsWith('govsite_migrations')) continue;
    const r = await sql<{ n: number; h: string | null }>`
      SELECT count(*)::int AS n, md5(string_agg(row_to_json(t)::text, E'\n' ORDER BY row_to_json(t)::text)) AS h
      FROM ${sql.table(table)} t`.execute(db);
    out[table] = `${r.rows[0]?.n}:${r.rows[0]?.h ?? ''}`;
  }
  return out;
}
