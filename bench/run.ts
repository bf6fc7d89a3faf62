// `npm run bench [-- --quick] [-- pglite|postgres]`: every benchmark on PGlite and on a throwaway PostgreSQL at
// national scale, printed as one table with the limit measured in the same run and the ratio. Timings are never
// asserted in tests; they are reported here. --quick: 10,000 sites and fewer samples (a smoke test of the suite).
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchApprove } from './approve.ts';
import { benchExport } from './export.ts';
import { benchStartup, benchSubtree, prepare, type Target } from './foundation.ts';
import { benchIssuance } from './issuance.ts';
import { printTable, startPostgres, tempDir } from './lib.ts';
import { type BenchSize, benchSeed } from './scale.ts';
import { benchListLatency, benchListThroughput } from './site-list.ts';
import { benchBrowser, benchBundle } from './web.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: 'boolean', default: false }, sites: { type: 'string' } },
});
const quick = values.quick ?? false;
const size: BenchSize = {
  quick,
  sites: Number(values.sites ?? (quick ? 10_000 : 100_000)),
  samples: quick ? 50 : 200,
  loadSeconds: quick ? 3 : 10,
};

async function step(target: Target, name: string, fn: () => Promise<void>): Promise<void> {
  console.error(`[bench] ${target.label}: ${name}…`);
  await fn();
}

async function runAll(target: Target): Promise<void> {
  await step(target, 'preparing', () => prepare(target));
  await step(target, `seeding ${size.sites} sites`, () => benchSeed(target, size));
  await step(target, 'site list latency', () => benchListLatency(target, size));
  await step(target, 'site list throughput', () => benchListThroughput(target, size));
  await step(target, 'approve', () => benchApprove(target, size));
  await step(target, 'exports', () => benchExport(target, size));
  await step(target, 'browser', () => benchBrowser(target, size));
  await step(target, 'issuance', () => benchIssuance(target, size));
  await step(target, 'start-up', () => benchStartup(target));
  await step(target, 'subtree queries', () => benchSubtree(target));
}

const only = positionals[0];
console.error('[bench] building the web UI…');
benchBundle('Web');
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
console.log(`\n基准测试（${quick ? '快速' : '完整'}：${size.sites} 个网站）\n`);
printTable();
