// A browser over real HTTP for tests that run the real server: a cookie jar, the session's CSRF token, JSON bodies.

export interface HttpResult {
  status: number;
  /** A JSON object answer; `{}` for anything else (see `raw`). */
  body: Record<string, unknown>;
  raw: Buffer | string;
  headers: Headers;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  /** `base` may be a list: requests then alternate between the servers (instances behind a load balancer). */
  constructor(private readonly bases: string | readonly string[]) {}
  private turn = 0;

  private nextBase(): string {
    if (typeof this.bases === 'string') return this.bases;
    const base = this.bases[this.turn % this.bases.length]!;
    this.turn++;
    return base;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> {
    if (method !== 'GET' && this.csrf === '') await this.request('GET', '/api/session');
    const res = await fetch(`${this.nextBase()}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value.join('='));
    }
    const type = res.headers.get('content-type') ?? '';
    const raw = type.includes('json') ? await res.text() : Buffer.from(await res.arrayBuffer());
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : null;
    const json: Record<string, unknown> =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? { ...parsed } : {};
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, body: json, raw, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body: unknown = {}, headers: Record<string, string> = {}) {
    return this.request('POST', path, body, headers);
  }
}
