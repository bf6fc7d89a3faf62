// `govsite` CLI. Each command is imported when it runs, so `govsite --help` loads neither the server nor a database
// driver. Add a command with one entry in COMMANDS. Exits non-zero with a message on failure.
import { parseArgs } from 'node:util';
import { type AppConfig, loadConfig } from '../config.ts';

interface Command {
  /** Usage lines: the command with its arguments, and what it does. */
  usage: ReadonlyArray<readonly [string, string]>;
  run(args: string[], config: AppConfig): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    usage: [['serve', '启动系统（Web 界面与 API）']],
    run: async (_args, config) => (await import('./serve.ts')).serveCommand(config),
  },
  migrate: {
    usage: [['migrate', '执行数据库迁移']],
    run: async (_args, config) => (await import('./migrate-seed.ts')).migrateCommand(config),
  },
  seed: {
    usage: [
      ['seed --demo', '写入演示数据（全国组织单位树与演示账号）'],
      ['seed --scale [N]', '生成全国规模的网站数据（默认 100000 个网站，含申请与审核流水），用于基准测试'],
    ],
    run: async (args, config) => {
      if (args.some((a) => a === '--scale' || a.startsWith('--scale='))) {
        const { parseSeedScaleArgs, seedScaleCommand } = await import('./seed-scale.ts');
        const parsed = parseSeedScaleArgs(args);
        if (typeof parsed === 'string') {
          console.error(parsed);
          return 2;
        }
        return seedScaleCommand(config, parsed);
      }
      const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
      return (await import('./migrate-seed.ts')).seedCommand(config, { demo: values.demo ?? false });
    },
  },
  'create-admin': {
    usage: [
      ['create-admin <用户名>', '创建国务院办公厅（bm0100）的管理员账号：密码在提示时输入（不回显）'],
      ['  [--name 姓名] [--password-stdin]', '--password-stdin 从标准输入读取密码，供脚本使用'],
    ],
    run: async (args, config) => (await import('./create-admin.ts')).createAdminCommand(config, args),
  },
  'import-orgs': {
    usage: [['import-orgs <文件>', '从 xlsx 或 csv 导入/更新组织单位']],
    run: async (args, config) => {
      const { positionals } = parseArgs({ args, allowPositionals: true });
      if (!positionals[0]) {
        console.error('请指定要导入的文件：govsite import-orgs <文件.xlsx|文件.csv>');
        return 2;
      }
      return (await import('./import-orgs.ts')).importOrgsCommand(config, positionals[0]);
    },
  },
  'import-sites': {
    usage: [['import-sites <文件> [--dry-run]', '从 xlsx 或 csv 导入已有网站标识码的网站（--dry-run 只预检）']],
    run: async (args, config) => (await import('./import-sites.ts')).importSitesCommand(config, args),
  },
  audit: {
    usage: [['audit verify', '封存并校验审核流水哈希链，发现篡改时以 1 退出']],
    run: async (args, config) => (await import('./audit.ts')).auditCommand(config, args[0]),
  },
  backup: {
    usage: [['backup <文件>', '备份全部数据（PGlite 与 PostgreSQL 通用格式）']],
    run: async (args, config) => (await import('./backup.ts')).backupCommand(config, 'backup', args[0]),
  },
  restore: {
    usage: [['restore <文件>', '恢复到一个只执行过 migrate 的空数据库']],
    run: async (args, config) => (await import('./backup.ts')).backupCommand(config, 'restore', args[0]),
  },
  'issue-codes': {
    usage: [['issue-codes [--dry-run]', '立即运行一次网站标识码生成（--dry-run 只预览，不写入）']],
    run: async (args, config) => {
      const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } } });
      return (await import('./issue-codes.ts')).issueCodesCommand(config, { dryRun: values['dry-run'] ?? false });
    },
  },
};

/** Terminal columns of a string: CJK characters take two. */
const width = (s: string) => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
const COLUMN = 36;

function usage(): string {
  const lines = Object.values(COMMANDS).flatMap((c) =>
    c.usage.map(([left, text]) => `  ${left}${' '.repeat(Math.max(1, COLUMN - width(left)))}${text}`),
  );
  return `用法: govsite <命令> [选项]\n\n命令:\n${lines.join('\n')}\n\n环境变量见 README.md（DATABASE_URL、GOVSITE_DATA_DIR、PORT 等）。`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`未知命令：${name}\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, loadConfig());
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: the command keeps running (serve) and exits on its own.
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
