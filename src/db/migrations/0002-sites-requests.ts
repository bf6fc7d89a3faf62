// Sites and requests: one `sites` row per register entry (a new-site application becomes the site when its code is
// issued), `requests` for every change that needs review, 标识码 sequences, other domains, the 栏目 dictionary.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sites (
      id                   bigserial PRIMARY KEY,
      site_code            text UNIQUE CHECK (site_code ~ '^([0-9]{6}|bm[0-9]{4}|[0-9]{2}BM[0-9]{2})[0-9]{4}$'),
      org_code             text NOT NULL REFERENCES org_units(code),
      name                 text NOT NULL,
      name_key             text NOT NULL,
      home_url             text NOT NULL,
      home_url_key         text NOT NULL,
      home_host            text NOT NULL,
      sponsor_name         text NOT NULL DEFAULT '',
      is_portal            boolean NOT NULL,
      is_service_platform  boolean NOT NULL,
      info                 jsonb NOT NULL,
      columns              jsonb NOT NULL DEFAULT '[]',
      run_status           text NOT NULL CHECK (run_status IN
                             ('APPLYING', 'WITHDRAWN', 'NORMAL', 'TEMP_OFFLINE', 'EMERGENCY_OFFLINE',
                              'PERM_OFFLINE_PENDING', 'PERM_OFFLINE', 'EXCEPTION', 'DELETED')),
      run_status_until     date,
      check_code_hash      text,
      check_code_enc       text,
      first_login_at       timestamptz,
      code_issued_at       timestamptz,
      version              integer NOT NULL DEFAULT 1,
      created_at           timestamptz NOT NULL,
      updated_at           timestamptz NOT NULL,
      CHECK ((site_code IS NULL) = (run_status IN ('APPLYING', 'WITHDRAWN')))
    )`.execute(db);
  // Name and home URL are unique among live sites and open applications (SPEC §5.5); closed ones free them.
  await sql`CREATE UNIQUE INDEX sites_name_live_idx ON sites (name_key) WHERE run_status NOT IN ('DELETED', 'PERM_OFFLINE', 'WITHDRAWN')`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX sites_url_live_idx ON sites (home_url_key) WHERE run_status NOT IN ('DELETED', 'PERM_OFFLINE', 'WITHDRAWN')`.execute(
    db,
  );
  // One portal per organizing unit among live sites (pending portal requests are checked under the org row lock).
  await sql`CREATE UNIQUE INDEX sites_portal_idx ON sites (org_code) WHERE is_portal AND run_status NOT IN ('DELETED', 'PERM_OFFLINE', 'WITHDRAWN')`.execute(
    db,
  );
  await sql`CREATE INDEX sites_org_idx ON sites (org_code, updated_at DESC)`.execute(db);
  await sql`CREATE INDEX sites_updated_idx ON sites (updated_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX sites_home_host_idx ON sites (home_host)`.execute(db);
  await sql`CREATE INDEX sites_name_trgm_idx ON sites USING gin (name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX sites_url_trgm_idx ON sites USING gin (home_url gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX sites_sponsor_trgm_idx ON sites USING gin (sponsor_name gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE site_sequences (
      org_code  text PRIMARY KEY REFERENCES org_units(code),
      last_seq  integer NOT NULL CHECK (last_seq BETWEEN 0 AND 9999)
    )`.execute(db);

  await sql`
    CREATE TABLE site_domains (
      host     text PRIMARY KEY,
      site_id  bigint NOT NULL REFERENCES sites(id)
    )`.execute(db);
  await sql`CREATE INDEX site_domains_site_idx ON site_domains (site_id)`.execute(db);

  await sql`
    CREATE TABLE requests (
      id                 bigserial PRIMARY KEY,
      type               text NOT NULL CHECK (type IN ('NEW_SITE', 'MODIFY', 'PORTAL_ON', 'PORTAL_OFF', 'SERVICE_ON',
                           'SERVICE_OFF', 'DOMAINS', 'OFFLINE_TEMP', 'OFFLINE_PERM', 'OFFLINE_EMERGENCY')),
      state              text NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'CODE_PENDING',
                           'APPROVED', 'DONE', 'WITHDRAWN')),
      site_id            bigint NOT NULL REFERENCES sites(id),
      org_code           text NOT NULL REFERENCES org_units(code),
      is_portal          boolean NOT NULL,
      chain              text[] NOT NULL,
      step_index         integer NOT NULL DEFAULT 0,
      current_org        text REFERENCES org_units(code),
      payload            jsonb NOT NULL,
      temp_code_digest   text UNIQUE,
      idempotency_key    text UNIQUE,
      return_reason      text,
      version            integer NOT NULL DEFAULT 1,
      submitted_at       timestamptz NOT NULL,
      updated_at         timestamptz NOT NULL,
      step_entered_at    timestamptz NOT NULL,
      final_approved_at  timestamptz,
      decided_at         timestamptz,
      CHECK (step_index >= 0 AND step_index < cardinality(chain)),
      CHECK ((current_org IS NOT NULL) = (state IN ('SUBMITTED', 'IN_REVIEW')))
    )`.execute(db);
  // At most one open request per site, emergency offline excepted (SPEC §7.0).
  await sql`CREATE UNIQUE INDEX requests_one_open_idx ON requests (site_id)
            WHERE state IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CODE_PENDING') AND type <> 'OFFLINE_EMERGENCY'`.execute(
    db,
  );
  await sql`CREATE INDEX requests_current_org_idx ON requests (current_org, type) WHERE current_org IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX requests_site_idx ON requests (site_id, id DESC)`.execute(db);
  await sql`CREATE INDEX requests_code_pending_idx ON requests (final_approved_at) WHERE state = 'CODE_PENDING'`.execute(
    db,
  );
  await sql`CREATE INDEX requests_chain_idx ON requests USING gin (chain)`.execute(db);

  await sql`
    CREATE TABLE column_categories (
      code        text PRIMARY KEY,
      group_name  text NOT NULL,
      name        text NOT NULL,
      sort_order  integer NOT NULL,
      active      boolean NOT NULL DEFAULT true
    )`.execute(db);
  await sql`
    INSERT INTO column_categories (code, group_name, name, sort_order) VALUES
      ('GK', '信息发布', '概况信息', 1), ('JGZN', '信息发布', '机构职能', 2), ('FZR', '信息发布', '负责人信息', 3),
      ('ZWDT', '信息发布', '政务动态', 4), ('TZGG', '信息发布', '通知公告', 5), ('ZCWJ', '信息发布', '政策文件', 6),
      ('XXGK', '信息发布', '政府信息公开', 7), ('SJFB', '信息发布', '数据发布', 8), ('JD', '解读回应', '政策解读', 9),
      ('HYGQ', '解读回应', '回应关切', 10), ('BSZN', '办事服务', '办事指南', 11), ('BSXT', '办事服务', '在线办事系统', 12),
      ('ZXTS', '互动交流', '政务咨询类', 13), ('DCZJ', '互动交流', '调查征集类', 14), ('HDFT', '互动交流', '互动访谈类', 15),
      ('ZTZL', '其他', '专栏专题', 16)`.execute(db);

  await sql`ALTER TABLE audit_log ADD CONSTRAINT audit_log_request_fk FOREIGN KEY (request_id) REFERENCES requests(id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_request_fk`.execute(db);
  for (const table of ['column_categories', 'requests', 'site_domains', 'site_sequences', 'sites']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
