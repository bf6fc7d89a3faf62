// Notifications (issue 9): the mail outbox filled in the transaction of each state change and drained by the mail
// worker, the 填报单位's in-app notices, the record of deadline reminders/escalations (one per step), and the
// per-user daily digest switch.
import { type Kysely, sql } from 'kysely';

const MAIL_KINDS = `'ARRIVED', 'STEP_APPROVED', 'FINAL_APPROVED', 'RETURNED', 'ISSUED', 'OFFLINE_STARTED',
  'OFFLINE_ENDED', 'REMINDER', 'ESCALATION', 'DIGEST'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mail_outbox (
      id               bigserial PRIMARY KEY,
      to_address       text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
      subject          text NOT NULL,
      body             text NOT NULL,
      kind             text NOT NULL CHECK (kind IN (${sql.raw(MAIL_KINDS)})),
      request_id       bigint REFERENCES requests(id),
      dedupe_key       text UNIQUE,
      status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
      attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at  timestamptz NOT NULL,
      last_error       text,
      created_at       timestamptz NOT NULL,
      sent_at          timestamptz
    )`.execute(db);
  // The worker's work list: due pending mails, oldest first.
  await sql`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING'`.execute(db);
  await sql`CREATE INDEX mail_outbox_request_idx ON mail_outbox (request_id) WHERE request_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE site_notices (
      id          bigserial PRIMARY KEY,
      site_id     bigint NOT NULL REFERENCES sites(id),
      request_id  bigint REFERENCES requests(id),
      kind        text NOT NULL CHECK (kind IN (${sql.raw(MAIL_KINDS)})),
      title       text NOT NULL,
      body        text NOT NULL,
      created_at  timestamptz NOT NULL,
      read_at     timestamptz
    )`.execute(db);
  await sql`CREATE INDEX site_notices_site_idx ON site_notices (site_id, id DESC)`.execute(db);

  // One reminder and one escalation per step: a step is (request, step index, the instant it was entered), so a
  // returned and resubmitted request gets fresh ones.
  await sql`
    CREATE TABLE step_alerts (
      request_id       bigint NOT NULL REFERENCES requests(id),
      step_index       integer NOT NULL,
      step_entered_at  timestamptz NOT NULL,
      kind             text NOT NULL CHECK (kind IN ('REMINDER', 'ESCALATION')),
      org_code         text NOT NULL,
      created_at       timestamptz NOT NULL,
      PRIMARY KEY (request_id, step_index, step_entered_at, kind)
    )`.execute(db);

  await sql`ALTER TABLE users ADD COLUMN digest_enabled boolean NOT NULL DEFAULT false`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254)`.execute(
    db,
  );

  // 已办: what a unit decided, newest first.
  await sql`CREATE INDEX audit_log_actor_org_idx ON audit_log (actor_org_code, id DESC) WHERE request_id IS NOT NULL`.execute(
    db,
  );
  // Deadline scans: open steps by the instant they were entered.
  await sql`CREATE INDEX requests_step_entered_idx ON requests (step_entered_at) WHERE current_org IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS requests_step_entered_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS audit_log_actor_org_idx`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS email`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS digest_enabled`.execute(db);
  await sql`DROP TABLE IF EXISTS step_alerts`.execute(db);
  await sql`DROP TABLE IF EXISTS site_notices`.execute(db);
  await sql`DROP TABLE IF EXISTS mail_outbox`.execute(db);
}
