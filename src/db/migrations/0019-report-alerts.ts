// Reminders and escalations of the 年度报表 (issue 21): each alert a row keyed by what it is about, inserted in the
// transaction that queues its mails, so running the job again — or on two instances — sends nothing twice.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // alert_key names the alert and its subject, e.g. 'work-report-review:REMINDER:<id>:<submitted_at ms>' (a
  // resubmitted report gets fresh ones) or 'work-report-fill:REMINDER:<year>:<site id>'.
  await sql`
    CREATE TABLE report_alerts (
      alert_key   text PRIMARY KEY,
      kind        text NOT NULL CHECK (kind IN ('REMINDER', 'ESCALATION')),
      org_code    text,
      created_at  timestamptz NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS report_alerts`.execute(db);
}
