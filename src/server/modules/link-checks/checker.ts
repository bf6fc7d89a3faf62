// The link checker: one URL → status, redirects (followed by hand, each hop vetted against SSRF), TLS validity and
// time, under an overall and a per-host concurrency limit; robots.txt is respected for 栏目 addresses only.

import pLimit, { type LimitFunction } from 'p-limit';
import { type HopOutcome, requestHop } from './http-hop.ts';
import { IpAllowlist } from './ip-ranges.ts';
import { type LinkCheckResult, type LinkKind, linkMessages, type RedirectHop } from './messages.ts';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsFile, robotsAllows } from './robots.ts';
import { type LookupFn, systemLookup, vetHost } from './target.ts';

export type { LookupFn } from './target.ts';

export const LINK_CHECK_USER_AGENT = 'GovSiteRegistry-LinkCheck/1.0 (+政府网站信息报送系统)';
const ROBOTS_TOKEN = 'GovSiteRegistry-LinkCheck';
const MAX_ROBOTS_BYTES = 500 * 1024;
const MAX_ROBOTS_CACHE = 5000;

export interface LinkCheckerOptions {
  /** Per request (each redirect hop), in milliseconds; 15 s by default. */
  timeoutMs?: number;
  /** Requests in flight at once, overall; 8 by default. */
  concurrency?: number;
  /** Requests in flight at once to one host name; 2 by default. */
  perHostConcurrency?: number;
  /** IPs / CIDR blocks that may be reached although private, loopback, etc. Empty in production. */
  allow?: readonly string[];
  maxRedirects?: number;
  maxBodyBytes?: number;
  userAgent?: string;
  robotsTtlMs?: number;
  /** DNS resolution (all addresses); `dns.lookup` by default. Tests point names at 127.0.0.1. */
  lookup?: LookupFn;
  /** Called just before a socket is opened: lets tests prove that refused targets are never contacted. */
  onConnect?: (target: { url: string; address: string }) => void;
  /** Extra trusted CA certificates (tests only). */
  tlsCa?: string | Buffer;
}

export interface CheckOptions {
  kind: LinkKind;
  /** Keep up to maxBodyBytes of the final page (the home page's footer check). */
  readBody?: boolean;
  /** Cancels waiting and in-flight requests (the sweep's time budget); the promise then rejects. */
  signal?: AbortSignal;
}

export interface CheckedPage {
  body: Buffer;
  contentType: string;
  truncated: boolean;
}

export interface LinkCheckOutcome {
  result: LinkCheckResult;
  page: CheckedPage | null;
}

type Fetched =
  | { kind: 'response'; status: number; finalUrl: string; page: CheckedPage | null }
  | { kind: 'failed'; error: NonNullable<LinkCheckResult['error']>; message: string };

export class LinkChecker {
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly #maxBodyBytes: number;
  readonly #userAgent: string;
  readonly #allow: IpAllowlist;
  readonly #lookup: LookupFn;
  readonly #overall: LimitFunction;
  readonly #perHostConcurrency: number;
  /** One limit per host in use, dropped when its last request ends so the map does not grow without bound. */
  readonly #perHost = new Map<string, { limit: LimitFunction; users: number }>();
  readonly #robotsTtlMs: number;
  readonly #robots = new Map<string, { expires: number; file: Promise<RobotsFile | null> }>();
  readonly #options: LinkCheckerOptions;

  constructor(options: LinkCheckerOptions = {}) {
    this.#options = options;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.#maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.#userAgent = options.userAgent ?? LINK_CHECK_USER_AGENT;
    this.#allow = new IpAllowlist(options.allow ?? []);
    this.#lookup = options.lookup ?? systemLookup;
    this.#overall = pLimit(options.concurrency ?? 8);
    this.#perHostConcurrency = options.perHostConcurrency ?? 2;
    this.#robotsTtlMs = options.robotsTtlMs ?? 60 * 60_000;
  }

