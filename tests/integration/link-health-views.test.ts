// 链接健康 where the organizing units see it, on a real database: the list column and filter (scoped in SQL, with
// the other filters and the exports), the counts of 基本信息统计 and the suggested 不合格网站 of 上报抽查情况.
// Check results are recorded through the sweep's own repository, so no web server is involved.
import type { CompiledQuery, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunStatus } from '../../src/db/schema.ts';
import type { FooterReport } from '../../src/domain/footer-check.ts';
import type { LinkCheckResult, LinkKind } from '../../src/server/modules/link-checks/messages.ts';
import {
  type CheckedUrl,
  finishSweep,
  openSweep,
  recordSiteResults,
} from '../../src/server/modules/link-checks/repository.ts';
import { listSites } from '../../src/server/modules/review/list-sites.ts';
import { listSitesQuery } from '../../src/server/modules/review/schema.ts';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { readXlsx } from '../helpers/review.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
const users = new Map<string, TestClient>();
const as = (user: string) => users.get(user) as TestClient;

type Site = { id: number; site_code: string | null; name: string; home_url: string };
const s: Record<string, Site> = {};

const up = (url: string, kind: LinkKind = 'HOME'): CheckedUrl => ({
  kind,
  result: { url, ok: true, status: 200, redirects: [], elapsedMs: 120, message: '可以访问（200，0.1 秒）' },
});
const down = (url: string, kind: LinkKind = 'HOME'): CheckedUrl => {
  const result: LinkCheckResult = {
    url,
    ok: false,
    status: 404,
    redirects: [],
    elapsedMs: 80,
    error: 'HTTP_ERROR',
    message: '无法访问：HTTP 404（页面不存在）',
  };
  return { kind, result };
};
const refusedByRobots = (url: string): CheckedUrl => ({
  kind: 'COLUMN',
  result: { url, ok: false, redirects: [], elapsedMs: 30, error: 'ROBOTS', message: '未检查：robots.txt 不允许' },
});
const footerProblem = (siteCode: string | null): FooterReport => ({
  findings: [{ item: 'SITE_CODE', status: 'MISSING', expected: siteCode, found: [], message: '页面未显示网站标识码' }],
  problems: 1,
  truncated: false,
});

/** One finished sweep on 2026-10-(day) recording `results` by site key. */
async function sweep(day: number, results: Record<string, { checks: CheckedUrl[]; footer?: FooterReport }>) {
  const now = new Date(`2026-10-${String(day).padStart(2, '0')}T18:00:00Z`);
  const opened = await openSweep(t.ctx.db, `2026-10-${String(day).padStart(2, '0')}`, now);
  if (!opened) throw new Error('sweep already done');
  for (const [key, r] of Object.entries(results)) {
    const site = s[key] as Site;
    const footer = r.footer ?? { findings: [], problems: 0, truncated: false };
    await recordSiteResults(
      t.ctx.db,
      { sweepId: opened.id, siteId: site.id, siteCode: site.site_code, checks: r.checks, footer },
      now,
    );
  }
  await finishSweep(t.ctx.db, opened.id, now);
}

