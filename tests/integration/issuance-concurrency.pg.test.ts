// Exactly-once issuance on PostgreSQL: three instances batching at the same moment, the same without the batch
// lock (row locks and compare-and-set alone), and a real `govsite issue-codes` process killed half-way.
// `*.pg.test.ts`: run only when DATABASE_URL is set (vitest.config.ts leaves it out on PGlite, which has one connection).
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { normalizeName } from '../../src/domain/text.ts';
import { hostOf, normalizeUrlForCompare } from '../../src/domain/validation/index.ts';
import type { AppContext } from '../../src/server/context.ts';
import { ISSUANCE_CHUNK, type IssueCodesResult, issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import { computeReviewChain } from '../../src/server/modules/org-units/routing.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { CLI } from '../helpers/cli.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ORGS = ['130302', '130303', '130300', '130000', 'bm3000', '420000'];
const APPROVED_AT = new Date('2020-01-06T02:00:00Z'); // long before any run's cut-off, also the real clock's

describe('exactly-once issuance on PostgreSQL', () => {
  let t: TestApp;
  const instances: Database[] = [];
  let batch = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    for (const d of instances) await d.close();
    await t?.close();
  });

  /** Another app instance on the same database: its own pool, same keys and clock. */
  async function instance(): Promise<AppContext> {
    const database = await openDatabase({ databaseUrl: t.testDb.databaseUrl, dataDir: '', poolSize: 4 });
    instances.push(database);
    const keys = await loadKeys(database.db, 'test-secret');
    return { db: database.db, dbKind: 'postgres', clock: t.clock, keys, config: t.ctx.config };
  }

  /** `n` CODE_PENDING applications spread over ORGS, inserted in bulk; returns their site ids. */
  async function makePending(n: number): Promise<number[]> {
    const db = t.ctx.db;
    batch++;
    const chains = new Map<string, string[]>();
    for (const org of ORGS) chains.set(org, await computeReviewChain(db, { orgCode: org, isPortal: false }));
    const sites = await db
      .insertInto('sites')
      .values(
        Array.from({ length: n }, (_, i) => {
          const orgCode = ORGS[i % ORGS.length]!;
          const name = `并发批次${batch}测试网站${i}`;
          const homeUrl = `https://b${batch}-s${i}.example.gov.cn/`;
          const info = sampleInfo({ name, homeUrl, orgCode, isPortal: false });
          return {
            org_code: orgCode,
            name,
            name_key: normalizeName(name),
            home_url: homeUrl,
            home_url_key: normalizeUrlForCompare(homeUrl),
            home_host: hostOf(homeUrl) ?? '',
            sponsor_name: info.sponsorName,
            is_portal: false,
            is_service_platform: false,
            info: JSON.stringify(info),
            run_status: 'APPLYING' as const,
            created_at: APPROVED_AT,
            updated_at: APPROVED_AT,
          };
        }),
      )
      .returning(['id', 'org_code'])
      .execute();
    await db
      .insertInto('requests')
      .values(
        sites.map((s) => {
          const chain = chains.get(s.org_code)!;
          return {
            type: 'NEW_SITE' as const,
            state: 'CODE_PENDING' as const,
            site_id: s.id,
            org_code: s.org_code,
            is_portal: false,
            chain,
            step_index: chain.length - 1,
            current_org: null,
            payload: JSON.stringify({}),
            submitted_at: APPROVED_AT,
            updated_at: APPROVED_AT,
            step_entered_at: APPROVED_AT,
            final_approved_at: APPROVED_AT,
          };
        }),
      )
      .execute();
    return sites.map((s) => s.id);
  }

  async function countDone(siteIds: number[]): Promise<number> {
    const row = await t.ctx.db
      .selectFrom('requests')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('site_id', 'in', siteIds)
      .where('state', '=', 'DONE')
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /**
   * Every application is either fully issued (request DONE, site NORMAL with code and hash, one audit entry) or
   * untouched; and across the whole database each org's codes are exactly 1..last_seq: no duplicate, no gap.
   */
  async function expectConsistent(siteIds: number[]): Promise<{ issued: number }> {
    const db = t.ctx.db;
    const rows = await db
      .selectFrom('sites as s')
      .innerJoin('requests as r', 'r.site_id', 's.id')
      .select(['s.id', 's.site_code', 's.run_status', 's.check_code_hash', 'r.id as request_id', 'r.state'])
      .where('s.id', 'in', siteIds)
      .execute();
    expect(rows).toHaveLength(siteIds.length);
    const audits = await db
      .selectFrom('audit_log')
      .select(['request_id', sql<number>`count(*)::int`.as('n')])
      .where('action', '=', '生成标识码')
      .where(
        'request_id',
        'in',
        rows.map((r) => r.request_id),
      )
      .groupBy('request_id')
      .execute();
    const auditCount = new Map(audits.map((a) => [a.request_id, a.n]));
    let issued = 0;
    for (const r of rows) {
      if (r.state === 'DONE') {
        issued++;
        expect(r.run_status).toBe('NORMAL');
        expect(r.site_code).not.toBeNull();
        expect(r.check_code_hash).not.toBeNull();
        expect(auditCount.get(r.request_id)).toBe(1);
      } else {
        expect([r.state, r.run_status, r.site_code, r.check_code_hash]).toEqual([
          'CODE_PENDING',
          'APPLYING',
          null,
          null,
        ]);
        expect(auditCount.get(r.request_id)).toBeUndefined();
      }
    }
    const all = await db
      .selectFrom('sites')
      .select(['org_code', 'site_code'])
      .where('site_code', 'is not', null)
      .execute();
    const sequences = await db.selectFrom('site_sequences').selectAll().execute();
    for (const { org_code, last_seq } of sequences) {
      const seqs = all
        .filter((s) => s.org_code === org_code)
        .map((s) => Number(s.site_code!.slice(6)))
        .sort((a, b) => a - b);
      expect(seqs, `sequence of ${org_code}`).toEqual(Array.from({ length: last_seq }, (_, i) => i + 1));
    }
    expect(new Set(all.map((s) => s.site_code)).size).toBe(all.length);
    return { issued };
  }

  function sum(results: IssueCodesResult[]) {
    return results.reduce((n, r) => n + r.issued, 0);
  }

  it('three instances batching at the same moment issue 500 codes, each exactly once', async () => {
    const ids = await makePending(500);
    const contexts = [await instance(), await instance(), await instance()];
    t.clock.set('2026-11-02T08:00:00.000Z'); // 16:00 in Shanghai
    const results = await Promise.all(contexts.map((ctx) => issueCodes(ctx, { trigger: 'SCHEDULE' })));
    expect(sum(results)).toBe(500);
    expect(new Set(results.flatMap((r) => r.codes)).size).toBe(500);
    expect(results.filter((r) => r.status === 'SKIPPED').length).toBeGreaterThanOrEqual(1);
    expect(await expectConsistent(ids)).toEqual({ issued: 500 });
    const skipped = await t.ctx.db.selectFrom('issuance_runs').select('id').where('status', '=', 'SKIPPED').execute();
    expect(skipped.length).toBe(results.filter((r) => r.status === 'SKIPPED').length);
  }, 180_000);

  it('without the batch lock, row locks and compare-and-set alone still issue each application once', async () => {
    const ids = await makePending(200);
    const contexts = [await instance(), await instance(), await instance()];
    const results = await Promise.all(contexts.map((ctx) => issueCodes(ctx, { trigger: 'MANUAL', withoutLock: true })));
    expect(results.every((r) => r.status === 'DONE' && r.errors.length === 0)).toBe(true);
    expect(sum(results)).toBe(200);
    expect(new Set(results.flatMap((r) => r.codes)).size).toBe(200);
    expect(await expectConsistent(ids)).toEqual({ issued: 200 });
  }, 180_000);

  it('a `govsite issue-codes` process killed half-way leaves no half-issued application; the next run finishes', async () => {
    // Several chunks in each lane (ISSUANCE_CHUNK, two lanes on PostgreSQL), so that the kill after the first commits
    // lands half-way whatever the machine's speed.
    const total = ISSUANCE_CHUNK * 8;
    const ids = await makePending(total);
    const child: ChildProcess = spawn(CLI[0]!, [...CLI.slice(1), 'issue-codes'], {
      env: { ...process.env, DATABASE_URL: t.testDb.databaseUrl, GOVSITE_SECRET: 'test-secret' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let seen = 0;
    const deadline = Date.now() + 120_000;
    while (seen < 40 && Date.now() < deadline) {
      await sleep(25);
      seen = await countDone(ids);
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = await expectConsistent(ids);
    expect(atKill.issued).toBeGreaterThanOrEqual(40);
    expect(atKill.issued).toBeLessThan(total);
    const stuck = await t.ctx.db.selectFrom('issuance_runs').selectAll().where('trigger', '=', 'CLI').execute();
    expect(stuck.map((r) => r.status)).toEqual(['RUNNING']);
    // Progress appends each chunk's codes: the ledger's list matches its count and holds no duplicate.
    expect(stuck[0]!.codes).toHaveLength(stuck[0]!.issued_count);
    expect(new Set(stuck[0]!.codes).size).toBe(stuck[0]!.issued_count);

    // PostgreSQL releases the dead session's lock once it notices the closed socket.
    let rerun = await issueCodes(t.ctx, { trigger: 'MANUAL' });
    for (let i = 0; rerun.status === 'SKIPPED' && i < 50; i++) {
      await sleep(200);
      rerun = await issueCodes(t.ctx, { trigger: 'MANUAL' });
    }
    expect(rerun.status).toBe('DONE');
    expect(rerun.issued).toBe(total - atKill.issued);
    expect(await expectConsistent(ids)).toEqual({ issued: total });
    const closed = await t.ctx.db
      .selectFrom('issuance_runs')
      .selectAll()
      .where('id', '=', stuck[0]!.id)
      .executeTakeFirstOrThrow();
    expect(closed.status).toBe('FAILED');
  }, 240_000);
});
