// `govsite create-admin <用户名> [--name 姓名] [--password-stdin]`: the first ADMIN account of 国务院办公厅 (bm0100).
// The password is typed twice at a hidden prompt on a terminal, or read from standard input with --password-stdin
// (for scripts: `printf '%s' "$PW" | govsite create-admin admin --password-stdin`); never from the command line,
// where other users of the machine would see it in the process list.
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { AppError } from '../server/errors.ts';
import { createRootAdmin, ROOT_ORG_CODE } from '../server/modules/accounts/root-admin.ts';
import { createAccountBody } from '../server/modules/accounts/schema.ts';
import { newPasswordProblems } from '../server/password-strength.ts';

const USAGE = '用法：govsite create-admin <用户名> [--name 姓名] [--password-stdin]';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  // One trailing line break comes from `echo` or a file; anything else belongs to the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('已取消，未创建账号'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(fromStdin: boolean): Promise<string | null> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) {
    console.error('标准输入不是终端，无法提示输入密码：请使用 --password-stdin 从标准输入传入密码');
    return null;
  }
  const first = await promptHidden('请输入新管理员的密码：');
  const second = await promptHidden('请再次输入密码：');
  if (first !== second) {
    console.error('两次输入的密码不一致，未创建账号');
    return null;
  }
  return first;
}

export async function createAdminCommand(config: AppConfig, args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(`请指定一个用户名\n${USAGE}`);
    return 2;
  }
  const username = createAccountBody.shape.username.safeParse(positionals[0]);
  if (!username.success) {
    console.error(username.error.issues.map((i) => i.message).join('；'));
    return 2;
  }
  const displayName = createAccountBody.shape.displayName.safeParse(values.name ?? '系统管理员');
  if (!displayName.success) {
    console.error(`姓名：${displayName.error.issues.map((i) => i.message).join('；')}`);
    return 2;
  }

  const password = await readPassword(values['password-stdin'] ?? false);
  if (password === null) return 1;
  const problems = await newPasswordProblems(password, username.data);
  if (problems.length > 0) {
    console.error(`密码不符合要求，未创建账号：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const result = await createRootAdmin(
      database.db,
      { username: username.data, displayName: displayName.data, password },
      new Date(),
    );
    if (result.createdRootUnit) console.log(`数据库中没有根组织单位，已创建：国务院办公厅（${ROOT_ORG_CODE}）`);
    console.log(`已创建管理员账号 ${username.data}（国务院办公厅 ${ROOT_ORG_CODE}，管理员），可用所设密码登录`);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
  });
}
