// The demo sites (npm start, govsite seed --demo) on a real database: every state a user meets is there, the rows
// satisfy the register's invariants (unique names and addresses among live sites, one portal per org, 标识码
// sequences past the issued codes, current_org = chain[step_index], a 审核流水 entry for each request, a verifiable
// chain), the demo units' contacts use 秦皇岛's area code, and the printed 填报单位 login works through the real route.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE_COUNT, demoSiteLogin, seedDemoSites } from '../../src/seed/demo-sites.ts';
import type { Db } from '../../src/server/context.ts';
import { sealAuditLog, verifyAuditLog } from '../../src/server/modules/audit/chain.ts';
import { issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

describe('demo sites', () => {
  let t: TestApp;
  let seconds: number;

  beforeAll(async () => {
    t = await createTestApp();
    const started = Date.now();
    await seedDemoSites(t.ctx.db, { keys: t.ctx.keys, config: t.ctx.config, dbKind: t.ctx.dbKind }, t.clock.now());
    seconds = (Date.now() - started) / 1000;
  });

  afterAll(async () => {
    await t?.close();
  });

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(t.ctx.db)).rows[0]!.n;

  it('has sites in every run status and requests of every kind and state a user meets', async () => {
    console.log(`demo sites seeded in ${seconds.toFixed(1)} s`);
    const sites = await t.ctx.db.selectFrom('sites').select(['run_status', 'org_code']).execute();
    expect(sites.length).toBe(DEMO_SITE_COUNT);
    expect(sites.every((s) => s.org_code.startsWith('13'))).toBe(true);
    const byStatus = new Map<string, number>();
    for (const s of sites) byStatus.set(s.run_status, (byStatus.get(s.run_status) ?? 0) + 1);
    for (const status of [
      'APPLYING',
      'WITHDRAWN',
      'NORMAL',
      'TEMP_OFFLINE',
      'EMERGENCY_OFFLINE',
      'PERM_OFFLINE_PENDING',
      'PERM_OFFLINE',
      'EXCEPTION',
      'DELETED',
    ]) {
      expect(byStatus.get(status) ?? 0, status).toBeGreaterThan(0);
    }

    const requests = await t.ctx.db
      .selectFrom('requests')
      .select(['type', 'state', 'step_index', 'chain', 'current_org', 'return_reason'])
      .execute();
    const has = (type: string, state: string) => requests.some((r) => r.type === type && r.state === state);
    for (const [type, state] of [
      ['NEW_SITE', 'SUBMITTED'],
      ['NEW_SITE', 'IN_REVIEW'],
      ['NEW_SITE', 'RETURNED'],
      ['NEW_SITE', 'CODE_PENDING'],
      ['NEW_SITE', 'WITHDRAWN'],
      ['NEW_SITE', 'DONE'],
      ['MODIFY', 'SUBMITTED'],
      ['MODIFY', 'DONE'],
      ['PORTAL_ON', 'SUBMITTED'],
      ['PORTAL_OFF', 'SUBMITTED'],
      ['SERVICE_ON', 'SUBMITTED'],
      ['SERVICE_OFF', 'SUBMITTED'],
      ['OFFLINE_TEMP', 'SUBMITTED'],
      ['OFFLINE_TEMP', 'IN_REVIEW'],
      ['OFFLINE_TEMP', 'DONE'],
      ['OFFLINE_PERM', 'SUBMITTED'],
      ['OFFLINE_PERM', 'DONE'],
      ['OFFLINE_EMERGENCY', 'SUBMITTED'],
    ] as const) {
      expect(has(type, state), `${type} ${state}`).toBe(true);
    }
    // New-site applications wait at the county, the city and the province.
    const waitingLevels = new Set(
      requests
        .filter((r) => r.type === 'NEW_SITE' && (r.state === 'SUBMITTED' || r.state === 'IN_REVIEW'))
        .map((r) => r.current_org)
        .map((code) => (code === '130000' ? 1 : code!.endsWith('00') ? 2 : 3)),
    );
    expect([...waitingLevels].sort()).toEqual([1, 2, 3]);
    for (const r of requests) {
      const open = r.state === 'SUBMITTED' || r.state === 'IN_REVIEW';
      expect(r.current_org).toBe(open ? r.chain[r.step_index] : null);
      if (r.state === 'RETURNED') expect(r.return_reason).toBeTruthy();
    }
  });

  it('keeps the register invariants', async () => {
    const live = sql`run_status NOT IN ('DELETED', 'PERM_OFFLINE', 'WITHDRAWN')`;
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT name_key FROM sites WHERE ${live}
        GROUP BY name_key HAVING count(*) > 1) d`),
    ).toBe(0);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT home_url_key FROM sites WHERE ${live}
        GROUP BY home_url_key HAVING count(*) > 1) d`),
    ).toBe(0);
    expect(
      await count(sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM (SELECT org_code FROM sites WHERE ${live} AND is_portal
        GROUP BY org_code HAVING count(*) > 1) d`),
    ).toBe(0);
    // The 标识码 sequence of every org is past its highest issued code.
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM (
          SELECT org_code, max(right(site_code, 4)::int) AS top FROM sites WHERE site_code IS NOT NULL GROUP BY org_code
        ) s LEFT JOIN site_sequences q USING (org_code) WHERE q.last_seq IS NULL OR q.last_seq < s.top`),
    ).toBe(0);
    // Every issued site can be logged in to (a 校验码 hash), every request has its 审核流水.
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM sites WHERE site_code IS NOT NULL AND check_code_hash IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM requests r
        WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.request_id = r.id)`),
    ).toBe(0);
    await sealAuditLog(t.ctx.db);
    const chain = await verifyAuditLog(t.ctx.db);
    expect(chain.problems).toEqual([]);
    expect(chain.ok).toBe(true);
  });

  it('has link-check results, notices and a submitted spot-check report', async () => {
    const health = await t.ctx.db.selectFrom('link_health').select(['flagged', 'urls_failed']).execute();
    expect(health.length).toBeGreaterThan(100);
    expect(health.some((h) => h.flagged)).toBe(true);
    expect(health.some((h) => !h.flagged && h.urls_failed > 0)).toBe(true);
    const notices = await t.ctx.db.selectFrom('notices').select(['publisher_org', 'audience']).execute();
    expect(notices.map((n) => n.publisher_org).sort()).toEqual(['130000', '130000', 'bm0100']);
    const reports = await t.ctx.db.selectFrom('spot_check_reports').select(['org_code', 'status']).execute();
    expect(reports).toEqual([{ org_code: '130000', status: 'SUBMITTED' }]);
  });

  it('shows the demo units their sites and gives 秦皇岛 units the 0335 area code', async () => {
    for (const username of ['hebei', 'qinhuangdao', 'haigang']) {
      const c = await t.loginAs(username);
      const res = await c.get('/api/sites?page=1&pageSize=20');
      expect(res.status).toBe(200);
      expect(res.body.total, username).toBeGreaterThan(5);
    }
    const units = await t.ctx.db
      .selectFrom('org_units')
      .select(['code', 'principal', 'contacts'])
      .where('code', 'in', ['130300', '130302', '130303'])
      .execute();
    expect(units).toHaveLength(3);
    for (const u of units) {
      const phones = [u.principal, ...(u.contacts as { officePhone: string }[])].map(
        (p) => (p as { officePhone: string }).officePhone,
      );
      for (const phone of phones) expect(phone, u.code).toMatch(/^0335-\d{7}$/);
    }
  });

  it('leaves the code-pending applications waiting after the start-up batch', async () => {
    const pending = async () =>
      count(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM requests WHERE type = 'NEW_SITE' AND state = 'CODE_PENDING'`,
      );
    const before = await pending();
    expect(before).toBeGreaterThan(0);
    await issueCodes(t.ctx, { trigger: 'SCHEDULE' });
    expect(await pending()).toBe(before);
  });

  it('is deterministic: the same moment gives the same sites, states and requests', async () => {
    const other = await createTestDatabase();
    try {
      const keys = await loadKeys(other.database.db, 'another-secret');
      await seedDemoSites(
        other.database.db,
        { keys, config: t.ctx.config, dbKind: other.database.kind },
        t.clock.now(),
      );
      const shape = (db: Db) =>
        Promise.all([
          db
            .selectFrom('sites')
            .select(['id', 'site_code', 'org_code', 'name', 'home_url', 'run_status', 'run_status_until', 'created_at'])
            .orderBy('id')
            .execute(),
          db
            .selectFrom('requests')
            .select(['id', 'type', 'state', 'site_id', 'chain', 'step_index'])
            .orderBy('id')
            .execute(),
        ]);
      expect(await shape(other.database.db)).toEqual(await shape(t.ctx.db));
    } finally {
      await other.drop();
    }
  });

  it('prints a 填报单位 login that works through the real login route, once', async () => {
    const login = await demoSiteLogin(t.ctx.db, t.ctx.keys);
    expect(login).not.toBeNull();
    expect(login!.siteCode).toMatch(/^130302\d{4}$/);
    const c = t.client();
    const res = await c.post('/api/auth/site-login', { siteCode: login!.siteCode, checkCode: login!.checkCode });
    expect(res.status).toBe(200);
    const home = await c.get('/api/site/home');
    expect(home.status).toBe(200);
    expect(JSON.stringify(home.body)).toContain(login!.name);
    // After the first login the 校验码 is no longer shown anywhere, the banner included.
    expect(await demoSiteLogin(t.ctx.db, t.ctx.keys)).toBeNull();
  });
});
