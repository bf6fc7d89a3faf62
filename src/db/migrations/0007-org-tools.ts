// Organizing-unit tools: 重要通知 (notices, attachments, read receipts) and 上报抽查情况 (quarterly spot-check reports).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notices (
      id              bigserial PRIMARY KEY,
      title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      body_html       text NOT NULL,
      publisher_org   text NOT NULL REFERENCES org_units(code),
      audience        text NOT NULL CHECK (audience IN ('ALL', 'SUBTREE')),
      pinned          boolean NOT NULL DEFAULT false,
      published_at    timestamptz NOT NULL,
      published_by    bigint NOT NULL REFERENCES users(id),
      publisher_name  text NOT NULL,
      withdrawn_at    timestamptz
    )`.execute(db);
  await sql`CREATE INDEX notices_list_idx ON notices (pinned DESC, published_at DESC, id DESC) WHERE withdrawn_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX notices_publisher_idx ON notices (publisher_org)`.execute(db);

  // Uploaded first (notice_id NULL, owned by the uploader), then attached when the notice is published.
  await sql`
    CREATE TABLE notice_attachments (
      id           bigserial PRIMARY KEY,
      notice_id    bigint REFERENCES notices(id),
      uploaded_by  bigint NOT NULL REFERENCES users(id),
      file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      mime_type    text NOT NULL,
      size_bytes   integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
      sha256       text NOT NULL,
      content      bytea NOT NULL,
      created_at   timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX notice_attachments_notice_idx ON notice_attachments (notice_id, id)`.execute(db);

  // One row per user who opened the notice; the unit is kept so receipts count units, not people.
  await sql`
    CREATE TABLE notice_reads (
      notice_id  bigint NOT NULL REFERENCES notices(id),
      user_id    bigint NOT NULL REFERENCES users(id),
      org_code   text NOT NULL REFERENCES org_units(code),
      read_at    timestamptz NOT NULL,
      PRIMARY KEY (notice_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX notice_reads_org_idx ON notice_reads (notice_id, org_code)`.execute(db);

  await sql`
    CREATE TABLE spot_check_reports (
      id                   bigserial PRIMARY KEY,
      org_code             text NOT NULL REFERENCES org_units(code),
      year                 integer NOT NULL CHECK (year BETWEEN 2015 AND 2100),
      quarter              integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
      status               text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED')),
      running_total        integer NOT NULL DEFAULT 0 CHECK (running_total >= 0),
      new_sites            integer NOT NULL DEFAULT 0 CHECK (new_sites >= 0),
      closed_sites         integer NOT NULL DEFAULT 0 CHECK (closed_sites >= 0),
      checked_count        integer NOT NULL DEFAULT 0 CHECK (checked_count >= 0),
      passed_count         integer NOT NULL DEFAULT 0 CHECK (passed_count >= 0 AND passed_count <= checked_count),
      error_reports        integer CHECK (error_reports >= 0),
      summary              text NOT NULL DEFAULT '',
      reporter_name        text NOT NULL DEFAULT '',
      reporter_phone       text NOT NULL DEFAULT '',
      sample               jsonb NOT NULL DEFAULT '[]',
      late                 boolean NOT NULL DEFAULT false,
      return_reason        text,
      submitted_at         timestamptz,
      returned_at          timestamptz,
      version              integer NOT NULL DEFAULT 1,
      created_at           timestamptz NOT NULL,
      updated_at           timestamptz NOT NULL,
      UNIQUE (org_code, year, quarter),
      CHECK (status = 'DRAFT' OR submitted_at IS NOT NULL)
    )`.execute(db);

  await sql`
    CREATE TABLE spot_check_findings (
      id                    bigserial PRIMARY KEY,
      report_id             bigint NOT NULL REFERENCES spot_check_reports(id) ON DELETE CASCADE,
      site_id               bigint NOT NULL REFERENCES sites(id),
      problem_type          text NOT NULL CHECK (problem_type IN
                              ('VETO_1', 'VETO_2', 'VETO_3', 'VETO_4', 'VETO_5', 'VETO_6', 'LOW_SCORE', 'OTHER')),
      description           text NOT NULL,
      rectification         text NOT NULL DEFAULT '',
      accountability_count  integer NOT NULL DEFAULT 0 CHECK (accountability_count >= 0),
      UNIQUE (report_id, site_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['spot_check_findings', 'spot_check_reports', 'notice_reads', 'notice_attachments', 'notices']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
