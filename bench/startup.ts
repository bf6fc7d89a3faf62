// Start-up benchmarks (issue 18): the compiled server's time to healthy on an existing database against a process that
// only opens the same database and runs SELECT 1 (compiled the same way), the same server run from the TypeScript
// sources through tsx (how `npm start` ran before), the idle server's resident memory, and `govsite --help` against
// `node -e 0`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { scriptBuildOptions } from '../scripts/build.mjs';
import type { Target } from './foundation.ts';
import { percentile, record } from './lib.ts';

// Run as `govsite serve` runs: one CommonJS script through bin/code-cache.js.
const BARE_OPEN = '.tmp/bench/bare-open.mjs';
const COMPILED = ['bin/govsite.js', 'serve'];
const FROM_SOURCES = ['--import', 'tsx', 'src/cli/main.ts', 'serve'];

/** Compiles the server (dist/server) and the bare open + SELECT 1 process with the same esbuild options (the same
 * packages bundled) and runs both through the same V8 code cache, so the ratio compares the work done, not the way
 * the code is loaded. */
export async function buildStartupTargets(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', 'server'], { stdio: 'inherit' });
  const { build } = await import('esbuild');
  mkdirSync('.tmp/bench', { recursive: true });
  await build({
    ...scriptBuildOptions(),
    stdin: {
      contents: `
        import { openDatabase, ping } from './src/db/database.ts';
        (async () => {
          const d = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.GOVSITE_DATA_DIR });
          await ping(d.db);
          // As govsite serve does once it is up: bin/code-cache.js stores the compiled code a second later.
          process.emit('govsite:started');
          if (process.env.GOVSITE_BENCH_WARM_UP) await new Promise((r) => setTimeout(r, 1500));
          await d.close();
        })();`,
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: '.tmp/bench/bare-open.cjs',
  });
  writeFileSync(
    BARE_OPEN,
    [
      "import { fileURLToPath } from 'node:url';",
      "import { runWithCodeCache } from '../../bin/code-cache.js';",
      "runWithCodeCache(fileURLToPath(new URL('bare-open.cjs', import.meta.url)));",
    ].join('\n'),
  );
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
}

/** Time from spawn to the first 200 of /api/health; then, after `idleMs` without requests, the resident memory. */
function startToHealthy(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  idleMs = 0,
): Promise<{ ms: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    let done = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (!res.ok || done) return;
        done = true;
        clearInterval(timer);
        const ms = performance.now() - t0;
        if (idleMs > 0) await sleep(idleMs);
        const rss = rssMb(child.pid!);
        child.kill('SIGTERM');
        child.once('exit', () => resolve({ ms, rssMb: rss }));
      } catch {
        // not up yet
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      if (!done) reject(new Error(`server ${args.join(' ')} exited with ${code} before it was healthy`));
    });
  });
}

function timed(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

export async function benchStartup(target: Target): Promise<void> {
  const env = {
    GOVSITE_DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? '',
    GOVSITE_JOBS: 'false',
    GOVSITE_LOG_LEVEL: 'warn',
  };
  const compiled: number[] = [];
  const sources: number[] = [];
  const bare: number[] = [];
  const idleCompiled: number[] = [];
  const idleSources: number[] = [];
  // Both code caches written (by a first start after the build), as on every start but the first.
  await startToHealthy(COMPILED, { ...env, PORT: '3899' }, 3899, 1500);
  await timed([BARE_OPEN], { ...env, GOVSITE_BENCH_WARM_UP: '1' });
  // Interleaved, so a burst of load on the machine hits each kind alike.
  for (let i = 0; i < 5; i++) {
    const port = 3900 + i;
    const a = await startToHealthy(COMPILED, { ...env, PORT: String(port) }, port, 2000);
    compiled.push(a.ms);
    idleCompiled.push(a.rssMb);
    bare.push(await timed([BARE_OPEN], env));
    const b = await startToHealthy(FROM_SOURCES, { ...env, PORT: String(port) }, port, 2000);
    sources.push(b.ms);
    idleSources.push(b.rssMb);
  }
  const bareMs = percentile(bare, 50);
  const note = '上限：仅打开同一数据库并 SELECT 1 的进程（同样编译）';
  record(target.label, '启动到健康（编译后，已有数据目录，中位数/5 次）', percentile(compiled, 50), bareMs, 'ms', note);
  record(target.label, '启动到健康（tsx 运行源码，改前方式）', percentile(sources, 50), bareMs, 'ms', note);
  record(
    target.label,
    '空闲服务进程内存 RSS（启动后 2 秒）',
    percentile(idleCompiled, 50),
    percentile(idleSources, 50),
    'MB',
    '对照：tsx 运行源码（改前方式）',
  );
}

/** `govsite --help` (compiled, loads no server code) against an empty Node process; median of 10 each. */
export async function benchCliHelp(): Promise<void> {
  const help: number[] = [];
  const empty: number[] = [];
  const sources: number[] = [];
  for (let i = 0; i < 10; i++) {
    help.push(await timed(['bin/govsite.js', '--help']));
    empty.push(await timed(['-e', '0']));
    sources.push(await timed(['--import', 'tsx', 'src/cli/main.ts', '--help']));
  }
  const emptyMs = percentile(empty, 50);
  record('—', 'govsite --help（编译后，中位数/10 次）', percentile(help, 50), emptyMs, 'ms', '上限：node -e 0');
  record('—', 'govsite --help（tsx 运行源码）', percentile(sources, 50), emptyMs, 'ms', '上限：node -e 0');
}
