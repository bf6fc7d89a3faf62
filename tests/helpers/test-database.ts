// Test databases: a migrated and demo-seeded template made once per run, copied for each test file.
// PGlite: a template data directory copied on disk. PostgreSQL: CREATE DATABASE … TEMPLATE.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../../src/db/database.ts';
import { seedDemo } from '../../src/seed/demo.ts';

const RUN = (process.env.GOVSITE_TEST_RUN ?? 'default').replace(/[^a-z0-9]/gi, '');
export const TEMPLATE_DIR = resolve(`.tmp/test-template-${RUN}`);
const TEMPLATE_DB = `govsite_test_template_${RUN}`;

export function usingPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL!, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds the template once per test run (called from the global setup). */
export async function buildTemplate(): Promise<void> {
  if (usingPostgres()) {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    });
    const database = await openDatabase({
      databaseUrl: withDatabase(process.env.DATABASE_URL!, TEMPLATE_DB),
      dataDir: '',
    });
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db);
    } finally {
      await database.close();
    }
    return;
  }
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: TEMPLATE_DIR });
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db);
  } finally {
    await database.close();
  }
}

export async function dropTemplate(): Promise<void> {
  if (usingPostgres()) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`));
  else rmSync(TEMPLATE_DIR, { recursive: true, force: true });
}

export interface TestDatabase {
  database: Database;
  /** How to open the same database from another process or instance. */
  databaseUrl: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

/** A private copy of the template for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (usingPostgres()) {
    const name = `govsite_t_${suffix}`;
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
    const databaseUrl = withDatabase(process.env.DATABASE_URL!, name);
    const database = await openDatabase({ databaseUrl, dataDir: '' });
    return {
      database,
      databaseUrl,
      dataDir: '',
      drop: async () => {
        await database.close();
        await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  if (!existsSync(TEMPLATE_DIR)) throw new Error('test template missing: the global setup did not run');
  const root = join(tmpdir(), 'govsite-tests');
  mkdirSync(root, { recursive: true });
  const dataDir = join(root, suffix);
  cpSync(TEMPLATE_DIR, dataDir, { recursive: true, filter: (src) => !src.endsWith('govsite.lock') });
  const database = await openDatabase({ dataDir });
  return {
    database,
    databaseUrl: undefined,
    dataDir,
    drop: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
