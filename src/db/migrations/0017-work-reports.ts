// 政府网站工作年度报表 (issue 21): one report per operating site and year, reviewed by the site's 本级组织单位, and the
// root's per-year window. A table of its own, not `requests`: the report has its own fields and states (it could
// move onto the request core later).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The states are WORK_REPORT_STATES of src/domain/annual-report/work-report-states.ts, as of this migration.
  await sql`
    CREATE TABLE work_reports (
      id                bigserial PRIMARY KEY,
      site_id           bigint NOT NULL REFERENCES sites(id),
      year              integer NOT NULL CHECK (year BETWEEN 2017 AND 2100),
      state             text NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED')),
      data              jsonb NOT NULL DEFAULT '{}',
      head              jsonb,
      reviewer_org      text NOT NULL REFERENCES org_units(code),
      return_reason     text,
      filled_on         text,
      submitted_at      timestamptz,
      decided_at        timestamptz,
      published_url     text,
      published_at      timestamptz,
      published_late    boolean NOT NULL DEFAULT false,
      link_check        jsonb,
      link_checked_at   timestamptz,
      version           integer NOT NULL DEFAULT 1,
      created_at        timestamptz NOT NULL,
      updated_at        timestamptz NOT NULL,
      UNIQUE (site_id, year),
      CHECK (state IN ('DRAFT') OR submitted_at IS NOT NULL),
      CHECK (state NOT IN ('APPROVED', 'PUBLISHED') OR decided_at IS NOT NULL),
      CHECK (state <> 'PUBLISHED' OR published_url IS NOT NULL),
      CHECK (state <> 'RETURNED' OR return_reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX work_reports_review_idx ON work_reports (year, reviewer_org, state)`.execute(db);
  await sql`
    CREATE TABLE work_report_windows (
      year        integer PRIMARY KEY CHECK (year BETWEEN 2017 AND 2100),
      fill_from   text NOT NULL CHECK (fill_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      fill_to     text NOT NULL CHECK (fill_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      publish_by  text NOT NULL CHECK (publish_by ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      version     integer NOT NULL DEFAULT 1,
      updated_at  timestamptz NOT NULL,
      CHECK (fill_from <= fill_to AND fill_to <= publish_by)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS work_report_windows`.execute(db);
  await sql`DROP TABLE IF EXISTS work_reports`.execute(db);
}
