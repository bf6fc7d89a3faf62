// `govsite migrate` and `govsite seed --demo`.
import type { AppConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo.ts';

export async function migrateCommand(config: AppConfig): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await migrateToLatest(database.db);
    const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    console.log(applied.length ? `已执行迁移：${applied.join('，')}` : '数据库已是最新结构');
    return 0;
  } finally {
    await database.close();
  }
}

export async function seedCommand(config: AppConfig, options: { demo: boolean }): Promise<number> {
  if (!options.demo) {
    console.error('请指定要写入的数据：govsite seed --demo');
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    if (!(await isDatabaseEmpty(database.db))) {
      console.error('数据库中已有组织单位，未写入演示数据（演示数据只能写入空数据库）');
      return 1;
    }
    console.log(await seedDemo(database.db));
    return 0;
  } finally {
    await database.close();
  }
}
