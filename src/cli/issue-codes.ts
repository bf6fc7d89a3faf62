// `govsite issue-codes [--dry-run]`: runs the 网站标识码 batch once from the command line (same lock and ledger as
// the scheduler). Exit 0 when done or skipped (another run holds the lock), 1 when it failed or some application erred.
import type { AppConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { formatDateMinuteCN } from '../domain/dates.ts';
import { systemClock } from '../server/clock.ts';
import { issueCodes } from '../server/modules/issuance/issue-codes.ts';
import { loadKeys } from '../server/secrets.ts';

export async function issueCodesCommand(config: AppConfig, options: { dryRun: boolean }): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const keys = await loadKeys(database.db, config.secret);
    const ctx = { db: database.db, dbKind: database.kind, clock: systemClock, keys, config };
    const result = await issueCodes(ctx, { trigger: 'CLI', dryRun: options.dryRun });
    const cutoff = `截止时间 ${formatDateMinuteCN(result.cutoff)}（北京时间）之前办结的申请`;
    if (result.status === 'SKIPPED') {
      console.log(`未执行：${result.message ?? ''}（记录编号 ${result.runId}）`);
      return 0;
    }
    if (result.dryRun) {
      console.log(`预览（未写入）：${cutoff}共 ${result.codes.length + result.errors.length} 个`);
      for (const item of result.preview?.items ?? []) {
        console.log(`  ${item.siteCode ?? '（无法生成）'}  ${item.name}  ${item.error ?? ''}`.trimEnd());
      }
    } else {
      const state = result.status === 'DONE' ? '完成' : '失败';
      console.log(
        `生成${state}：${cutoff}，已生成 ${result.issued} 个，跳过 ${result.skipped} 个（记录编号 ${result.runId}）`,
      );
      for (const code of result.codes) console.log(`  ${code}`);
      if (result.message) console.error(result.message);
    }
    for (const e of result.errors) console.error(`  错误：申请 ${e.requestId ?? '-'} ${e.name ?? ''}：${e.message}`);
    return result.status === 'FAILED' || result.errors.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
