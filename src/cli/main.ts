// `govsite` CLI: serve | migrate | seed --demo | import-orgs FILE. Exits non-zero with a message on failure.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { importOrgsCommand } from './import-orgs.ts';
import { migrateCommand, seedCommand } from './migrate-seed.ts';
import { serveCommand } from './serve.ts';

const USAGE = `用法: govsite <命令> [选项]

命令:
  serve                 启动系统（Web 界面与 API）
  migrate               执行数据库迁移
  seed --demo           写入演示数据（全国组织单位树与演示账号）
  import-orgs <文件>    从 xlsx 或 csv 导入/更新组织单位

环境变量见 README.md（DATABASE_URL、GOVSITE_DATA_DIR、PORT 等）。`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serveCommand(config);
    case 'migrate':
      return migrateCommand(config);
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      return seedCommand(config, { demo: values.demo ?? false });
    }
    case 'import-orgs': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true });
      if (!positionals[0]) {
        console.error('请指定要导入的文件：govsite import-orgs <文件.xlsx|文件.csv>');
        return 2;
      }
      return importOrgsCommand(config, positionals[0]);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`未知命令：${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
