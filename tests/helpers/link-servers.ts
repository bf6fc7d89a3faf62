// Web servers for link-check tests, on 127.0.0.1 only: an HTTP server with the behaviours a checker must tell apart
// (counting requests in flight overall and per Host), and an HTTPS server with a certificate made at test time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LookupFn } from '../../src/server/modules/link-checks/checker.ts';

/** Names under this suffix resolve to 127.0.0.1 in tests (and to nothing on a real resolver). */
export const TEST_DOMAIN = 'linkcheck.test';

/** A test resolver: `*.linkcheck.test` → 127.0.0.1, `rebind.linkcheck.test` → 10.0.0.1, anything else fails. */
export const testLookup: LookupFn = async (hostname) => {
  if (hostname === `rebind.${TEST_DOMAIN}`) return [{ address: '10.0.0.1', family: 4 }];
  if (hostname === TEST_DOMAIN || hostname.endsWith(`.${TEST_DOMAIN}`)) return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

export interface FooterPage {
  siteCode: string;
  icpNo: string;
  psbNo: string;
}

export interface LinkTestServer {
  port: number;
  /** `http://<host>:<port><path>`; host 127.0.0.1 unless given. */
  url(path: string, host?: string): string;
  /** Paths requested, in order. */
  requests: string[];
  userAgents: string[];
  maxInFlight: number;
  maxInFlightPerHost: number;
  /** Delay of /p/* answers (ms). */
  pathDelayMs: number;
  /** /flaky/* answers 503 while true. */
  flakyDown: boolean;
  /** The footer of /home/<code> pages. */
  footer: Omit<FooterPage, 'siteCode'>;
  reset(): void;
  close(): Promise<void>;
}

function footerHtml(p: FooterPage | null): string {
  const ids = p === null ? '' : `网站标识码${p.siteCode} ${p.icpNo} ${p.psbNo}`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试网站</title></head><body>
    <div class="main">欢迎访问</div><div class="footer">主办单位：测试单位 ${ids}</div></body></html>`;
}

export async function startLinkTestServer(): Promise<LinkTestServer> {
  let inFlight = 0;
  const perHost = new Map<string, number>();
  const s: Omit<LinkTestServer, 'port' | 'url' | 'close'> & { port: number } = {
    port: 0,
    requests: [],
    userAgents: [],
    maxInFlight: 0,
    maxInFlightPerHost: 0,
    pathDelayMs: 20,
    flakyDown: false,
    footer: { icpNo: '冀ICP备15003849号', psbNo: '冀公网安备13030202002230号' },
    reset() {
      s.requests.length = 0;
      s.userAgents.length = 0;
      s.maxInFlight = 0;
      s.maxInFlightPerHost = 0;
    },
  };
  const redirect = (res: ServerResponse, status: number, location: string) => {
    res.writeHead(status, { location });
    res.end();
  };
  const html = (res: ServerResponse, status: number, body: string, gzip = false) => {
    const data = gzip ? gzipSync(body) : Buffer.from(body);
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(data);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const host = req.headers.host ?? '';
    s.requests.push(path);
    s.userAgents.push(Buffer.from(req.headers['user-agent'] ?? '', 'latin1').toString('utf8'));
    inFlight++;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    s.maxInFlight = Math.max(s.maxInFlight, inFlight);
    s.maxInFlightPerHost = Math.max(s.maxInFlightPerHost, perHost.get(host) ?? 0);
    res.on('close', () => {
      inFlight--;
      perHost.set(host, (perHost.get(host) ?? 1) - 1);
    });
    const chain = /^\/chain\/(\d)$/.exec(path);
    const many = /^\/many\/(\d+)$/.exec(path);
    const home = /^\/home\/([0-9A-Za-z]{10})$/.exec(path);
    if (path === '/robots.txt') return void res.end('User-agent: *\nDisallow: /private/\n');
    if (path === '/ok' || path === '/final' || path.startsWith('/private/')) return html(res, 200, footerHtml(null));
    if (path === '/404') return html(res, 404, 'not found');
    if (path === '/500') return html(res, 500, 'error');
    if (chain) {
      const n = Number(chain[1]);
      const statuses = [302, 301, 307];
      return redirect(res, statuses[n - 1] ?? 302, n >= 3 ? '/final' : `/chain/${n + 1}`);
    }
    if (path === '/loop/a') return redirect(res, 302, '/loop/b');
    if (path === '/loop/b') return redirect(res, 302, `http://127.0.0.1:${s.port}/loop/a`);
    if (many) return redirect(res, 302, `/many/${Number(many[1]) + 1}`);
    if (path === '/slow') return void setTimeout(() => html(res, 200, 'late'), 1500);
    if (path === '/to/private') return redirect(res, 302, 'http://10.0.0.1/');
    if (path === '/to/metadata') return redirect(res, 302, 'http://169.254.169.254/latest/meta-data/');
    if (path === '/to/rebind') return redirect(res, 302, `http://rebind.${TEST_DOMAIN}:${s.port}/`);
    if (home) return html(res, 200, footerHtml({ siteCode: home[1] ?? '', ...s.footer }), true);
    if (path.startsWith('/home-nocode')) return html(res, 200, footerHtml(null));
    if (path.startsWith('/flaky/')) return html(res, s.flakyDown ? 503 : 200, footerHtml(null));
    if (path.startsWith('/p/')) return void setTimeout(() => html(res, 200, 'ok'), s.pathDelayMs);
    return html(res, 404, 'not found');
  };
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s.port = (server.address() as AddressInfo).port;
  return Object.assign(s, {
    url: (path: string, host = '127.0.0.1') => `http://${host}:${s.port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export interface TlsTestServer {
  port: number;
  /** The self-signed certificate (PEM), issued to `secure.linkcheck.test`. */
  cert: string;
  hostname: string;
  close(): Promise<void>;
}

/** An HTTPS server with a self-signed certificate generated by openssl for this run. */
export async function startSelfSignedServer(): Promise<TlsTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'linkcheck-tls-'));
  const hostname = `secure.${TEST_DOMAIN}`;
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        `/CN=${hostname}`,
        '-addext',
        `subjectAltName=DNS:${hostname}`,
      ],
      { stdio: 'ignore' },
    );
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const server = https.createServer({ key, cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<p>secure</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      cert,
      hostname,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
