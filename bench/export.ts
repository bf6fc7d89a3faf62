// Exports of the site list: a 100-row page (GET /api/sites/export) beside the SQL of the same page, and the streamed
// full export (GET /api/sites/export-all) of ~10,000 filtered rows beside ~1,000 rows — time and the peak memory of
// the process while it streams; equal peaks for 10× the rows show the export runs in constant memory.
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { listSites } from '../src/server/modules/review/list-sites.ts';
import { listSitesQuery } from '../src/server/modules/review/schema.ts';
import { startServer } from '../src/start.ts';
import type { Target } from './foundation.ts';
import { HttpClient, percentile, record, sample, withPeakMemory } from './lib.ts';
import type { BenchSize } from './scale.ts';
import { actorOf, benchConfig, listStatements, runRaw } from './site-list.ts';

/** Filters by home-page address fragment (`.42` = sites of Hubei's units …): counts from tens to tens of thousands. */
const URL_FRAGMENTS = [
  '.1',
  '.2',
  '.3',
  '.4',
  '.5',
  '.6',
  '.13',
  '.32',
  '.37',
  '.41',
  '.42',
  '.44',
  '.51',
  '.130',
  '.420',
  '.1301',
  '.1303',
  '.4201',
  '.4401',
  '.5101',
];

async function download(client: HttpClient, path: string): Promise<number> {
  const res = await client.request('GET', path);
  if (!res.ok || !res.body) throw new Error(`GET ${path} → ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  return bytes;
}

export async function benchExport(target: Target, size: BenchSize): Promise<void> {
  const server = await startServer(benchConfig(target), { logger: false });
  try {
    const ctx = server.app.ctx;
    const client = new HttpClient(server.url);
    await client.login('admin', DEMO_PASSWORD);
    const actor = await actorOf(ctx.db, 'admin');

    // A 100-row page as the province sees it, beside the statements of that page.
    const province = new HttpClient(server.url);
    await province.login('hebei', DEMO_PASSWORD);
    const pageQuery = { pageSize: '100', page: '2' };
    const pageStatements = await listStatements(ctx, await actorOf(ctx.db, 'hebei'), pageQuery);
    const pagePath = `/api/sites/export?${new URLSearchParams(pageQuery).toString()}`;
    const n = size.quick ? 20 : 50;
    const page = await sample(n, () => download(province, pagePath), 3);
    const pageSql = await sample(n, () => runRaw(ctx.db, pageStatements), 3);
    const pageMemory = await withPeakMemory(() => download(province, pagePath));
    record(
      target.label,
      '导出当页 100 行 p50（省级，xlsx）',
      percentile(page, 50),
      percentile(pageSql, 50),
      'ms',
      `目标 ≤ 100 ms；上限：该页的 SQL；峰值堆增量 ${pageMemory.heapMb.toFixed(1)} MB`,
    );

    // Full exports of about 10× and 1× the base size, chosen among address filters by their totals.
    const big = size.quick ? 2000 : 10_000;
    const totals = await Promise.all(
      URL_FRAGMENTS.map(async (homeUrl) => {
        const r = await listSites(ctx, actor, listSitesQuery.parse({ homeUrl, runStatus: 'NORMAL' }));
        return { homeUrl, total: r.total };
      }),
    );
    const closest = (want: number) =>
      totals.reduce((best, t) => (Math.abs(t.total - want) < Math.abs(best.total - want) ? t : best));
    const runs: { rows: number; ms: number; heapMb: number; liveMb: number; rssMb: number; mb: number }[] = [];
    for (const want of [big / 10, big]) {
      const pick = closest(want);
      const path = `/api/sites/export-all?${new URLSearchParams({ homeUrl: pick.homeUrl, runStatus: 'NORMAL' }).toString()}`;
      await download(client, path); // warm-up
      let bytes = 0;
      const m = await withPeakMemory(async () => {
        bytes = await download(client, path);
      });
      const live = await withPeakMemory(() => download(client, path), { liveHeap: true });
      runs.push({
        rows: pick.total,
        ms: m.ms,
        heapMb: m.heapMb,
        liveMb: live.heapMb,
        rssMb: m.rssMb,
        mb: bytes / 1024 / 1024,
      });
    }
    const [small, large] = runs as [(typeof runs)[number], (typeof runs)[number]];
    record(
      target.label,
      `导出全部筛选结果 ${large.rows} 行（流式 xlsx）`,
      large.ms,
      small.ms,
      'ms',
      `对照：${small.rows} 行；文件 ${large.mb.toFixed(1)} MB`,
    );
    // Below ~0.1 MB the smaller export's peak is sampling noise, and a ratio against it means nothing.
    record(
      target.label,
      `  导出时存活对象峰值（${large.rows} 行 / ${small.rows} 行）`,
      large.liveMb,
      small.liveMb >= 0.1 ? small.liveMb : 0,
      'MB',
      `每 50 ms 完整回收后取样；比值约 1 即内存不随行数增长。未回收时堆峰值 ${large.heapMb.toFixed(1)} / ${small.heapMb.toFixed(1)} MB，RSS 增量 ${large.rssMb.toFixed(1)} / ${small.rssMb.toFixed(1)} MB`,
    );
  } finally {
    await server.close();
  }
}
