// Foundation schema: the org-unit tree, accounts, sessions, login log, audit trail, secrets.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE TABLE org_units (
      code          text PRIMARY KEY CHECK (code ~ '^([0-9]{6}|bm[0-9]{4}|[0-9]{2}BM[0-9]{2})$'),
      name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
      level         smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
      branch        text NOT NULL CHECK (branch IN ('LOCAL', 'VERTICAL')),
      parent_code   text REFERENCES org_units(code),
      path          text COLLATE "C" NOT NULL UNIQUE,
      principal     jsonb,
      contacts      jsonb NOT NULL DEFAULT '[]',
      enabled       boolean NOT NULL DEFAULT true,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now(),
      CHECK ((parent_code IS NULL) = (level = 0))
    )`.execute(db);
  await sql`CREATE INDEX org_units_parent_idx ON org_units (parent_code)`.execute(db);
  await sql`CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX org_units_name_trgm_idx ON org_units USING gin (name gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE users (
      id                    bigserial PRIMARY KEY,
      username              text NOT NULL,
      display_name          text NOT NULL,
      password_hash         text NOT NULL,
      org_code              text NOT NULL REFERENCES org_units(code),
      role                  text NOT NULL CHECK (role IN ('REVIEWER', 'ADMIN')),
      enabled               boolean NOT NULL DEFAULT true,
      must_change_password  boolean NOT NULL DEFAULT true,
      failed_attempts       integer NOT NULL DEFAULT 0,
      locked_until          timestamptz,
      created_at            timestamptz NOT NULL DEFAULT now(),
      updated_at            timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_idx ON users (lower(username))`.execute(db);
  await sql`CREATE INDEX users_org_idx ON users (org_code)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id_digest     text PRIMARY KEY,
      kind          text NOT NULL CHECK (kind IN ('ORG_USER', 'SITE')),
      user_id       bigint REFERENCES users(id),
      site_code     text,
      csrf_token    text NOT NULL,
      created_at    timestamptz NOT NULL,
      last_seen_at  timestamptz NOT NULL,
      ip            text NOT NULL,
      user_agent    text NOT NULL,
      CHECK ((kind = 'ORG_USER') = (user_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);
  await sql`CREATE INDEX sessions_site_idx ON sessions (site_code)`.execute(db);

  await sql`
    CREATE TABLE login_log (
      id        bigserial PRIMARY KEY,
      at        timestamptz NOT NULL,
      kind      text NOT NULL CHECK (kind IN ('ORG_USER', 'SITE')),
      login     text NOT NULL,
      user_id   bigint,
      org_code  text,
      ip        text NOT NULL,
      result    text NOT NULL CHECK (result IN ('SUCCESS', 'BAD_PASSWORD', 'UNKNOWN_USER', 'LOCKED', 'DISABLED', 'RATE_LIMITED'))
    )`.execute(db);
  await sql`CREATE INDEX login_log_ip_at_idx ON login_log (ip, at)`.execute(db);
  await sql`CREATE INDEX login_log_org_at_idx ON login_log (org_code, at)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id              bigserial PRIMARY KEY,
      at              timestamptz NOT NULL,
      actor_type      text NOT NULL CHECK (actor_type IN ('ORG_USER', 'SITE', 'APPLICANT', 'SYSTEM')),
      actor_user_id   bigint,
      actor_name      text,
      actor_org_code  text,
      action          text NOT NULL,
      entity_type     text NOT NULL,
      entity_id       text NOT NULL,
      site_code       text,
      request_id      bigint,
      from_state      text,
      to_state        text,
      comment         text,
      data            jsonb,
      ip              text
    )`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_request_idx ON audit_log (request_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_site_idx ON audit_log (site_code, id)`.execute(db);

  await sql`
    CREATE TABLE app_secrets (
      name        text PRIMARY KEY,
      value       text NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['app_secrets', 'audit_log', 'login_log', 'sessions', 'users', 'org_units']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
