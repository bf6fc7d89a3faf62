// SSRF guard of the link checker: resolve a host ourselves and accept it only if every address is allowed; the
// request then connects to the vetted address (see http-hop.ts), so a second DNS answer cannot change the target.
import { lookup as dnsLookup } from 'node:dns/promises';
import { type IpAllowlist, vetIp } from './ip-ranges.ts';
import { type LinkCheckError, linkMessages } from './messages.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type LookupFn = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type Vetted = { kind: 'ok'; address: string } | { kind: 'failed'; error: LinkCheckError; message: string };

class LookupTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new LookupTimeout()), ms);
    const onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * The address to connect to for `host` (an IP literal is taken as is), or why not: DNS failure, timeout, or a
 * refused range. All addresses must pass — a name answering both a public and a private address is refused.
 */
export async function vetHost(
  host: string,
  o: { lookup: LookupFn; allow: IpAllowlist; timeoutMs: number; signal: AbortSignal | undefined },
): Promise<Vetted> {
  let addresses: string[];
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    addresses = [host];
  } else {
    try {
      addresses = (await withTimeout(o.lookup(host), o.timeoutMs, o.signal)).map((a) => a.address);
    } catch (error) {
      if (o.signal?.aborted) throw o.signal.reason;
      if (error instanceof LookupTimeout) {
        return { kind: 'failed', error: 'TIMEOUT', message: linkMessages.timeout(o.timeoutMs) };
      }
      return { kind: 'failed', error: 'DNS', message: linkMessages.dns(host) };
    }
    if (addresses.length === 0) return { kind: 'failed', error: 'DNS', message: linkMessages.dns(host) };
  }
  for (const address of addresses) {
    const verdict = vetIp(address, o.allow);
    if (!verdict.allowed) {
      return {
        kind: 'failed',
        error: 'REFUSED_TARGET',
        message: linkMessages.refusedRange(host, address, verdict.range),
      };
    }
  }
  return { kind: 'ok', address: addresses[0] ?? host };
}