  async check(url: string, options: CheckOptions): Promise<LinkCheckOutcome> {
    const redirects: RedirectHop[] = [];
    const clock = { elapsedMs: 0 };
    const fetched = await this.#follow(url, {
      redirects,
      clock,
      readBody: options.readBody === true,
      maxBodyBytes: this.#maxBodyBytes,
      robots: options.kind === 'COLUMN',
      signal: options.signal,
    });
    const elapsedMs = Math.round(clock.elapsedMs);
    if (fetched.kind === 'failed') {
      const result: LinkCheckResult = {
        url,
        ok: false,
        redirects,
        elapsedMs,
        error: fetched.error,
        message: fetched.message,
      };
      return { result, page: null };
    }
    const ok = fetched.status >= 200 && fetched.status < 400;
    const result: LinkCheckResult = {
      url,
      ok,
      status: fetched.status,
      finalUrl: fetched.finalUrl,
      redirects,
      elapsedMs,
      message: ok ? linkMessages.ok(fetched.status, elapsedMs) : linkMessages.http(fetched.status),
      ...(ok ? {} : { error: 'HTTP_ERROR' as const }),
    };
    return { result, page: ok ? fetched.page : null };
  }

  async #follow(
    start: string,
    o: {
      redirects: RedirectHop[];
      clock: { elapsedMs: number };
      readBody: boolean;
      maxBodyBytes: number;
      robots: boolean;
      signal: AbortSignal | undefined;
    },
  ): Promise<Fetched> {
    let current = parseHttpUrl(start);
    if (current === null) return { kind: 'failed', error: 'REFUSED_TARGET', message: linkMessages.badUrl(start) };
    const visited = new Set<string>([withoutHash(current)]);
    for (;;) {
      if (o.robots && !(await this.#robotsAllow(current, o.signal))) {
        return { kind: 'failed', error: 'ROBOTS', message: linkMessages.robots() };
      }
      const hop = await this.#hop(current, o.readBody, o.maxBodyBytes, o.clock, o.signal);
      if (hop.kind === 'failed') return hop;
      const { outcome } = hop;
      const isRedirect = outcome.status >= 300 && outcome.status < 400 && outcome.location !== null;
      if (!isRedirect) {
        const page =
          outcome.body === null
            ? null
            : { body: outcome.body, contentType: outcome.contentType, truncated: outcome.truncated };
        return { kind: 'response', status: outcome.status, finalUrl: current.href, page };
      }
      const location = outcome.location ?? '';
      const next = parseHttpUrl(location, current);
      o.redirects.push({ status: outcome.status, location: next?.href ?? location });
      if (next === null)
        return { kind: 'failed', error: 'REFUSED_TARGET', message: linkMessages.badRedirect(location) };
      if (visited.has(withoutHash(next))) {
        return { kind: 'failed', error: 'REDIRECT_LOOP', message: linkMessages.redirectLoop() };
      }
      if (o.redirects.length > this.maxRedirects) {
        return {
          kind: 'failed',
          error: 'TOO_MANY_REDIRECTS',
          message: linkMessages.tooManyRedirects(this.maxRedirects),
        };
      }
      visited.add(withoutHash(next));
      current = next;
    }
  }

  /** One request: host and overall slots, DNS, vetting of every address, then the request to the vetted IP. */
  async #hop(
    url: URL,
    readBody: boolean,
    maxBodyBytes: number,
    clock: { elapsedMs: number },
    signal: AbortSignal | undefined,
  ): Promise<
    { kind: 'ok'; outcome: Extract<HopOutcome, { kind: 'response' }> } | Extract<Fetched, { kind: 'failed' }>
  > {
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    // Per host first, then overall (p-limit): a queued request starts only when both have a free slot. An aborted
    // run's queued requests end as soon as their turn comes (the running ones are aborted by the same signal).
    signal?.throwIfAborted();
    const perHost = this.#perHost.get(host) ?? { limit: pLimit(this.#perHostConcurrency), users: 0 };
    this.#perHost.set(host, perHost);
    perHost.users++;
    try {
      return await perHost.limit(() =>
        this.#overall(async () => {
          signal?.throwIfAborted();
          const started = performance.now();
          try {
            const target = await vetHost(host, {
              lookup: this.#lookup,
              allow: this.#allow,
              timeoutMs: this.timeoutMs,
              signal,
            });
            if (target.kind === 'failed') return target;
            this.#options.onConnect?.({ url: url.href, address: target.address });
            const outcome = await requestHop({
              url,
              address: target.address,
              timeoutMs: this.timeoutMs,
              userAgent: this.#userAgent,
              readBody,
              maxBodyBytes,
              signal,
              ca: this.#options.tlsCa,
            });
            if (outcome.kind === 'response') return { kind: 'ok', outcome };
            return { kind: 'failed', error: outcome.error, message: this.#failureMessage(outcome.error, outcome.code) };
          } finally {
            clock.elapsedMs += performance.now() - started;
          }
        }),
      );
    } finally {
      if (--perHost.users === 0) this.#perHost.delete(host);
    }
  }

  #failureMessage(error: string, code: string): string {
    if (error === 'TIMEOUT') return linkMessages.timeout(this.timeoutMs);
    if (error === 'TLS') {
      return code.startsWith('HANDSHAKE:') ? linkMessages.tlsHandshake(code.slice(10)) : linkMessages.tls(code);
    }
    return linkMessages.connection(code);
  }

  /** robots.txt of the URL's origin, fetched once per TTL (through the same vetting and limits). */
  async #robotsAllow(url: URL, signal: AbortSignal | undefined, retry = true): Promise<boolean> {
    const origin = url.origin;
    const now = Date.now();
    let entry = this.#robots.get(origin);
    if (entry === undefined || entry.expires < now) {
      if (this.#robots.size >= MAX_ROBOTS_CACHE) this.#robots.clear();
      entry = { expires: now + this.#robotsTtlMs, file: this.#fetchRobots(origin, signal) };
      this.#robots.set(origin, entry);
    }
    let file: RobotsFile | null;
    try {
      file = await entry.file;
    } catch (error) {
      // A fetch aborted by another caller's signal must not poison the cache or fail this check.
      if (this.#robots.get(origin) === entry) this.#robots.delete(origin);
      if (signal?.aborted || !retry) throw error;
      return this.#robotsAllow(url, signal, false);
    }
    // Unreachable robots.txt: check the address itself, whose own failure is the accurate report.
    return file === null || robotsAllows(file, `${url.pathname}${url.search}`);
  }

  async #fetchRobots(origin: string, signal: AbortSignal | undefined): Promise<RobotsFile | null> {
    const fetched = await this.#follow(`${origin}/robots.txt`, {
      redirects: [],
      clock: { elapsedMs: 0 },
      readBody: true,
      maxBodyBytes: MAX_ROBOTS_BYTES,
      robots: false,
      signal,
    });
    if (fetched.kind === 'failed') return null;
    if (fetched.status >= 500) return DISALLOW_ALL;
    if (fetched.status >= 400 || fetched.page === null) return ALLOW_ALL;
    return parseRobots(fetched.page.body.toString('utf8'), ROBOTS_TOKEN);
  }
}

function parseHttpUrl(text: string, base?: URL): URL | null {
  try {
    const u = new URL(text.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.hostname === '' || u.username !== '' || u.password !== '') return null;
    return u;
  } catch {
    return null;
  }
}

function withoutHash(u: URL): string {
  return u.href.replace(/#.*$/, '');
}

export function createLinkChecker(options: LinkCheckerOptions = {}): LinkChecker {
  return new LinkChecker(options);
}
