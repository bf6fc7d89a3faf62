// SPEC §15: the site is told the day before a temporary or emergency offline ends (mail and home-page notice).
// A new notification kind, OFFLINE_ENDING, in the outbox and the site notices.
import { type Kysely, sql } from 'kysely';

const KINDS = `'ARRIVED', 'STEP_APPROVED', 'FINAL_APPROVED', 'RETURNED', 'ISSUED', 'OFFLINE_STARTED',
  'OFFLINE_ENDED', 'REMINDER', 'ESCALATION', 'DIGEST'`;

async function setKinds(db: Kysely<unknown>, kinds: string): Promise<void> {
  for (const table of ['mail_outbox', 'site_notices']) {
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.ref(`${table}_kind_check`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.ref(`${table}_kind_check`)} CHECK (kind IN (${sql.raw(kinds)}))`.execute(
      db,
    );
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setKinds(db, `${KINDS}, 'OFFLINE_ENDING'`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM mail_outbox WHERE kind = 'OFFLINE_ENDING'`.execute(db);
  await sql`DELETE FROM site_notices WHERE kind = 'OFFLINE_ENDING'`.execute(db);
  await setKinds(db, KINDS);
}
