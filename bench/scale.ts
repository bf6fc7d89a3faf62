// National-scale data for the other benchmarks: `seedScale` on the prepared database, timed (no limit: reported).
import { openDatabase } from '../src/db/database.ts';
import { seedScale } from '../src/seed/scale.ts';
import type { Target } from './foundation.ts';
import { recordText } from './lib.ts';

export interface BenchSize {
  quick: boolean;
  /** Generated sites (100,000 for the full run). */
  sites: number;
  /** Samples per latency figure (≥ 200 for the full run). */
  samples: number;
  /** Seconds per throughput figure. */
  loadSeconds: number;
}

export async function benchSeed(target: Target, size: BenchSize): Promise<void> {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    let lastShown = 0;
    const summary = await seedScale(database.db, {
      sites: size.sites,
      onProgress: (done, total) => {
        if (done - lastShown >= total / 10 || done === total) {
          lastShown = done;
          console.error(`[bench] ${target.label}: seeded ${done}/${total} sites`);
        }
      },
    });
    const perSecond = Math.round(summary.sites / (summary.ms / 1000));
    recordText(
      target.label,
      `govsite seed --scale ${size.sites}`,
      `${(summary.ms / 1000).toFixed(1)} s`,
      '—',
      '—',
      `${perSecond} 个网站/秒；${summary.requests} 条申请、${summary.audit} 条审核流水（已封存）`,
    );
  } finally {
    await database.close();
  }
}
