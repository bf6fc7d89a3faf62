// `govsite import-sites FILE.xlsx|FILE.csv [--dry-run]`: imports a register of sites for the whole tree (as the root),
// with a progress bar. --dry-run only runs the 预检. Errors are printed with row, column and reason and saved as a
// 预检报告 beside the file; the 校验码发放表 of new sites is saved beside it too (its codes exist nowhere else).
// Exit 0 when imported (or the dry run found no error), 3 when the file has errors (nothing imported), 2 on bad usage.
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import type { AppConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { systemClock } from '../server/clock.ts';
import { AppError } from '../server/errors.ts';
import { type ImportPlan, ROW_ACTION_LABELS } from '../server/modules/site-import/plan-import.ts';
import { findRootOrg } from '../server/modules/site-import/repository.ts';
import { type ImportStage, previewImport, runImport } from '../server/modules/site-import/run-import.ts';
import { buildPlanReport } from '../server/modules/site-import/xlsx.ts';
import { loadKeys } from '../server/secrets.ts';

const USAGE = '用法：govsite import-sites <文件.xlsx|文件.csv> [--dry-run]';
const SHOWN_ERRORS = 50;

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? '未知';
  }
}

function printPlan(plan: ImportPlan): void {
  const c = plan.counts;
  console.log(`预检：新增 ${c.create} 个，更新 ${c.update} 个，不变 ${c.unchanged} 个，错误 ${c.error} 行`);
  if (plan.encoding) console.log(`  CSV 编码：${plan.encoding}`);
  for (const e of plan.fileErrors) console.log(`  文件错误：${e.message}`);
  for (const n of plan.notices) console.log(`  提示：${n.column ?? ''}列 ${n.message}`);
  const errors = plan.rows.flatMap((r) => r.errors);
  for (const e of errors.slice(0, SHOWN_ERRORS)) {
    const where = e.column ? `${e.column}列${e.header ? `（${e.header}）` : ''}` : (e.header ?? '');
    console.log(`  第 ${e.row} 行 ${where}：${e.message}`);
  }
  if (errors.length > SHOWN_ERRORS) console.log(`  …… 另有 ${errors.length - SHOWN_ERRORS} 处错误，见预检报告`);
  for (const r of plan.rows.filter((x) => x.action === 'update').slice(0, SHOWN_ERRORS)) {
    console.log(
      `  第 ${r.rowNumber} 行 ${ROW_ACTION_LABELS.update} ${r.siteCode}：${r.changes.map((ch) => ch.label).join('、')}`,
    );
  }
}

export async function importSitesCommand(config: AppConfig, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const content = await readFile(file);
  const fileName = basename(file);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const keys = await loadKeys(database.db, config.secret);
    const ctx = { db: database.db, dbKind: database.kind, clock: systemClock, keys, config };
    const root = await findRootOrg(database.db);
    const scope = { orgCode: root.code, orgName: root.name, orgPath: root.path };
    const plan = await previewImport(ctx, { scope, fileName, content });
    printPlan(plan);
    if (!plan.ok) {
      if (plan.rows.length > 0) {
        const report = await buildPlanReport(plan, root.code, systemClock.now());
        const path = join(dirname(file), report.fileName);
        await writeFile(path, report.body);
        console.log(`预检报告（错误标在各行旁）已保存：${path}`);
      }
      console.error('文件有错误，未导入任何数据');
      return 3;
    }
    if (values['dry-run']) {
      console.log('--dry-run：仅预检，未写入');
      return 0;
    }
    const bars = new MultiBar(
      { format: '{stage} [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
      Presets.shades_classic,
    );
    const stages = new Map<ImportStage, ReturnType<MultiBar['create']>>();
    const result = await runImport(ctx, {
      scope,
      importer: { kind: 'CLI', osUser: osUser() },
      fileName,
      content,
      ip: null,
      onProgress: (stage, done, total) => {
        let bar = stages.get(stage);
        if (!bar) {
          bar = bars.create(total, 0, { stage });
          stages.set(stage, bar);
        }
        bar.setTotal(total);
        bar.update(done, { stage });
      },
    }).finally(() => bars.stop());
    console.log(`导入完成：新增 ${result.created} 个，更新 ${result.updated} 个，不变 ${result.unchanged} 个`);
    if (result.checkCodeSheet) {
      const path = join(dirname(file), result.checkCodeSheet.fileName);
      await writeFile(path, result.checkCodeSheet.body, { mode: 0o600 });
      console.log(`校验码发放表已保存：${path}`);
      console.log('其中的校验码只发放这一次，请妥善保管并分发给各网站的填报单位，分发后删除该文件。');
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 3;
    }
    throw error;
  } finally {
    await database.close();
  }
}
