// Configuration of the whole process, read once from environment variables (documented in README.md).
import { resolve } from 'node:path';

export interface AppConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string | undefined;
  /**
   * Which peers may set X-Forwarded-For/-Proto (GOVSITE_TRUST_PROXY): false (none), a number of proxy hops in front
   * of the server, or the proxies' addresses and CIDR ranges. Never "every peer": a client could then invent its IP.
   */
  trustProxy: false | number | string[];
  /**
   * The origin people reach the system at (GOVSITE_PUBLIC_URL, e.g. https://wzbs.example.gov.cn): absolute links
   * such as the 核验 QR code are built from it, never from a request's Host header.
   */
  publicUrl: string;
  cookieSecure: boolean | 'auto';
  /**
   * How long a session read from the database may be reused (GOVSITE_SESSION_CACHE_MS, default 3000; 0: read it on
   * every request). Only while no change to users, units or sessions can have been missed (src/db/auth-changes.ts).
   */
  sessionCacheMs: number;
  logLevel: string;
  seedDemoOnEmpty: boolean;
  jobsEnabled: boolean;
  webDir: string;
  linkCheck: LinkCheckConfig;
  /** 紧急下线 maximum duration in days (GOVSITE_EMERGENCY_MAX_DAYS, default 30; SPEC §16 item 9). */
  emergencyMaxDays: number;
  /** E-mail notifications (issue 9). */
  mail: MailConfig;
  /** Review deadlines in working days (issue 9). */
  review: ReviewDeadlineConfig;
}

/** SMTP settings; `smtp` is null when GOVSITE_SMTP_HOST is unset: mails are then queued and marked 未发送 (SKIPPED). */
export interface MailConfig {
  smtp: { host: string; port: number; secure: boolean; user: string | undefined; pass: string | undefined } | null;
  from: string;
}

/** GOVSITE_REVIEW_DEADLINE_DAYS working days per step; holidays / 调休 working weekends as YYYY-MM-DD lists. */
export interface ReviewDeadlineConfig {
  deadlineDays: number;
  holidays: string[];
  extraWorkdays: string[];
}

/** Link checks (issue 10): GOVSITE_LINKCHECK_ALLOW lists IPs/CIDRs that may be reached although private; empty in production. */
export interface LinkCheckConfig {
  allow: string[];
  timeoutMs: number;
  concurrency: number;
  perHostConcurrency: number;
  /** Name resolution in place of DNS, for tests that point a test domain at 127.0.0.1; never read from the env. */
  lookup?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return n;
}

function nonNegativeInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be an integer ≥ 0, got ${value}`);
  return n;
}

function dayList(name: string, value: string | undefined): string[] {
  const days = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const day of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`${name} must list YYYY-MM-DD dates, got ${day}`);
  }
  return days;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-f:.]*:[0-9a-f:.]*(\/\d{1,3})?$/i;

/** GOVSITE_TRUST_PROXY: unset/false, a hop count (1 for one load balancer), or a comma-separated list of IPs/CIDRs. */
export function trustProxy(value: string | undefined): false | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || ['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (['true', 'yes', 'on'].includes(v.toLowerCase())) {
    throw new Error(
      'GOVSITE_TRUST_PROXY=true would trust an X-Forwarded-For written by any client: set the number of proxies in ' +
        'front of the server (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)',
    );
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const entry of list) {
    if (
      !IPV4_OR_CIDR.test(entry) &&
      !IPV6_OR_CIDR.test(entry) &&
      !['loopback', 'linklocal', 'uniquelocal'].includes(entry)
    ) {
      throw new Error(`GOVSITE_TRUST_PROXY must be a hop count or IP addresses/CIDR ranges, got ${entry}`);
    }
  }
  return list;
}

/** GOVSITE_PUBLIC_URL as an origin without a trailing slash; unset: the address the server itself listens on. */
export function publicUrl(value: string | undefined, host: string, port: number): string {
  if (value === undefined || value.trim() === '') {
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    return `http://${shown}:${port}`;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`GOVSITE_PUBLIC_URL must be an absolute http(s) address, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`GOVSITE_PUBLIC_URL must start with http:// or https://, got ${value}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be an integer 0–65535, got ${env.PORT}`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.GOVSITE_DATA_DIR ?? 'data'),
    secret: env.GOVSITE_SECRET || undefined,
    trustProxy: trustProxy(env.GOVSITE_TRUST_PROXY),
    publicUrl: publicUrl(env.GOVSITE_PUBLIC_URL, env.HOST ?? '127.0.0.1', port),
    cookieSecure: env.GOVSITE_COOKIE_SECURE === undefined ? 'auto' : bool(env.GOVSITE_COOKIE_SECURE, false),
    sessionCacheMs: nonNegativeInt('GOVSITE_SESSION_CACHE_MS', env.GOVSITE_SESSION_CACHE_MS, 3000),
    logLevel: env.GOVSITE_LOG_LEVEL ?? 'info',
    // Demo data (with the README's well-known passwords) by default only on the embedded database: a PostgreSQL
    // database is a real deployment unless the operator asks (its first admin comes from `govsite create-admin`).
    seedDemoOnEmpty: bool(env.GOVSITE_SEED_DEMO, !env.DATABASE_URL),
    jobsEnabled: bool(env.GOVSITE_JOBS, true),
    webDir: resolve(env.GOVSITE_WEB_DIR ?? 'dist/web'),
    linkCheck: {
      allow: (env.GOVSITE_LINKCHECK_ALLOW ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      timeoutMs: positiveInt('GOVSITE_LINKCHECK_TIMEOUT_MS', env.GOVSITE_LINKCHECK_TIMEOUT_MS, 15_000),
      concurrency: positiveInt('GOVSITE_LINKCHECK_CONCURRENCY', env.GOVSITE_LINKCHECK_CONCURRENCY, 8),
      perHostConcurrency: positiveInt('GOVSITE_LINKCHECK_PER_HOST', env.GOVSITE_LINKCHECK_PER_HOST, 2),
    },
    emergencyMaxDays: positiveInt('GOVSITE_EMERGENCY_MAX_DAYS', env.GOVSITE_EMERGENCY_MAX_DAYS, 30),
    mail: {
      smtp: env.GOVSITE_SMTP_HOST
        ? {
            host: env.GOVSITE_SMTP_HOST,
            port: positiveInt('GOVSITE_SMTP_PORT', env.GOVSITE_SMTP_PORT, 587),
            secure: bool(env.GOVSITE_SMTP_SECURE, false),
            user: env.GOVSITE_SMTP_USER || undefined,
            pass: env.GOVSITE_SMTP_PASS || undefined,
          }
        : null,
      from: env.GOVSITE_MAIL_FROM || '政府网站信息报送系统 <noreply@localhost>',
    },
    review: {
      deadlineDays: positiveInt('GOVSITE_REVIEW_DEADLINE_DAYS', env.GOVSITE_REVIEW_DEADLINE_DAYS, 5),
      holidays: dayList('GOVSITE_HOLIDAYS', env.GOVSITE_HOLIDAYS),
      extraWorkdays: dayList('GOVSITE_EXTRA_WORKDAYS', env.GOVSITE_EXTRA_WORKDAYS),
    },
  };
}
