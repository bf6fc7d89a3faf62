// Attempt limits that hold under bursts (issue 16): one row per limited key (an IP's logins, an IP's 临时码 queries,
// an unknown login name), counted by one INSERT … ON CONFLICT … RETURNING before the secret is checked. It replaces
// the per-failure rows of temp_code_failures, which were counted and written in two statements (raceable).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE attempt_counters (
      key           text PRIMARY KEY,
      window_start  timestamptz NOT NULL,
      count         integer NOT NULL CHECK (count >= 0),
      blocked_until timestamptz
    )`.execute(db);
  await sql`CREATE INDEX attempt_counters_window_idx ON attempt_counters (window_start)`.execute(db);
  await sql`DROP TABLE IF EXISTS temp_code_failures`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS attempt_counters`.execute(db);
  await sql`
    CREATE TABLE temp_code_failures (
      id  bigserial PRIMARY KEY,
      ip  text NOT NULL,
      at  timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX temp_code_failures_ip_idx ON temp_code_failures (ip, at)`.execute(db);
}
