// Benchmark helpers: timing, percentiles, a results table, a logged-in HTTP client, throwaway databases.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

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
  rows.push({
    db,
    name,
    ours: `${fmt(ours)} ${unit}`,
    limit: limit > 0 ? `${fmt(limit)} ${unit}` : '—',
    ratio: limit > 0 ? `${(ours / limit).toFixed(2)}×` : '—',
    note,
  });
}

export function recordText(db: string, name: string, ours: string, limit = '—', ratio = '—', note?: string): void {
  rows.push({ db, name, ours, limit, ratio, note });
}

function fmt(n: number): string {
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

  async login(username: string, password: string): Promise<void> {
    this.csrf = (await this.json<{ csrfToken: string }>('GET', '/api/session')).csrfToken;
    this.csrf = (await this.json<{ csrfToken: string }>('POST', '/api/auth/login', { username, password })).csrfToken;
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts a throwaway PostgreSQL like CI does; returns its DATABASE_URL and a stop function. */
export function startPostgres(port: number): { url: string; stop(): void } {
  const out = execFileSync('bash', ['scripts/pg-throwaway.sh', 'start', String(port)], { encoding: 'utf8' });
  const url = out
    .trim()
    .split('\n')
    .pop()!
    .replace(/^DATABASE_URL=/, '');
  return { url, stop: () => execFileSync('bash', ['scripts/pg-throwaway.sh', 'stop', String(port)]) };
}
