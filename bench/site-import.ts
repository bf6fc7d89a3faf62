// 批量导入网站 (issue 20): 10,000 rows of an xlsx checked and imported (read, 预检 twice — once before and once inside
// the transaction —, argon2id 校验码, inserts, 其他域名, counters, 审核流水, the 校验码发放表) against the limit measured
// in the same run: the same rows inserted with bare SQL (batched INSERTs of sites and their domains, one transaction).
// Part of `npm run bench`; alone: `npx tsx bench/site-import.ts [pglite|postgres]` (migrated demo database only).
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { formatSiteCode } from '../src/domain/org-code.ts';
import { systemClock } from '../src/server/clock.ts';
import type { AppContext } from '../src/server/context.ts';
import { siteColumns } from '../src/server/modules/applications/repository.ts';
import { findRootOrg } from '../src/server/modules/site-import/repository.ts';
import { previewImport, runImport } from '../src/server/modules/site-import/run-import.ts';
import { loadKeys } from '../src/server/secrets.ts';
import { HEADERS, row, xlsxOf } from '../tests/helpers/site-import.ts';
import { prepare, type Target } from './foundation.ts';
import { printTable, record, startPostgres, tempDir } from './lib.ts';

const ROWS = 10_000;
const PER_ORG = 1000;
const FIRST_SEQ = 8001;

/** Orgs with no site numbered FIRST_SEQ or above (free codes for the rows), enough for ROWS rows. */
async function freeOrgs(ctx: AppContext): Promise<string[]> {
  const r = await sql<{ code: string }>`
    SELECT o.code FROM org_units o
     WHERE o.enabled AND o.level BETWEEN 1 AND 3
       AND NOT EXISTS (SELECT 1 FROM sites s WHERE s.org_code = o.code AND s.site_code >= o.code || '8001')
     ORDER BY o.code LIMIT ${Math.ceil(ROWS / PER_ORG)}`.execute(ctx.db);
  return r.rows.map((x) => x.code);
}

export async function benchSiteImport(target: Target): Promise<void> {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    const db = database.db;
    const config = { ...loadConfig({}), databaseUrl: target.databaseUrl, dataDir: target.dataDir };
    const ctx: AppContext = {
      db,
      dbKind: database.kind,
      clock: systemClock,
      keys: await loadKeys(db, undefined),
      config,
    };
    const orgs = await freeOrgs(ctx);
    const tag = Date.now().toString(36);
    const data = Array.from({ length: ROWS }, (_, i) => {
      const org = orgs[Math.floor(i / PER_ORG)]!;
      const code = formatSiteCode(org, FIRST_SEQ + (i % PER_ORG));
      return row(code, `基准导入网站${tag}第${i}号`, `imp${tag}${i}.bench.gov.cn`, {
        其他域名: `alt${tag}${i}.bench.gov.cn`,
      });
    });
    const content = await xlsxOf([HEADERS, ...data]);
    const root = await findRootOrg(db);
    const scope = { orgCode: root.code, orgName: root.name, orgPath: root.path };

    // The check alone (what 预检 costs), then the rows that the bare insert will write.
    const p0 = performance.now();
    const plan = await previewImport(ctx, { scope, fileName: 'bench.xlsx', content });
    const previewMs = performance.now() - p0;
    if (!plan.ok)
      throw new Error(`bench file does not import: ${JSON.stringify(plan.rows.find((r) => r.errors.length))}`);
    const records = plan.rows.map((r) => r.record!);

    // The limit: the same rows with bare SQL, then removed again (not timed) so the import starts from the same state.
    const at = new Date();
    const b0 = performance.now();
    const ids = await db.transaction().execute(async (trx) => {
      const out: number[] = [];
      for (let i = 0; i < records.length; i += 500) {
        const part = records.slice(i, i + 500);
        const inserted = await trx
          .insertInto('sites')
          .values(
            part.map((r) => ({
              ...siteColumns(r.info),
              site_code: r.siteCode,
              columns: JSON.stringify(r.columns),
              run_status: 'NORMAL' as const,
              check_code_hash: 'x',
              created_at: at,
              updated_at: at,
            })),
          )
          .returning('id')
          .execute();
        const batch = inserted.map((x) => x.id);
        out.push(...batch);
        await trx
          .insertInto('site_domains')
          .values(part.flatMap((r, j) => r.otherDomains.map((host) => ({ host, site_id: batch[j]! }))))
          .execute();
      }
      return out;
    });
    const bareMs = performance.now() - b0;
    for (let i = 0; i < ids.length; i += 1000) {
      const part = ids.slice(i, i + 1000);
      await db.deleteFrom('site_domains').where('site_id', 'in', part).execute();
      await db.deleteFrom('sites').where('id', 'in', part).execute();
    }

    // The first plan ends at 「检查」; after it the hashing runs beside the transaction.
    const marks = new Map<string, number>();
    const i0 = performance.now();
    const result = await runImport(ctx, {
      scope,
      importer: { kind: 'CLI', osUser: 'bench' },
      fileName: 'bench.xlsx',
      content,
      ip: null,
      onProgress: (stage) => {
        if (stage === '检查' || stage === '生成校验码') marks.set(stage, performance.now());
      },
    });
    const importMs = performance.now() - i0;
    const checked = (marks.get('检查') ?? i0) - i0;
    const rest = importMs - checked;
    if (result.created !== ROWS) throw new Error(`imported ${result.created} of ${ROWS}`);
    const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
    record(
      target.label,
      `批量导入 ${ROWS} 行（读取、预检、校验码、写入、流水，一个事务）`,
      importMs / 1000,
      bareMs / 1000,
      's',
      `上限为同样的行直接 INSERT（${(bareMs / 1000).toFixed(1)} s）；目标 ≤ 3×。单独预检 ${s(previewMs)}；` +
        `分段：读取与预检 ${s(checked)}，其后校验码哈希与事务（复查、写入、流水）并行 ${s(rest)}`,
    );
  } finally {
    await database.close();
  }
}

// Alone: a migrated demo database per target, then the table.
if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  if (!only || only === 'pglite') {
    const dir = tempDir('govsite-bench-import-');
    try {
      const target = { label: 'PGlite', dataDir: dir };
      await prepare(target);
      await benchSiteImport(target);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!only || only === 'postgres') {
    const dir = tempDir('govsite-bench-import-');
    const pg = startPostgres(Number(process.env.GOVSITE_BENCH_PGPORT ?? 54349));
    try {
      const target = { label: 'PostgreSQL', databaseUrl: pg.url, dataDir: dir };
      await prepare(target);
      await benchSiteImport(target);
    } finally {
      pg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable();
}
