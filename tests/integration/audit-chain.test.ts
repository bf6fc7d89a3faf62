// The audit trail is tamper-evident: sealed into a hash chain that `audit verify` checks, and protected by a trigger.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/audit.ts';
import { sealAuditLog, verifyAuditLog } from '../../src/server/modules/audit/chain.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 12; i++) {
    await writeAudit(t.ctx.db, t.clock.now(), 'SYSTEM', {
      kind: 'DEMO_DATA_SEEDED',
      entityType: 'TEST',
      entityId: String(i),
      comment: `第 ${i} 条`,
      data: { i },
    });
  }
});
afterAll(async () => {
  await t?.close();
});

async function tamper(statement: ReturnType<typeof sql>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`.execute(t.ctx.db);
  try {
    await statement.execute(t.ctx.db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard`.execute(t.ctx.db);
  }
}

describe('audit hash chain', () => {
  it('seals every entry and verifies a clean chain', async () => {
    expect(await sealAuditLog(t.ctx.db)).toBeGreaterThanOrEqual(12);
    expect(await sealAuditLog(t.ctx.db)).toBe(0);
    const result = await verifyAuditLog(t.ctx.db);
    expect(result).toMatchObject({ ok: true, unsealed: 0, problems: [] });
    expect(result.checked).toBeGreaterThanOrEqual(12);
  });

  it('refuses deletes and edits through the database handle the app uses', async () => {
    await expect(sql`DELETE FROM audit_log WHERE entity_type = 'TEST'`.execute(t.ctx.db)).rejects.toThrow(/不可删除/);
    await expect(sql`UPDATE audit_log SET comment = 'x' WHERE entity_type = 'TEST'`.execute(t.ctx.db)).rejects.toThrow(
      /不可修改/,
    );
    expect((await verifyAuditLog(t.ctx.db)).ok).toBe(true);
  });

  it('finds an edited row', async () => {
    await tamper(sql`UPDATE audit_log SET comment = '被改过' WHERE entity_type = 'TEST' AND entity_id = '3'`);
    const result = await verifyAuditLog(t.ctx.db);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain('内容被修改');
    await tamper(sql`UPDATE audit_log SET comment = '第 3 条' WHERE entity_type = 'TEST' AND entity_id = '3'`);
    expect((await verifyAuditLog(t.ctx.db)).ok).toBe(true);
  });

  it('finds reordered rows', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['id', 'seal_seq'])
      .where('entity_type', '=', 'TEST')
      .orderBy('seal_seq')
      .execute();
    const [a, b] = [rows[4]!, rows[5]!];
    await tamper(sql`UPDATE audit_log SET seal_seq = -1 WHERE id = ${a.id}`);
    await tamper(sql`UPDATE audit_log SET seal_seq = ${a.seal_seq} WHERE id = ${b.id}`);
    await tamper(sql`UPDATE audit_log SET seal_seq = ${b.seal_seq} WHERE id = ${a.id}`);
    const result = await verifyAuditLog(t.ctx.db);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/调换了顺序/);
    await tamper(sql`UPDATE audit_log SET seal_seq = -1 WHERE id = ${b.id}`);
    await tamper(sql`UPDATE audit_log SET seal_seq = ${a.seal_seq} WHERE id = ${a.id}`);
    await tamper(sql`UPDATE audit_log SET seal_seq = ${b.seal_seq} WHERE id = ${b.id}`);
    expect((await verifyAuditLog(t.ctx.db)).ok).toBe(true);
  });

  it('finds a deleted row', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE entity_type = 'TEST' AND entity_id = '7'`);
    const result = await verifyAuditLog(t.ctx.db);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/已被删除/);
  });
});
