// Request states without 'APPROVED': no transition ever produced it (a final approval ends in CODE_PENDING or DONE),
// so the CHECK list now equals the domain's REQUEST_STATES. The lists stay literal here: a migration is history.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Defensive: a row that somehow holds the dropped value is a finished request.
  await sql`UPDATE requests SET state = 'DONE' WHERE state = 'APPROVED'`.execute(db);
  await sql`ALTER TABLE requests DROP CONSTRAINT requests_state_check`.execute(db);
  await sql`
    ALTER TABLE requests ADD CONSTRAINT requests_state_check
      CHECK (state IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'CODE_PENDING', 'DONE', 'WITHDRAWN'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE requests DROP CONSTRAINT requests_state_check`.execute(db);
  await sql`
    ALTER TABLE requests ADD CONSTRAINT requests_state_check
      CHECK (state IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'CODE_PENDING', 'APPROVED', 'DONE', 'WITHDRAWN'))`.execute(
    db,
  );
}