const column = (key: string, path: string) => `${(s[key] as Site).home_url}${path}`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  const site = async (key: string, orgCode: string, seq: number, runStatus: RunStatus = 'NORMAL') => {
    s[key] = await makeSite(db, { orgCode, seq, name: `链接健康-${key}`, runStatus });
  };
  await site('homeDown', '130302', 501);
  await site('columnDown', '130302', 502);
  await site('footer', '130303', 503);
  await site('exception', '130303', 504, 'EXCEPTION');
  await site('robotsOnly', '130302', 505);
  await site('neverChecked', '130302', 506);
  await site('nowOffline', '130302', 507);
  await site('hubeiDown', '420000', 508);
  s.application = (await makeApplication(db, { orgCode: '130302', name: '链接健康-application' })).site;

  const home = (key: string) => (s[key] as Site).home_url;
  for (const day of [25, 26]) {
    await sweep(day, { homeDown: { checks: [down(home('homeDown'))] } });
  }
  await sweep(27, {
    homeDown: { checks: [down(home('homeDown')), up(column('homeDown', 'a.html'), 'COLUMN')] },
    columnDown: {
      checks: [
        up(home('columnDown')),
        up(column('columnDown', 'ok.html'), 'COLUMN'),
        down(column('columnDown', 'gone.html'), 'COLUMN'),
      ],
    },
    footer: { checks: [up(home('footer'))], footer: footerProblem(s.footer?.site_code ?? null) },
    exception: { checks: [up(home('exception'))] },
    robotsOnly: { checks: [up(home('robotsOnly')), refusedByRobots(column('robotsOnly', 'private/'))] },
    nowOffline: { checks: [down(home('nowOffline'))] },
    hubeiDown: { checks: [down(home('hubeiDown'))] },
  });
  // Taken offline after its last check: no longer swept, so no longer 链接异常.
  await db
    .updateTable('sites')
    .set({ run_status: 'TEMP_OFFLINE' })
    .where('id', '=', (s.nowOffline as Site).id)
    .execute();

  for (const u of ['admin', 'hebei', 'hubei', 'qinhuangdao', 'haigang']) users.set(u, await t.loginAs(u));
});

afterAll(async () => {
  await t?.close();
});

type ListRow = { id: number; name: string; linkHealth: Record<string, unknown> };
const keyOf = (id: number) => Object.entries(s).find(([, v]) => v.id === id)?.[0];

