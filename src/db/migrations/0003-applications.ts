// New-site applications: failed 临时码 look-ups per IP, so the public progress query can be rate-limited across instances.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE temp_code_failures (
      id  bigserial PRIMARY KEY,
      ip  text NOT NULL,
      at  timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX temp_code_failures_ip_idx ON temp_code_failures (ip, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS temp_code_failures`.execute(db);
}
