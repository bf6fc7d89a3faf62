// `npm run bench [-- --quick] [-- --sites N] [-- pglite|postgres]`: every benchmark on PGlite and on a throwaway
// PostgreSQL at national scale, printed as one table with the limit measured in the same run and the ratio. Timings
// are never asserted in tests; they are reported here. Size: --sites N or BENCH_SITES=N (default 100,000). --quick:
// 10,000 sites unless a size is given, and fewer samples (a smoke test of the suite). --only browser[,…]: only those steps
// (by their progress names) after preparing and seeding. The `plans` step writes bench-plans-<db>.md (EXPLAIN ANALYZE of
// the site list's standard filters and of the root's whole-tree page) to the current directory.
import { rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchApprove } from './approve.ts';
import { benchExport } from './export.ts';
import { benchSubtree, prepare, type Target } from './foundation.ts';
import { benchIssuance } from './issuance.ts';
import { printTable, startPostgres, tempDir } from './lib.ts';
import { benchPlans } from './plans.ts';
import { type BenchSize, benchSeed } from './scale.ts';
import { benchSiteImport } from './site-import.ts';
import { benchListLatency, benchListThroughput } from './site-list.ts';
import { benchCliHelp, benchStartup, buildStartupTargets } from './startup.ts';
import { benchBrowser, benchBundle } from './web.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    sites: { type: 'string' },
    /** Only these steps (comma-separated, e.g. `browser`), after preparing and seeding. */
    only: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const sites = Number(values.sites ?? process.env.BENCH_SITES ?? (quick ? 10_000 : 100_000));
if (!Number.isInteger(sites) || sites < 1000)
  throw new Error(`bench: --sites / BENCH_SITES must be ≥ 1000, not ${sites}`);
const size: BenchSize = {
  quick,
  sites,
  samples: quick ? 50 : 200,
  loadSeconds: quick ? 3 : 10,
};

const onlySteps = values.only ? new Set(values.only.split(',')) : null;

async function step(target: Target, name: string, fn: () => Promise<void>): Promise<void> {
  if (onlySteps && name !== 'preparing' && !name.startsWith('seeding') && !onlySteps.has(name)) return;
  console.error(`[bench] ${target.label}: ${name}…`);
  await fn();
}

async function runAll(target: Target): Promise<void> {
  await step(target, 'preparing', () => prepare(target));
  await step(target, `seeding ${size.sites} sites`, () => benchSeed(target, size));
  await step(target, 'site list latency', () => benchListLatency(target, size));
  await step(target, 'plans', () => benchPlans(target));
  await step(target, 'site list throughput', () => benchListThroughput(target, size));
  await step(target, 'approve', () => benchApprove(target, size));
  await step(target, 'exports', () => benchExport(target, size));
  await step(target, 'browser', () => benchBrowser(target, size));
  await step(target, 'issuance', () => benchIssuance(target, size));
  await step(target, 'start-up', () => benchStartup(target));
  await step(target, 'subtree queries', () => benchSubtree(target));
  await step(target, 'site import', () => benchSiteImport(target));
}

const only = positionals[0];
const startedAt = new Date();
const loadAtStart = loadavg()[0] ?? 0;
console.error('[bench] building the web UI…');
benchBundle('Web');
console.error('[bench] compiling the server; govsite --help…');
await buildStartupTargets();
await benchCliHelp();
if (!only || only === 'pglite') {
  const dir = tempDir('govsite-bench-');
  try {
    await runAll({ label: 'PGlite', dataDir: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!only || only === 'postgres') {
  const dir = tempDir('govsite-bench-');
  const pg = startPostgres(Number(process.env.GOVSITE_BENCH_PGPORT ?? 54349));
  try {
    await runAll({ label: 'PostgreSQL', databaseUrl: pg.url, dataDir: dir });
  } finally {
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
const machine = `${cpus().length} 核 ${cpus()[0]?.model.trim() ?? ''}，内存 ${Math.round(totalmem() / 2 ** 30)} GB`;
console.log(`\n基准测试（${quick ? '快速' : '完整'}：${size.sites} 个网站）`);
console.log(
  `${startedAt.toISOString()} 起，用时 ${((Date.now() - startedAt.getTime()) / 60_000).toFixed(0)} 分钟；${machine}`,
);
console.log(
  `1 分钟平均负载：开始 ${loadAtStart.toFixed(1)}，结束 ${(loadavg()[0] ?? 0).toFixed(1)}（高于核数即有其他进程争用 CPU）\n`,
);
printTable();
