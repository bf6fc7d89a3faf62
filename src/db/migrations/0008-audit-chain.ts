// Tamper-evident audit trail: every entry is sealed into a hash chain (seal_seq, prev_hash, hash), and a trigger
// refuses DELETE and any UPDATE other than sealing an unsealed row, so no endpoint or UI can rewrite history.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN seal_seq bigint UNIQUE, ADD COLUMN prev_hash text, ADD COLUMN hash text`.execute(
    db,
  );
  await sql`CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE seal_seq IS NULL`.execute(db);
  await sql`
    CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '审核流水不可删除' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF OLD.seal_seq IS NOT NULL
         OR (to_jsonb(NEW) - 'seal_seq' - 'prev_hash' - 'hash') IS DISTINCT FROM (to_jsonb(OLD) - 'seal_seq' - 'prev_hash' - 'hash') THEN
        RAISE EXCEPTION '审核流水不可修改' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS audit_log_guard ON audit_log`.execute(db);
  await sql`DROP FUNCTION IF EXISTS audit_log_guard()`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN seal_seq, DROP COLUMN prev_hash, DROP COLUMN hash`.execute(db);
}
