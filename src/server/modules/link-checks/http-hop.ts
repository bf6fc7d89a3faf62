// One HTTP(S) request of a link check, to an address vetted beforehand: the socket goes to that IP (no second DNS
// look-up, so DNS rebinding cannot change the target) while Host and TLS SNI/verification use the URL's host name.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isCertificateCode, isTlsCode, type LinkCheckError } from './messages.ts';

export interface HopRequest {
  url: URL;
  /** The vetted IP address to connect to. */
  address: string;
  timeoutMs: number;
  userAgent: string;
  /** Read up to `maxBodyBytes` of the (decompressed) body; otherwise the body is dropped after the headers. */
  readBody: boolean;
  maxBodyBytes: number;
  signal?: AbortSignal | undefined;
  /** Extra trusted CA certificates (tests only). */
  ca?: string | Buffer | undefined;
}

export type HopOutcome =
  | {
      kind: 'response';
      status: number;
      location: string | null;
      contentType: string;
      body: Buffer | null;
      truncated: boolean;
    }
  | { kind: 'error'; error: LinkCheckError; code: string };

class HopTimeout extends Error {
  readonly code = 'HOP_TIMEOUT';
}

function bracketless(host: string): string {
  return host.startsWith('[') ? host.slice(1, -1) : host;
}

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

function classify(error: unknown): HopOutcome {
  if (error instanceof HopTimeout) return { kind: 'error', error: 'TIMEOUT', code: 'TIMEOUT' };
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  if (code === 'ETIMEDOUT') return { kind: 'error', error: 'TIMEOUT', code };
  if (isTlsCode(code))
    return { kind: 'error', error: 'TLS', code: isCertificateCode(code) ? code : `HANDSHAKE:${code}` };
  return { kind: 'error', error: 'CONNECTION', code };
}

function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return res.pipe(zlib.createInflate());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/** Reads at most `limit` bytes; a decoding error ends the body early instead of failing the check. */
function readLimited(stream: Readable, limit: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (truncated: boolean) => {
      if (done) return;
      done = true;
      resolve({ body: Buffer.concat(chunks), truncated });
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = limit - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (size >= limit) {
        finish(true);
        stream.destroy();
      }
    });
    stream.on('end', () => finish(false));
    stream.on('error', () => finish(false));
    stream.on('close', () => finish(false));
  });
}

export function requestHop(hop: HopRequest): Promise<HopOutcome> {
  const { url } = hop;
  const secure = url.protocol === 'https:';
  const hostname = bracketless(url.hostname);
  const headers = {
    host: url.host,
    // Raw UTF-8 bytes on the wire (header values are octets; Node takes them as latin1 code units).
    'user-agent': Buffer.from(hop.userAgent, 'utf8').toString('latin1'),
    accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    'accept-language': 'zh-CN,zh;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
    connection: 'close',
  };
  const options = {
    host: hop.address,
    port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers,
    agent: false as const,
  };
  return new Promise<HopOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: HopOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      hop.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const req = secure
      ? https.request({
          ...options,
          // SNI and certificate verification against the host name, although the socket goes to the vetted IP.
          servername: isIpLiteral(hostname) ? undefined : hostname,
          rejectUnauthorized: true,
          ...(hop.ca === undefined ? {} : { ca: hop.ca }),
        })
      : http.request(options);
    const timer = setTimeout(() => req.destroy(new HopTimeout()), hop.timeoutMs);
    const onAbort = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(hop.signal?.reason);
    };
    hop.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => settle(classify(error)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : null;
      const contentType = String(res.headers['content-type'] ?? '');
      const isRedirect = status >= 300 && status < 400 && location !== null;
      if (!hop.readBody || isRedirect || status >= 400) {
        res.destroy();
        settle({ kind: 'response', status, location, contentType, body: null, truncated: false });
        return;
      }
      res.on('error', (error) => settle(classify(error)));
      readLimited(decoded(res), hop.maxBodyBytes).then(({ body, truncated }) => {
        res.destroy();
        settle({ kind: 'response', status, location, contentType, body, truncated });
      });
    });
    req.end();
  });
}
