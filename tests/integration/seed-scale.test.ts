// The national-scale generator (govsite seed --scale) on a real database, at a small N: deterministic, routed by the
// stored tree, consecutive 标识码 per org, one portal per org, current_org = chain[step_index], a sealed 审核流水,
// valid basic information, and a refusal the second time; the 16:00 batch then issues what it left waiting.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type SiteInfoInput, validateSiteInfo } from '../../src/domain/site-info.ts';
import { ScaleSeedRefusedError, type ScaleSummary, seedScale } from '../../src/seed/scale.ts';
import { ManualClock } from '../../src/server/clock.ts';
import type { AppContext, Db } from '../../src/server/context.ts';
import { verifyAuditLog } from '../../src/server/modules/audit/chain.ts';
import { issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import { computeReviewChain, computeSingleReviewer } from '../../src/server/modules/org-units/routing.ts';
import { listSites } from '../../src/server/modules/review/list-sites.ts';
import { listSitesQuery } from '../../src/server/modules/review/schema.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { DEFAULT_NOW } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const N = 500;
const NOW = new Date(DEFAULT_NOW);

/** Every generated row in id order, hashed: two equal fingerprints mean two equal data sets. */
async function fingerprint(db: Db): Promise<string> {
  const parts = await Promise.all(
    ['sites', 'requests', 'audit_log', 'site_sequences'].map(async (table) => {
      const order = table === 'site_sequences' ? 'org_code' : 'id';
      const r = await sql<{ rows: string | null }>`SELECT string_agg(row_to_json(t)::text, E'\\n' ORDER BY ${sql.ref(
        order,
      )}) AS rows FROM ${sql.table(table)} AS t`.execute(db);
      return r.rows[0]?.rows ?? '';
    }),
  );
  return createHash('sha256').update(parts.join('\n--\n')).digest('hex');
}

describe('govsite seed --scale', () => {
  const dbs: TestDatabase[] = [];
  let db: Db;
  let summary: ScaleSummary;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) dbs.push(await createTestDatabase());
    db = dbs[0]!.database.db;
    summary = await seedScale(db, { sites: N, now: NOW });
  });

  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  const appContext = async (): Promise<AppContext> => ({
    db,
    dbKind: dbs[0]!.database.kind,
    clock: new ManualClock(NOW.toISOString()),
    keys: await loadKeys(db, 'test-secret'),
    config: loadConfig({}),
  });

  it('writes N sites in every state, about five 审核流水 entries per site', async () => {
    expect(summary.sites).toBe(N);
    const sites = await db.selectFrom('sites').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(sites.n).toBe(N);
    expect(summary.counts.CODE_PENDING).toBe(N / 10);
    expect(summary.audit / N).toBeGreaterThan(3.5);
    expect(summary.audit / N).toBeLessThan(6.5);
    const states = await db
      .selectFrom('requests')
      .select(['type', 'state', sql<number>`count(*)::int`.as('n')])
      .groupBy(['type', 'state'])
      .execute();
    const has = (type: string, state: string) => states.some((s) => s.type === type && s.state === state && s.n > 0);
    for (const state of ['SUBMITTED', 'IN_REVIEW', 'RETURNED', 'CODE_PENDING', 'DONE', 'WITHDRAWN']) {
      expect(has('NEW_SITE', state), state).toBe(true);
    }
    expect(has('MODIFY', 'SUBMITTED')).toBe(true);
    expect(has('MODIFY', 'DONE')).toBe(true);
    // IN_REVIEW at every step of three-step chains (county department sites).
    const steps = await db
      .selectFrom('requests')
      .select('step_index')
      .distinct()
      .where('state', '=', 'IN_REVIEW')
      .where(sql<boolean>`cardinality(chain) = 3`)
      .execute();
    expect(steps.map((s) => s.step_index).sort()).toEqual([0, 1, 2]);
  });

  it('is deterministic: a second run on a fresh database gives the same data', async () => {
    const other = dbs[1]!.database.db;
    await seedScale(other, { sites: N, now: NOW });
    expect(await fingerprint(other)).toBe(await fingerprint(db));
  });

  it('routes every request along the chain of the stored tree, current_org = chain[step_index]', async () => {
    const requests = await db
      .selectFrom('requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select(['r.type', 'r.state', 'r.chain', 'r.step_index', 'r.current_org', 's.org_code', 's.is_portal'])
      .execute();
    const expected = new Map<string, string[]>();
    for (const r of requests) {
      const key = `${r.type === 'NEW_SITE' ? 'chain' : 'single'}|${r.org_code}|${r.is_portal}`;
      if (!expected.has(key)) {
        const site = { orgCode: r.org_code, isPortal: r.is_portal };
        expected.set(
          key,
          r.type === 'NEW_SITE' ? await computeReviewChain(db, site) : [await computeSingleReviewer(db, site)],
        );
      }
      expect(r.chain).toEqual(expected.get(key));
      const open = r.state === 'SUBMITTED' || r.state === 'IN_REVIEW';
      expect(r.current_org).toBe(open ? r.chain[r.step_index] : null);
    }
  });

  it('gives consecutive 标识码 per org matching site_sequences, and one portal per org', async () => {
    const issued = await db
      .selectFrom('sites')
      .select(['org_code', 'site_code'])
      .where('site_code', 'is not', null)
      .execute();
    const seqs = new Map<string, number[]>();
    for (const s of issued) {
      expect(s.site_code!.slice(0, 6)).toBe(s.org_code);
      seqs.set(s.org_code, [...(seqs.get(s.org_code) ?? []), Number(s.site_code!.slice(6))]);
    }
    const sequences = await db.selectFrom('site_sequences').select(['org_code', 'last_seq']).execute();
    expect(sequences.length).toBe(seqs.size);
    for (const { org_code, last_seq } of sequences) {
      const list = (seqs.get(org_code) ?? []).sort((a, b) => a - b);
      expect(list).toEqual(Array.from({ length: last_seq }, (_, i) => i + 1));
    }
    const portals = await db
      .selectFrom('sites')
      .select(['org_code', sql<number>`count(*)::int`.as('n')])
      .where('is_portal', '=', true)
      .groupBy('org_code')
      .execute();
    expect(portals.length).toBeGreaterThan(0);
    expect(portals.every((p) => p.n === 1)).toBe(true);
  });

  it('writes valid basic information and a sealed, verifiable 审核流水', async () => {
    const infos = await db.selectFrom('sites').select('info').orderBy('id').limit(50).execute();
    for (const { info } of infos) {
      const checked = validateSiteInfo(info as SiteInfoInput);
      expect(checked.errors).toEqual([]);
    }
    const chain = await verifyAuditLog(db);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(summary.audit);
  });

  it('finds by fuzzy name exactly the rows ILIKE finds (LIKE for caseless terms, bigram index)', async () => {
    const root = await db
      .selectFrom('org_units')
      .select(['code', 'name', 'level', 'path'])
      .where('code', '=', 'bm0100')
      .executeTakeFirstOrThrow();
    const actor = {
      kind: 'ORG_USER' as const,
      userId: 1,
      username: 'admin',
      displayName: '国办管理员',
      role: 'ADMIN' as const,
      orgCode: root.code,
      orgName: root.name,
      orgLevel: root.level,
      orgPath: root.path,
      mustChangePassword: false,
    };
    const ctx = await appContext();
    for (const term of ['教育', '教育局', '局', '人民政府网站', '政务服务网', 'ICP', 'www', 'WWW', '%', '教育_']) {
      const expected = await db
        .selectFrom('sites')
        .select(sql<number>`count(*)::int`.as('n'))
        .where(sql<boolean>`name ILIKE ${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
        .where('run_status', 'not in', ['WITHDRAWN', 'DELETED'])
        .executeTakeFirstOrThrow();
      const page = await listSites(ctx, actor, listSitesQuery.parse({ name: term, pageSize: '20' }));
      expect(page.total, term).toBe(expected.n);
      if (term === '教育' || term === '局') expect(expected.n, term).toBeGreaterThan(0);
    }
  });

  it('refuses a second run on the same database', async () => {
    await expect(seedScale(db, { sites: N, now: NOW })).rejects.toBeInstanceOf(ScaleSeedRefusedError);
  });

  it('leaves CODE_PENDING applications that the 16:00 batch issues after the existing codes', async () => {
    const ctx = await appContext();
    const result = await issueCodes(ctx, { trigger: 'MANUAL', withoutLock: true });
    expect(result.errors).toEqual([]);
    expect(result.issued).toBe(N / 10);
    const issued = await db
      .selectFrom('sites')
      .select(['org_code', sql<number>`count(*)::int`.as('n'), sql<number>`max(right(site_code, 4)::int)`.as('max')])
      .where('site_code', 'is not', null)
      .groupBy('org_code')
      .execute();
    expect(issued.every((o) => o.n === o.max)).toBe(true);
  });
});
