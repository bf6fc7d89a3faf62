// `govsite` CLI: serve | migrate | seed --demo|--scale [N] | import-orgs FILE | issue-codes [--dry-run]. Exits non-zero with a message on failure.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { auditCommand } from './audit.ts';
import { backupCommand } from './backup.ts';
import { importOrgsCommand } from './import-orgs.ts';
import { importSitesCommand } from './import-sites.ts';
import { issueCodesCommand } from './issue-codes.ts';
import { migrateCommand, seedCommand } from './migrate-seed.ts';
import { parseSeedScaleArgs, seedScaleCommand } from './seed-scale.ts';
import { serveCommand } from './serve.ts';

const USAGE = `用法: govsite <命令> [选项]

命令:
  serve                 启动系统（Web 界面与 API）
  migrate               执行数据库迁移
  seed --demo           写入演示数据（全国组织单位树与演示账号）
  seed --scale [N]      生成全国规模的网站数据（默认 100000 个网站，含申请与审核流水），用于基准测试
  import-orgs <文件>    从 xlsx 或 csv 导入/更新组织单位
  import-sites <文件> [--dry-run]  从 xlsx 或 csv 导入已有网站标识码的网站（--dry-run 只预检）
  audit verify          封存并校验审核流水哈希链，发现篡改时以 1 退出
  backup <文件>         备份全部数据（PGlite 与 PostgreSQL 通用格式）
  restore <文件>        恢复到一个只执行过 migrate 的空数据库
  issue-codes [--dry-run]  立即运行一次网站标识码生成（--dry-run 只预览，不写入）

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
      if (rest.some((a) => a === '--scale' || a.startsWith('--scale='))) {
        const args = parseSeedScaleArgs(rest);
        if (typeof args === 'string') {
          console.error(args);
          return 2;
        }
        return seedScaleCommand(config, args);
      }
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
    case 'import-sites':
      return importSitesCommand(config, rest);
    case 'issue-codes': {
      const { values } = parseArgs({ args: rest, options: { 'dry-run': { type: 'boolean', default: false } } });
      return issueCodesCommand(config, { dryRun: values['dry-run'] ?? false });
    }
    case undefined:
    case 'backup':
    case 'restore':
      return backupCommand(config, command === 'backup' ? 'backup' : 'restore', rest[0]);
    case 'audit':
      return auditCommand(config, rest[0]);
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
