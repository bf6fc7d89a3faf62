// `govsite migrate` and `govsite seed --demo`.
import type { AppConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { isDatabaseEmpty } from '../seed/demo.ts';
import { demoSiteLogin, seedDemoWithSites } from '../seed/demo-sites.ts';
import { loadKeys } from '../server/secrets.ts';

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
    const keys = await loadKeys(database.db, config.secret);
    console.log(await seedDemoWithSites(database.db, { keys, config, dbKind: database.kind }, new Date()));
    const login = await demoSiteLogin(database.db, keys);
    if (login) console.log(`演示填报单位：网站标识码 ${login.siteCode}  校验码 ${login.checkCode}（${login.name}）`);
    return 0;
  } finally {
    await database.close();
  }
}
