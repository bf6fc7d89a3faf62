// An app over a private test database, driven through app.inject(), with a cookie-keeping client per user.
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { type AppConfig, loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { ManualClock } from '../../src/server/clock.ts';
import type { AppContext } from '../../src/server/context.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  testDb: TestDatabase;
  /** A new client with its own cookie jar (one browser). */
  client(options?: { ip?: string }): TestClient;
  /** A client logged in as a demo account whose initial password change is already done. */
  loginAs(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

export const DEFAULT_NOW = '2026-11-02T02:00:00.000Z'; // a Monday, 10:00 in Asia/Shanghai

export async function createTestApp(options: { now?: string; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const clock = new ManualClock(options.now ?? DEFAULT_NOW);
  const config = {
    ...loadConfig({}),
    dataDir: testDb.dataDir,
    databaseUrl: testDb.databaseUrl,
    webDir: '/nonexistent',
    ...options.config,
  };
  const keys = await loadKeys(testDb.database.db, 'test-secret');
  const ctx: AppContext = { db: testDb.database.db, dbKind: testDb.database.kind, clock, keys, config };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const t: TestApp = {
    app,
    ctx,
    clock,
    testDb,
    client: (o) => new TestClient(app, o?.ip),
    loginAs: async (username) => {
      await ctx.db.updateTable('users').set({ must_change_password: false }).where('username', '=', username).execute();
      const c = new TestClient(app);
      const res = await c.post('/api/auth/login', { username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return c;
    },
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
  return t;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies and assert on them
export interface Res<T = any> {
  status: number;
  body: T;
  headers: OutgoingHttpHeaders;
  raw: Buffer;
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '127.0.0.1',
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    payload?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Res> {
    const unsafe = method !== 'GET';
    if (unsafe && options.csrf !== false && this.csrfToken === null) await this.refreshSession();
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (unsafe && options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({ method, url, payload: payload as never, headers, remoteAddress: this.ip });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let body: unknown = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('application/json')) body = res.json();
    if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string')
      this.csrfToken = body.csrfToken;
    return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
  }

  async refreshSession(): Promise<Res> {
    return this.request('GET', '/api/session');
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, payload?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }) {
    return this.request('POST', url, payload ?? {}, options);
  }
}
