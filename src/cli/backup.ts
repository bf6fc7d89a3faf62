// `govsite backup FILE` and `govsite restore FILE` (restore into a freshly migrated, empty database).
import type { AppConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { backupDatabase, restoreDatabase } from '../server/modules/backup/backup.ts';

export async function backupCommand(
  config: AppConfig,
  action: 'backup' | 'restore',
  file: string | undefined,
): Promise<number> {
  if (!file) {
    console.error(`用法：govsite ${action} <文件.jsonl.gz>`);
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    if (action === 'backup') {
      const rows = await backupDatabase(database.db, file, (table, n) => console.log(`  ${table}: ${n} 行`));
      console.log(`已备份 ${rows} 行到 ${file}`);
    } else {
      const rows = await restoreDatabase(database.db, file);
      console.log(`已从 ${file} 恢复 ${rows} 行`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
