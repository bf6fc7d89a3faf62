// Issuance of 网站标识码 / 校验码: the ledger of batch runs, and the 填报单位 login lockout columns on sites.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Same lockout rule as the 组织单位 login (5 wrong → locked 15 minutes), kept per site.
  await sql`ALTER TABLE sites ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE sites ADD COLUMN locked_until timestamptz`.execute(db);

  await sql`
    CREATE TABLE issuance_runs (
      id            bigserial PRIMARY KEY,
      started_at    timestamptz NOT NULL,
      finished_at   timestamptz,
      cutoff        timestamptz NOT NULL,
      trigger       text NOT NULL CHECK (trigger IN ('SCHEDULE', 'STARTUP', 'MANUAL', 'CLI')),
      status        text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
      issued_count  integer NOT NULL DEFAULT 0,
      codes         text[] NOT NULL DEFAULT '{}',
      errors        jsonb NOT NULL DEFAULT '[]',
      dry_run       boolean NOT NULL DEFAULT false,
      triggered_by  text,
      message       text,
      CHECK ((finished_at IS NULL) = (status = 'RUNNING'))
    )`.execute(db);
  await sql`CREATE INDEX issuance_runs_started_idx ON issuance_runs (started_at DESC, id DESC)`.execute(db);
  // The start-up catch-up asks for the latest cut-off a real run completed.
  await sql`CREATE INDEX issuance_runs_done_idx ON issuance_runs (cutoff DESC) WHERE status = 'DONE' AND NOT dry_run`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS issuance_runs`.execute(db);
  await sql`ALTER TABLE sites DROP COLUMN IF EXISTS locked_until`.execute(db);
  await sql`ALTER TABLE sites DROP COLUMN IF EXISTS failed_attempts`.execute(db);
}
