// Processes of the stress tests: the real server (`govsite serve`) as a child process that can be SIGKILLed, and a
// dedicated throwaway PostgreSQL (created by scripts/pg-throwaway.sh) that can be stopped and started under load.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Polls `check` until it returns a value (not undefined), up to `limitMs`; a generous limit, not a measurement. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(100);
  }
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed (banner and JSON log). */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `node bin/govsite.js serve` on a free port with `env`; resolves once it prints its URL. */
export async function startServerProcess(env: Record<string, string>, logFile: string): Promise<ServerProcess> {
  const fd = openSync(logFile, 'w');
  // The compiled server when dist/ is up to date with the sources (CI builds first), else the sources through tsx:
  // a stale build left by an earlier `npm run build` would run old code against new migrations.
  const { serverStale } = (await import(join(REPO_ROOT, 'scripts/build.mjs'))) as { serverStale: () => boolean };
  const entry = serverStale()
    ? ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts')]
    : [join(REPO_ROOT, 'bin/govsite.js')];
  const child = spawn(process.execPath, [...entry, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      GOVSITE_SEED_DEMO: 'false',
      GOVSITE_JOBS: 'false',
      GOVSITE_WEB_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const output = () => readFileSync(logFile, 'utf8');
  const url = await waitFor('the server to start', async () => {
    if (child.exitCode !== null) throw new Error(`server exited: ${output().slice(-2000)}`);
    return /已启动：(http:\/\/[^\s]+)/.exec(output())?.[1];
  });
  return {
    child,
    url,
    output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  const latest = versions.at(-1);
  if (!latest) throw new Error('PostgreSQL binaries not found (apt-get install -y postgresql)');
  return join(root, latest, 'bin');
}

function asPostgres(cmd: string, args: string[]): string {
  const isRoot = process.getuid?.() === 0;
  return execFileSync(isRoot ? 'runuser' : cmd, isRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * A dedicated PostgreSQL for one test file, made by scripts/pg-throwaway.sh and then restarted with durable settings
 * (fsync and synchronous_commit on), so that a crash may lose nothing that was acknowledged.
 */
export class ThrowawayPostgres {
  readonly dataDir: string;
  readonly url: string;

  constructor(readonly port: number) {
    const out = execFileSync(join(REPO_ROOT, 'scripts/pg-throwaway.sh'), ['start', String(port)], { encoding: 'utf8' });
    const m = /DATABASE_URL=(\S+)/.exec(out);
    if (!m) throw new Error(`pg-throwaway.sh printed no URL: ${out}`);
    this.url = m[1]!;
    this.dataDir = `/tmp/govsite-pg-${port}/data`;
    this.stop('fast');
    this.start();
  }

  /** `fast`: a clean shutdown; `immediate`: a crash (recovery from the WAL at the next start). */
  stop(mode: 'fast' | 'immediate'): void {
    asPostgres(join(pgBin(), 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  start(): void {
    const state = `/tmp/govsite-pg-${this.port}`;
    asPostgres(join(pgBin(), 'pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      `${state}/server.log`,
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${state} -c fsync=on -c synchronous_commit=on -c max_connections=200`,
      'start',
    ]);
  }

  destroy(): void {
    execFileSync(join(REPO_ROOT, 'scripts/pg-throwaway.sh'), ['stop', String(this.port)]);
  }
}
