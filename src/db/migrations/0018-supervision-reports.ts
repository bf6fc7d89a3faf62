// 《政府网站监管年度报表》 (issue 21): one report per level-1 unit and year. `data` holds the unit's entries, `prefill`
// the values computed from the register and the spot-check reports when last refreshed; `version` is the
// compare-and-set token of every save and decision.
import { type Kysely, sql } from 'kysely';
import { SUPERVISION_REPORT_STATES } from '../../domain/annual-report/supervision-report-states.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const states = sql.join(SUPERVISION_REPORT_STATES.map((s) => sql.lit(s)));
  await sql`
    CREATE TABLE supervision_reports (
      id             bigserial PRIMARY KEY,
      org_code       text NOT NULL REFERENCES org_units(code),
      year           integer NOT NULL CHECK (year BETWEEN 2017 AND 2100),
      state          text NOT NULL CHECK (state IN (${states})),
      data           jsonb NOT NULL DEFAULT '{}',
      prefill        jsonb NOT NULL,
      prefilled_at   timestamptz NOT NULL,
      version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      return_reason  text,
      submitted_at   timestamptz,
      decided_at     timestamptz,
      created_at     timestamptz NOT NULL,
      updated_at     timestamptz NOT NULL,
      UNIQUE (org_code, year),
      CHECK (state = 'DRAFT' OR submitted_at IS NOT NULL),
      CHECK (state <> 'RETURNED' OR return_reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX supervision_reports_year_idx ON supervision_reports (year, state)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS supervision_reports`.execute(db);
}
