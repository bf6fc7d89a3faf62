// Benchmark helpers: timing, percentiles, a results table, a logged-in HTTP client, throwaway databases, a server in
// a child process, a keep-alive load generator, the SQL an endpoint runs, and peak memory while something runs.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  CompiledQuery,
  createQueryId,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

export interface Row {
  db: string;
  name: string;
  ours: string;
  limit: string;
  ratio: string;
  note?: string;
}

export const rows: Row[] = [];

export function record(db: string, name: string, ours: number, limit: number, unit: string, note?: string): void {
  push({
    db,
    name,
    ours: `${fmt(ours)} ${unit}`,
    limit: limit > 0 ? `${fmt(limit)} ${unit}` : '—',
    ratio: limit > 0 ? `${(ours / limit).toFixed(2)}×` : '—',
    note,
  });
}

export function recordText(db: string, name: string, ours: string, limit = '—', ratio = '—', note?: string): void {
  push({ db, name, ours, limit, ratio, note });
}

/** Kept for the table at the end, and printed at once: a run that dies half-way still leaves its figures. */
function push(row: (typeof rows)[number]): void {
  rows.push(row);
  console.error(`[bench] ${row.db} | ${row.name} | ${row.ours} | ${row.limit} | ${row.ratio}`);
}

/** A figure with 3 significant-ish digits, as the table shows them. */
export function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function sample(n: number, fn: () => Promise<unknown>, warmup = 10): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function printTable(): void {
  const headers = ['数据库', '项目', '本系统', '同次测得的上限', '比值', '说明'];
  const data = rows.map((r) => [r.db, r.name, r.ours, r.limit, r.ratio, r.note ?? '']);
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = headers.map((h, i) => Math.max(width(h), ...data.map((d) => width(d[i] ?? ''))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const d of data) console.log(line(d));
}

/** Minimal cookie-keeping client over fetch for a listening server. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET') {
      headers['x-csrf-token'] = this.csrf;
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k && v !== undefined) this.cookies.set(k.trim(), v);
    }
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** The session cookie and CSRF header, for load generators that send their own requests. */
  authHeaders(): Record<string, string> {
    return {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': this.csrf,
    };
  }

  async login(username: string, password: string): Promise<void> {
    this.csrf = (await this.json<{ csrfToken: string }>('GET', '/api/session')).csrfToken;
    this.csrf = (await this.json<{ csrfToken: string }>('POST', '/api/auth/login', { username, password })).csrfToken;
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts a throwaway PostgreSQL like CI does; returns its DATABASE_URL and a stop function. */
/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux); with `reaped`, also that of its children
 * that have ended (PostgreSQL backends that closed). 0 when it cannot be read.
 */
function processCpuMs(pid: number, reaped = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    const children = reaped ? Number(fields[13]) + Number(fields[14]) : 0;
    return ((own + children) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/**
 * CPU time (ms) used so far by a server process and, for a throwaway PostgreSQL (`scripts/pg-throwaway.sh`, found by
 * the port of `databaseUrl`), by its postmaster and every backend. Unlike wall time it does not grow when other
 * people's work takes the machine's cores: read it before and after a measurement for the work one request costs.
 */
export function cpuMs(serverPid: number, databaseUrl?: string): number {
  let total = processCpuMs(serverPid);
  const port = databaseUrl ? new URL(databaseUrl).port : '';
  if (!port) return total;
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(`/tmp/govsite-pg-${port}/data/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return total;
  }
  total += processCpuMs(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === postmaster) total += processCpuMs(Number(entry));
    } catch {
      // the backend ended meanwhile
    }
  }
  return total;
}

export function startPostgres(port: number): { url: string; stop(): void } {
  const out = execFileSync('bash', ['scripts/pg-throwaway.sh', 'start', String(port)], { encoding: 'utf8' });
  const url = out
    .trim()
    .split('\n')
    .pop()!
    .replace(/^DATABASE_URL=/, '');
  return { url, stop: () => execFileSync('bash', ['scripts/pg-throwaway.sh', 'stop', String(port)]) };
}

/** Ratio text for targets given as a share of the limit, e.g. "throughput ≥ 50 % of the bare route". */
export function share(ours: number, limit: number): string {
  return limit > 0 ? `${((ours / limit) * 100).toFixed(1)} %` : '—';
}

/**
 * Records every query a Kysely instance executes (subqueries are compiled into their parent, not recorded). Queries
 * derived from one builder (a page and its count from the same `base`) share a query id, so each id keeps a queue.
 */
export class QueryCapture implements KyselyPlugin {
  private readonly seen = new Map<QueryId, RootOperationNode[]>();
  readonly executed: RootOperationNode[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const nodes = this.seen.get(args.queryId);
    if (nodes) nodes.push(args.node);
    else this.seen.set(args.queryId, [args.node]);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const node = this.seen.get(args.queryId)?.shift();
    if (node) this.executed.push(node);
    return args.result;
  }

  /** The executed statements as the database received them (SQL text and parameters). */
  compiled<DB>(db: Kysely<DB>): CompiledQuery[] {
    return this.executed.map((node) => db.getExecutor().compileQuery(node, createQueryId()));
  }
}

/**
 * The statements `run` executes on the handle it is given, captured from the use case itself: built ones through a
 * QueryCapture plugin, and the compiled ones it reuses (src/server/statement-cache.ts) as they are handed to
 * executeQuery().
 */
export async function captureStatements<DB>(
  db: Kysely<DB>,
  run: (db: Kysely<DB>) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const capture = new QueryCapture();
  const precompiled: CompiledQuery[] = [];
  const withCapture = db.withPlugin(capture);
  const recording = new Proxy(withCapture, {
    get(target, property) {
      if (property === 'executeQuery') {
        return (q: CompiledQuery) => {
          precompiled.push(CompiledQuery.raw(q.sql, [...q.parameters]));
          return target.executeQuery(q);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  await run(recording);
  return [...capture.compiled(db), ...precompiled];
}

export interface LoadResult {
  count: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latencies: number[];
}

export interface LoadOptions {
  base: string;
  connections: number;
  /** Stop after this long … */
  durationMs?: number;
  /** … or after this many requests. */
  requests?: number;
  method?: 'GET' | 'POST';
  path: (i: number) => string;
  headers?: Record<string, string>;
  body?: (i: number) => string;
}

/** Keep-alive HTTP load from `connections` concurrent clients, each sending its next request when the last returns. */
export async function loadTest(o: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const url = new URL(o.base);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  const more = () => (o.requests !== undefined ? next < o.requests : performance.now() - t0 < (o.durationMs ?? 5000));
  const one = (i: number) =>
    new Promise<number>((resolve) => {
      const body = o.body?.(i);
      const headers: Record<string, string> = { ...o.headers };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, path: o.path(i), method: o.method ?? 'GET', headers },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  const client = async () => {
    while (more()) {
      const i = next++;
      const start = performance.now();
      const status = await one(i);
      latencies.push(performance.now() - start);
      if (status < 200 || status >= 300) errors++;
    }
  };
  await Promise.all(Array.from({ length: o.connections }, client));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { count: latencies.length, errors, seconds, perSecond: latencies.length / seconds, latencies };
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a process (`node <args>`) that listens on `port` and waits until `healthPath` answers 200. */
export async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  healthPath = '/api/health',
): Promise<ChildServer> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = performance.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url + healthPath)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server ${args.join(' ')} did not become healthy`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

let gcFunction: (() => void) | undefined;
/** A full garbage collection (exposed at run time, so `npm run bench` needs no node flag). */
export function collectGarbage(): void {
  // `npm run bench` starts node with --expose-gc; setting the flag at run time is the fallback for other entries.
  gcFunction ??= (globalThis as { gc?: () => void }).gc;
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
}

export interface PeakMemory {
  ms: number;
  /** Peak minus start, in MB. */
  rssMb: number;
  heapMb: number;
}

/**
 * Runs `fn` while sampling this process's memory every few milliseconds; reports the peak above the start. With
 * `liveHeap`, a full collection precedes each heap sample (every 50 ms), so the peak is of live objects rather than of
 * garbage not yet collected — the figure that shows whether memory grows with the work (slower: time it apart).
 */
export async function withPeakMemory(
  fn: () => Promise<unknown>,
  options: { liveHeap?: boolean } = {},
): Promise<PeakMemory> {
  collectGarbage();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(
    () => {
      if (options.liveHeap) collectGarbage();
      const m = process.memoryUsage();
      rss = Math.max(rss, m.rss);
      heap = Math.max(heap, m.heapUsed);
    },
    options.liveHeap ? 50 : 5,
  );
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  const end = process.memoryUsage();
  rss = Math.max(rss, end.rss);
  if (!options.liveHeap) heap = Math.max(heap, end.heapUsed);
  const mb = (b: number) => b / 1024 / 1024;
  return { ms: performance.now() - t0, rssMb: mb(rss - start.rss), heapMb: mb(heap - start.heapUsed) };
}
