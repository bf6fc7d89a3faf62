// `govsite audit verify`: seals pending entries, then checks the whole hash chain; exits 1 when it is broken.
import type { AppConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { sealAuditLog, verifyAuditLog } from '../server/modules/audit/chain.ts';

export async function auditCommand(config: AppConfig, sub: string | undefined): Promise<number> {
  if (sub !== 'verify') {
    console.error('用法：govsite audit verify');
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const sealed = await sealAuditLog(database.db);
    const result = await verifyAuditLog(database.db);
    console.log(`新封存 ${sealed} 条；已校验 ${result.checked} 条审核流水，未封存 ${result.unsealed} 条`);
    if (result.ok) {
      console.log('审核流水完整，未发现篡改');
      return 0;
    }
    console.log('发现问题：');
    for (const p of result.problems) console.log(`  ${p}`);
    return 1;
  } finally {
    await database.close();
  }
}