async function listed(user: string, query = '') {
  const res = await as(user).get(`/api/sites?pageSize=100&name=${encodeURIComponent('链接健康-')}${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: ListRow[]; total: number };
}
const keys = async (user: string, query = '') => (await listed(user, query)).items.map((r) => keyOf(r.id)).sort();

describe('the site list: 链接健康 column and filter', () => {
  it('shows each row its class and the figures of the latest check', async () => {
    const rows = new Map((await listed('hebei')).items.map((r) => [keyOf(r.id), r.linkHealth]));
    expect(rows.get('homeDown')).toEqual({
      status: 'FAILING',
      label: '链接异常',
      checkedAt: '2026-10-27T18:00:00.000Z',
      homeOk: false,
      flagged: true,
      homeConsecutiveFailures: 3,
      urlsTotal: 2,
      urlsFailed: 1,
      footerProblems: 0,
    });
    expect(rows.get('columnDown')).toMatchObject({ status: 'FAILING', homeOk: true, flagged: false, urlsFailed: 1 });
    expect(rows.get('footer')).toMatchObject({ status: 'FOOTER', label: '底部标识不符', footerProblems: 1 });
    expect(rows.get('exception')).toMatchObject({ status: 'OK', label: '正常', urlsTotal: 1 });
    // A robots.txt refusal is "not checked", not "unreachable".
    expect(rows.get('robotsOnly')).toMatchObject({ status: 'OK', urlsTotal: 2, urlsFailed: 0 });
    for (const key of ['neverChecked', 'nowOffline', 'application']) {
      expect(rows.get(key), key).toEqual({
        status: 'UNCHECKED',
        label: '未检查',
        checkedAt: null,
        homeOk: null,
        flagged: false,
        homeConsecutiveFailures: 0,
        urlsTotal: 0,
        urlsFailed: 0,
        footerProblems: 0,
      });
    }
  });

  it('filters each class in SQL within the caller’s subtree, with the total of the filtered rows', async () => {
    expect(await keys('hebei', '&linkHealth=FAILING')).toEqual(['columnDown', 'homeDown']);
    expect((await listed('hebei', '&linkHealth=FAILING')).total).toBe(2);
    expect(await keys('hebei', '&linkHealth=FOOTER')).toEqual(['footer']);
    expect(await keys('hebei', '&linkHealth=OK')).toEqual(['exception', 'robotsOnly']);
    expect(await keys('hebei', '&linkHealth=UNCHECKED')).toEqual(['application', 'neverChecked', 'nowOffline']);
    expect(await keys('haigang', '&linkHealth=FOOTER')).toEqual([]);
    expect(await keys('haigang', '&linkHealth=FAILING')).toEqual(['columnDown', 'homeDown']);
    expect(await keys('hubei', '&linkHealth=FAILING')).toEqual(['hubeiDown']);
    expect(await keys('admin', '&linkHealth=FAILING')).toEqual(['columnDown', 'homeDown', 'hubeiDown']);
  });

  it('combines with the other filters, paging and the exports', async () => {
    expect(await keys('hebei', '&linkHealth=FAILING&county=130302&runStatus=NORMAL')).toEqual([
      'columnDown',
      'homeDown',
    ]);
    expect(await keys('hebei', '&linkHealth=OK&runStatus=EXCEPTION')).toEqual(['exception']);
    const page2 = await as('hebei').get(`/api/sites?pageSize=20&page=2&linkHealth=FAILING`);
    expect(page2.body).toMatchObject({ items: [], total: 2 });

    const exported = await as('hebei').get(`/api/sites/export?pageSize=20&linkHealth=FAILING`);
    expect(exported.status).toBe(200);
    expect(
      (await readXlsx(exported))
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['链接健康-columnDown', '链接健康-homeDown']);
    const all = await as('admin').get(`/api/sites/export-all?linkHealth=FAILING`);
    expect(all.headers['x-export-total']).toBe('3');
  });

  it('reads the column in the statement of the page, and leaves the rest of the list query alone without the filter', async () => {
    const hebei = await t.ctx.db
      .selectFrom('users as u')
      .innerJoin('org_units as o', 'o.code', 'u.org_code')
      .select(['u.id', 'u.display_name', 'u.role', 'o.name', 'o.level', 'o.path'])
      .where('u.username', '=', 'hebei')
      .executeTakeFirstOrThrow();
    const actor = {
      kind: 'ORG_USER' as const,
      userId: hebei.id,
      username: 'hebei',
      displayName: hebei.display_name,
      role: hebei.role,
      orgCode: '130000',
      orgName: hebei.name,
      orgLevel: hebei.level,
      orgPath: hebei.path,
      mustChangePassword: false,
    };
    const statements = async (query: Record<string, string>) => {
      // Executed statements only: built ones through a plugin (transformQuery also sees the subqueries as they are
      // built), and the compiled ones the list reuses as they are handed to executeQuery().
      const sqls: string[] = [];
      const nodes = new Map<unknown, PluginTransformQueryArgs['node']>();
      const capture: KyselyPlugin = {
        transformQuery: (args: PluginTransformQueryArgs) => {
          nodes.set(args.queryId, args.node);
          return args.node;
        },
        transformResult: async (args: PluginTransformResultArgs) => {
          const node = nodes.get(args.queryId);
          if (node) sqls.push(t.ctx.db.getExecutor().compileQuery(node, args.queryId).sql);
          return args.result;
        },
      };
      const db = t.ctx.db.withPlugin(capture);
      const recording = new Proxy(db, {
        get(target, property) {
          if (property === 'executeQuery') {
            return (q: CompiledQuery) => {
              sqls.push(q.sql);
              return target.executeQuery(q);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const page = await listSites({ ...t.ctx, db: recording }, actor, listSitesQuery.parse(query));
      return { rows: page.items.length, sqls };
    };
    const mentions = (q: string) => q.match(/link_health/g)?.length ?? 0;
    const big = await statements({ pageSize: '100' });
    const small = await statements({ pageSize: '20', name: '链接健康-homeDown' });
    expect(big.rows).toBeGreaterThan(small.rows);
    // One statement whatever the page size: the page's rows joined to link_health by its primary key, nothing else.
    expect(big.sqls).toHaveLength(1);
    expect(small.sqls).toHaveLength(1);
    expect(mentions(big.sqls[0] ?? '')).toBe(1);
    expect(big.sqls[0]).toMatch(/left join "link_health" as "h" on "h"."site_id" = "s"."id"/);
    const filtered = await statements({ pageSize: '20', linkHealth: 'FAILING' });
    expect(filtered.sqls).toHaveLength(1);
    expect(mentions(filtered.sqls[0] ?? '')).toBeGreaterThan(1);
  });

  it('refuses an unknown class', async () => {
    expect((await as('hebei').get('/api/sites?linkHealth=BROKEN')).status).toBe(400);
  });
});

describe('基本信息统计: sites failing their checks', () => {
  it('counts the classes of the swept sites in the scope, and 链接异常 per child unit', async () => {
    const res = await as('hebei').get('/api/stats/sites');
    expect(res.status).toBe(200);
    // Swept: registered and 正常 or 例外 — the offline site and the application are not counted.
    expect(res.body.linkHealth).toEqual({
      swept: 6,
      flagged: 1,
      statuses: [
        { key: 'FAILING', label: '链接异常', count: 2 },
        { key: 'FOOTER', label: '底部标识不符', count: 1 },
        { key: 'OK', label: '正常', count: 2 },
        { key: 'UNCHECKED', label: '未检查', count: 1 },
      ],
    });
    const children = res.body.children as { code: string | null; linkFailing: number }[];
    expect(children.find((c) => c.code === '130300')?.linkFailing).toBe(2);
    expect(children.reduce((n, c) => n + c.linkFailing, 0)).toBe(2);

    const city = await as('hebei').get('/api/stats/sites?org=130300');
    const byChild = Object.fromEntries(
      (city.body.children as { code: string | null; linkFailing: number }[]).map((c) => [c.code, c.linkFailing]),
    );
    expect(byChild).toMatchObject({ '130302': 2, '130303': 0 });
    expect(city.body.linkHealth.statuses[0]).toEqual({ key: 'FAILING', label: '链接异常', count: 2 });

    const county = await as('haigang').get('/api/stats/sites');
    expect(county.body.linkHealth).toMatchObject({ swept: 4, flagged: 1 });
    const hubei = await as('hubei').get('/api/stats/sites');
    expect(hubei.body.linkHealth.statuses[0].count).toBe(1);
  });

  it('exports the counts as a table', async () => {
    const res = await as('hebei').get('/api/stats/export?table=linkHealth');
    expect(res.status).toBe(200);
    const rows = await readXlsx(res);
    expect(rows[0]?.[1]).toBe('网站数');
    expect(rows.slice(1)).toEqual([
      ['链接异常', '2'],
      ['底部标识不符', '1'],
      ['正常', '2'],
      ['未检查', '1'],
    ]);
  });
});

describe('上报抽查情况: failing sites suggested as problem cases', () => {
  it('offers the level-1 unit its failing sites, an unreachable home page as single-veto item 2', async () => {
    const res = await as('hebei').get('/api/spot-checks/link-problems');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const [first, second] = res.body.items;
    expect(first).toMatchObject({
      siteId: s.homeDown?.id,
      siteCode: s.homeDown?.site_code,
      name: '链接健康-homeDown',
      orgName: expect.any(String),
      problemType: 'VETO_2',
      flagged: true,
      checkedAt: '2026-10-27T18:00:00.000Z',
    });
    expect(first.description).toBe(
      '首页连续 3 次巡检无法访问，最近一次检查（2026-10-28 02:00:00）结果：HTTP 404（页面不存在）',
    );
    expect(second).toMatchObject({ siteId: s.columnDown?.id, problemType: 'OTHER', flagged: false });
    expect(second.description).toContain(`1 个地址巡检无法访问，如 ${column('columnDown', 'gone.html')}`);

    const hubei = await as('hubei').get('/api/spot-checks/link-problems');
    expect(hubei.body.items.map((i: { siteId: number }) => i.siteId)).toEqual([s.hubeiDown?.id]);
  });

  it('lets the unit take a suggestion into its report, and refuses units below level 1', async () => {
    const suggestion = (await as('hebei').get('/api/spot-checks/link-problems')).body.items[0];
    const saved = await as('hebei').post('/api/spot-checks/report', {
      year: 2026,
      quarter: 4,
      version: 0,
      checkedCount: 1,
      passedCount: 0,
      findings: [
        {
          siteId: suggestion.siteId,
          problemType: suggestion.problemType,
          description: suggestion.description,
        },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.findings[0]).toMatchObject({ siteId: s.homeDown?.id, problemType: 'VETO_2' });
    expect((await as('qinhuangdao').get('/api/spot-checks/link-problems')).status).toBe(403);
    expect((await as('admin').get('/api/spot-checks/link-problems')).status).toBe(403);
  });
});
