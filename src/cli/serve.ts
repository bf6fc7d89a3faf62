// `govsite serve`: starts the system, prints the URL and the demo accounts, and shuts down gracefully on signals.
import type { AppConfig } from '../config.ts';
import { DEMO_PASSWORD, demoAccountsStillInitial } from '../seed/demo.ts';
import { demoSiteLogin } from '../seed/demo-sites.ts';
import { loadKeys } from '../server/secrets.ts';
import { startServer } from '../start.ts';

export async function serveCommand(config: AppConfig): Promise<number> {
  const server = await startServer(config, { onSeeded: (summary) => console.log(summary), demoSites: true });
  const demo = await demoAccountsStillInitial(server.database.db);
  const siteLogin = await demoSiteLogin(server.database.db, await loadKeys(server.database.db, config.secret));
  const lines = [
    '',
    `政府网站信息报送系统已启动：${server.url}`,
    `数据库：${server.database.kind === 'pglite' ? `嵌入式 PostgreSQL（${config.dataDir}）` : 'PostgreSQL（DATABASE_URL）'}`,
    `接口文档：${server.url}/api/docs`,
  ];
  if (demo.length > 0) {
    lines.push('', `演示账号（初始密码均为 ${DEMO_PASSWORD}，首次登录须修改）：`);
    for (const a of demo) lines.push(`  ${a.username.padEnd(12)} ${a.description}`);
  }
  if (siteLogin) {
    lines.push(
      '',
      `演示填报单位（${siteLogin.name}；在首页登录框的「填报单位」页签登录，校验码首次登录后不再显示）：`,
      `  网站标识码 ${siteLogin.siteCode}  校验码 ${siteLogin.checkCode}`,
    );
  }
  const anyAccount = await server.database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!anyAccount) {
    // A PostgreSQL deployment starts without demo accounts (GOVSITE_SEED_DEMO defaults to false there).
    lines.push(
      '',
      '尚无任何账号：先运行 govsite create-admin <用户名> 创建根单位（国务院办公厅）及其管理员，',
      '再运行 govsite import-orgs <组织单位文件> 导入挂接关系，然后用该账号登录开设各单位账号。',
    );
  }
  console.log(`${lines.join('\n')}\n`);
  // bin/code-cache.js stores the bytecode compiled so far for the next start.
  (process as NodeJS.EventEmitter).emit('govsite:started');

  const shutdown = (signal: string) => {
    console.log(`收到 ${signal}，正在停止…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return -1;
}
