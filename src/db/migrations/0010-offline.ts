// 下线 (SPEC §7.6): the typed details of each offline request beside its `requests` row (dates the jobs query, when
// the run status changed, how it ended, the 完成下线 checklist) and the uploaded closure documents.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Uploaded first by the 填报单位 (bound to its site), then referenced by the request it submits.
  await sql`
    CREATE TABLE offline_attachments (
      id          bigserial PRIMARY KEY,
      site_id     bigint NOT NULL REFERENCES sites(id),
      file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      mime_type   text NOT NULL,
      size_bytes  integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
      sha256      text NOT NULL,
      content     bytea NOT NULL,
      created_at  timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX offline_attachments_site_idx ON offline_attachments (site_id, id)`.execute(db);

  await sql`
    CREATE TABLE offline_requests (
      request_id     bigint PRIMARY KEY REFERENCES requests(id),
      site_id        bigint NOT NULL REFERENCES sites(id),
      kind           text NOT NULL CHECK (kind IN ('TEMP', 'PERM', 'EMERGENCY')),
      reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      description    text NOT NULL DEFAULT '',
      planned_date   date NOT NULL,
      end_date       date,
      migration_url  text,
      attachment_id  bigint UNIQUE REFERENCES offline_attachments(id),
      started_at     timestamptz,
      ended_at       timestamptz,
      end_kind       text CHECK (end_kind IN ('AUTO_RESTORE', 'EARLY_RESTORE', 'REJECTED', 'ORG_RESTORE', 'COMPLETED',
                       'EXPIRED', 'SUPERSEDED')),
      rejected       boolean NOT NULL DEFAULT false,
      completion     jsonb,
      completed_at   timestamptz,
      CHECK ((kind = 'PERM') = (end_date IS NULL)),
      CHECK (end_date IS NULL OR end_date > planned_date),
      CHECK ((ended_at IS NULL) = (end_kind IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX offline_requests_site_idx ON offline_requests (site_id, request_id DESC)`.execute(db);
  // The start job's work list: approved temporary offlines that have not taken effect yet.
  await sql`CREATE INDEX offline_requests_due_idx ON offline_requests (planned_date)
            WHERE kind = 'TEMP' AND started_at IS NULL AND ended_at IS NULL`.execute(db);
  // The restore job's work list: sites whose temporary or emergency offline ends on a given day.
  await sql`CREATE INDEX sites_offline_until_idx ON sites (run_status_until)
            WHERE run_status IN ('TEMP_OFFLINE', 'EMERGENCY_OFFLINE')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS sites_offline_until_idx`.execute(db);
  await sql`DROP TABLE IF EXISTS offline_requests`.execute(db);
  await sql`DROP TABLE IF EXISTS offline_attachments`.execute(db);
}
