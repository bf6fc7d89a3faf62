// Link checks: the nightly sweep ledger (with its resume cursor), the history of every checked URL, and one health
// summary per site (consecutive home-page failures, the flag after three, the latest footer findings).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE link_sweeps (
      id              bigserial PRIMARY KEY,
      night           date NOT NULL UNIQUE,
      status          text NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
      started_at      timestamptz NOT NULL,
      updated_at      timestamptz NOT NULL,
      finished_at     timestamptz,
      cursor_site_id  bigint NOT NULL DEFAULT 0,
      runs            integer NOT NULL DEFAULT 0,
      sites_checked   integer NOT NULL DEFAULT 0,
      urls_checked    integer NOT NULL DEFAULT 0,
      urls_failed     integer NOT NULL DEFAULT 0,
      CHECK ((finished_at IS NULL) = (status = 'RUNNING'))
    )`.execute(db);
  // At most one unfinished sweep: a later run resumes it before starting another.
  await sql`CREATE UNIQUE INDEX link_sweeps_one_running_idx ON link_sweeps ((true)) WHERE status = 'RUNNING'`.execute(
    db,
  );

  await sql`
    CREATE TABLE link_checks (
      id          bigserial PRIMARY KEY,
      sweep_id    bigint NOT NULL REFERENCES link_sweeps(id),
      site_id     bigint NOT NULL REFERENCES sites(id),
      kind        text NOT NULL CHECK (kind IN ('HOME', 'DOMAIN', 'COLUMN')),
      url         text NOT NULL,
      checked_at  timestamptz NOT NULL,
      ok          boolean NOT NULL,
      status      integer,
      elapsed_ms  integer NOT NULL,
      error       text CHECK (error IN ('TIMEOUT', 'DNS', 'REFUSED_TARGET', 'TLS', 'CONNECTION',
                    'TOO_MANY_REDIRECTS', 'REDIRECT_LOOP', 'HTTP_ERROR', 'ROBOTS')),
      message     text NOT NULL,
      final_url   text,
      redirects   jsonb NOT NULL DEFAULT '[]',
      UNIQUE (sweep_id, site_id, kind, url)
    )`.execute(db);
  await sql`CREATE INDEX link_checks_site_url_idx ON link_checks (site_id, url, checked_at DESC)`.execute(db);

  await sql`
    CREATE TABLE link_health (
      site_id                    bigint PRIMARY KEY REFERENCES sites(id),
      last_sweep_id              bigint NOT NULL REFERENCES link_sweeps(id),
      last_checked_at            timestamptz NOT NULL,
      home_ok                    boolean NOT NULL,
      home_consecutive_failures  integer NOT NULL DEFAULT 0,
      flagged                    boolean NOT NULL DEFAULT false,
      flagged_since              timestamptz,
      urls_total                 integer NOT NULL,
      urls_failed                integer NOT NULL,
      footer                     jsonb,
      footer_problems            integer NOT NULL DEFAULT 0,
      updated_at                 timestamptz NOT NULL,
      CHECK (flagged = (flagged_since IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX link_health_flagged_idx ON link_health (site_id) WHERE flagged`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['link_health', 'link_checks', 'link_sweeps']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
