// Opens the database: embedded PGlite in the data directory by default, PostgreSQL when DATABASE_URL is set.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import pg from 'pg';
import { AuthChanges, registerAuthChanges, watchAuthWrites } from './auth-changes.ts';
import { migrations } from './migrations/index.ts';
import { namePreparedStatements } from './prepared.ts';
import type { DB } from './schema.ts';

// bigint (int8) as a JavaScript number on pg, as PGlite already does: ids and counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `数据目录 ${dir} 正被另一个进程（PID ${pid}）使用。嵌入式数据库只能由一个进程打开；` +
        `请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL 运行多个实例。` +
        ` (data directory is locked by process ${pid})`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dataDir>/govsite.lock` atomically; a lock left by a dead process is taken over. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'govsite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A dropped connection must not crash the process; the next query gets a new one.
    pool.on('error', () => {});
    // The pool listens for errors only on idle clients. A client that is checked out when PostgreSQL goes away (a
    // transaction between two statements, a job's lock connection) emits 'error' with no listener, which would end
    // the process. Its queries fail on their own (answered 503), and the pool drops it when it is released.
    pool.on('connect', (client) => {
      client.on('error', () => {});
      namePreparedStatements(client);
    });
    const changes = new AuthChanges(options.databaseUrl);
    const db = new Kysely<DB>({ dialect: watchAuthWrites(new PostgresDialect({ pool }), changes, true) });
    registerAuthChanges(db, changes);
    return {
      db,
      kind: 'postgres',
      close: async () => {
        await changes.close();
        await db.destroy();
      },
    };
  }
  const unlock = lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: join(options.dataDir, 'pgdata'), extensions: { pg_trgm } });
    const changes = new AuthChanges(undefined);
    const db = new Kysely<DB>({ dialect: watchAuthWrites(new PGliteDialect({ pglite }), changes, false) });
    registerAuthChanges(db, changes);
    let closed = false;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        if (closed) return;
        closed = true;
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(
      `数据库迁移失败${migration ? `（${migration}）` : ''}：${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'MigrationError';
  }
}

/** The names in the migration ledger, or null before the first migration (no ledger table yet). */
async function appliedMigrations(db: Kysely<DB>): Promise<Set<string> | null> {
  const table = await sql<{ t: string | null }>`SELECT to_regclass('govsite_migrations')::text AS t`.execute(db);
  if (!table.rows[0]?.t) return null;
  const rows = await sql<{ name: string }>`SELECT name FROM govsite_migrations`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResultSet> {
  // Every start runs this. When the ledger already lists exactly our migrations, two small reads say so; Kysely's
  // Migrator would first introspect every table of the schema (~0.5 s on PGlite) and take its lock.
  const applied = await appliedMigrations(db);
  const names = Object.keys(migrations);
  if (applied && applied.size === names.length && names.every((n) => applied.has(n))) return { results: [] };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'govsite_migrations',
    migrationLockTableName: 'govsite_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, result.error);
  }
  return result;
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
