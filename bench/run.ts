// `npm run bench`: every benchmark on PGlite and on a throwaway PostgreSQL, printed as one table with the limit
// measured in the same run and the ratio. Timings are never asserted in tests; they are reported here.
import { rmSync } from 'node:fs';
import { benchStartup, benchSubtree, prepare, type Target } from './foundation.ts';
import { printTable, startPostgres, tempDir } from './lib.ts';

async function runAll(target: Target): Promise<void> {
  console.error(`[bench] ${target.label}: preparing…`);
  await prepare(target);
  console.error(`[bench] ${target.label}: start-up`);
  await benchStartup(target);
  console.error(`[bench] ${target.label}: subtree queries`);
  await benchSubtree(target);
}

const only = process.argv[2];
const pgliteDir = tempDir('govsite-bench-');
try {
  if (!only || only === 'pglite') await runAll({ label: 'PGlite', dataDir: pgliteDir });
  if (!only || only === 'postgres') {
    const pg = startPostgres(Number(process.env.GOVSITE_BENCH_PGPORT ?? 54349));
    try {
      await runAll({ label: 'PostgreSQL', databaseUrl: pg.url, dataDir: pgliteDir });
    } finally {
      pg.stop();
    }
  }
} finally {
  rmSync(pgliteDir, { recursive: true, force: true });
}
printTable();
