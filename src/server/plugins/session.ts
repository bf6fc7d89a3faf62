// Sessions in the database (so any instance serves any user), the HttpOnly SameSite cookie, CSRF checks,
// and the per-route access rule every route must declare.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { authChangesOf, NOT_NARROWING } from '../../db/auth-changes.ts';
import { MESSAGES } from '../../domain/messages/index.ts';
import { HOUR, MINUTE } from '../clock.ts';
import type { Access, Actor, AppContext, Db, Trx } from '../context.ts';
import { AppError } from '../errors.ts';
import { randomToken, safeEqual, tokenDigest } from '../secrets.ts';
import { type Binder, StatementCache } from '../statement-cache.ts';
import { SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'gs_sid';
export const CSRF_COOKIE = 'gs_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
const TOUCH_EVERY_MS = MINUTE;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** Every /api route with its declared access rule; the authorization matrix test is generated from it. */
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    actor: Actor;
    sessionDigest: string | null;
    csrfToken: string | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Routes a user who must still change the initial password may call. */
    allowPasswordChangePending?: boolean;
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(ctx: AppContext, request: FastifyRequest, maxAgeSeconds?: number) {
  const secure = ctx.config.cookieSecure === 'auto' ? request.protocol === 'https' : ctx.config.cookieSecure;
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

export interface NewSession {
  kind: 'ORG_USER' | 'SITE';
  userId?: number;
  siteCode?: string;
}

/** Creates a fresh session (new id: no fixation), replacing the request's old one, and sets the cookie. */
export async function startSession(
  trx: Trx | Db,
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
): Promise<{ csrfToken: string }> {
  if (request.sessionDigest) await trx.deleteFrom('sessions').where('id_digest', '=', request.sessionDigest).execute();
  const id = randomToken();
  const csrfToken = randomToken(24);
  const now = ctx.clock.now();
  await trx
    .insertInto('sessions')
    .values({
      id_digest: tokenDigest(ctx.keys, id),
      kind: session.kind,
      user_id: session.userId ?? null,
      site_code: session.siteCode ?? null,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      ip: request.ip,
      user_agent: (request.headers['user-agent'] ?? '').slice(0, 300),
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, id, cookieOptions(ctx, request, SESSION_ABSOLUTE_MS / 1000));
  return { csrfToken };
}

export async function endSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionDigest)
    await ctx.db.deleteFrom('sessions').where('id_digest', '=', request.sessionDigest).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The anonymous double-submit CSRF token: kept in an HttpOnly cookie, echoed by the client in a header. */
export function ensureAnonymousCsrf(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && existing.length >= 20) return existing;
  const token = randomToken(24);
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(ctx, request));
  return token;
}

/** The session of a cookie, with its user and unit: run on every request, so compiled once (StatementCache). */
function sessionStatement(db: Db, bind: Binder<{ digest: string }>) {
  return db
    .selectFrom('sessions as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('org_units as o', 'o.code', 'u.org_code')
    .select([
      's.kind',
      's.site_code',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.enabled as user_enabled',
      'u.must_change_password',
      'o.code as org_code',
      'o.name as org_name',
      'o.level as org_level',
      'o.path as org_path',
      'o.enabled as org_enabled',
    ])
    .where(
      's.id_digest',
      '=',
      bind.value((a) => a.digest),
    );
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionStatement>['execute']>>[number];
const sessionStatements = new StatementCache<Db, { digest: string }, Record<string, never>, SessionRow>(
  (db, bind) => sessionStatement(db, bind),
  { prepared: true },
);

async function resolveActor(ctx: AppContext, cache: SessionCache<SessionRow>, request: FastifyRequest): Promise<void> {
  request.actor = { kind: 'ANONYMOUS' };
  request.sessionDigest = null;
  request.csrfToken = null;
  request.sessionExpired = false;
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return;
  const digest = tokenDigest(ctx.keys, raw);
  const row = await cache.get(digest, async () => {
    const { rows } = await ctx.db.executeQuery(sessionStatements.compile(ctx.db, {}, { digest }));
    return rows[0];
  });
  if (!row) {
    request.sessionExpired = true;
    return;
  }
  const now = ctx.clock.now().getTime();
  const idle = now - new Date(row.last_seen_at).getTime() > SESSION_IDLE_MS;
  const tooOld = now - new Date(row.created_at).getTime() > SESSION_ABSOLUTE_MS;
  const disabled = row.kind === 'ORG_USER' && (!row.user_enabled || !row.org_enabled);
  if (idle || tooOld || disabled) {
    cache.forget(digest);
    await ctx.db.deleteFrom('sessions').where('id_digest', '=', digest).execute();
    request.sessionExpired = true;
    return;
  }
  if (now - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    // Only extends the session, so it leaves every kept session valid (NOT_NARROWING).
    await sql`${sql.raw(NOT_NARROWING)}UPDATE sessions SET last_seen_at = ${new Date(now)} WHERE id_digest = ${digest}`.execute(
      ctx.db,
    );
    cache.update(digest, { ...row, last_seen_at: new Date(now) });
  }
  request.sessionDigest = digest;
  request.csrfToken = row.csrf_token;
  if (row.kind === 'SITE' && row.site_code) {
    request.actor = { kind: 'SITE', siteCode: row.site_code };
  } else if (row.kind === 'ORG_USER' && row.user_id !== null && row.org_code !== null) {
    request.actor = {
      kind: 'ORG_USER',
      userId: row.user_id,
      username: row.username ?? '',
      displayName: row.display_name ?? '',
      role: row.role ?? 'REVIEWER',
      orgCode: row.org_code,
      orgName: row.org_name ?? '',
      orgLevel: row.org_level ?? 3,
      orgPath: row.org_path ?? '',
      mustChangePassword: row.must_change_password ?? false,
    };
  }
}

function checkCsrf(request: FastifyRequest): void {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  const expected = request.csrfToken ?? request.cookies[CSRF_COOKIE];
  if (typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
    throw new AppError('CSRF_INVALID', MESSAGES.csrfInvalid);
  }
}

function checkAccess(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === 'public') return;
  const actor = request.actor;
  if (actor.kind === 'ANONYMOUS') {
    throw request.sessionExpired
      ? new AppError('SESSION_EXPIRED', MESSAGES.sessionExpired)
      : new AppError('UNAUTHENTICATED', MESSAGES.loginRequired);
  }
  if (
    actor.kind === 'ORG_USER' &&
    actor.mustChangePassword &&
    !request.routeOptions.config.allowPasswordChangePending
  ) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', MESSAGES.passwordChangeRequired);
  }
  const ok =
    access === 'authenticated' ||
    (access === 'site' && actor.kind === 'SITE') ||
    (access === 'org' && actor.kind === 'ORG_USER') ||
    (access === 'orgAdmin' && actor.kind === 'ORG_USER' && actor.role === 'ADMIN') ||
    (access === 'root' && actor.kind === 'ORG_USER' && actor.orgLevel === 0);
  if (!ok) throw new AppError('FORBIDDEN', MESSAGES.accessDenied);
}

export const sessionPlugin = fp(async (app: FastifyInstance) => {
  // Set on every request by resolveActor; the initial null keeps the request shape stable (Fastify's advice).
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionDigest', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);

  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  // Made when the app is ready (the context is decorated by then); its listener starts with it.
  let kept: SessionCache<SessionRow> | undefined;
  const sessions = () => {
    kept ??= new SessionCache<SessionRow>(authChangesOf(app.ctx.db), app.ctx.config.sessionCacheMs);
    return kept;
  };
  app.addHook('onReady', async () => {
    sessions();
  });
  app.addHook('onRoute', (route) => {
    const url = route.url;
    const access = route.config?.access;
    const methods = [route.method].flat();
    if (!access) {
      // Without a rule a route gets no session and no check at all: only the API documentation and the web UI's
      // static files (read-only, outside /api) may go without one.
      const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD');
      if (url.startsWith('/api/docs') || (readOnly && !url.startsWith('/api'))) return;
      throw new Error(`Route ${methods.join(',')} ${url} does not declare config.access`);
    }
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    for (const method of methods) {
      if (method !== 'HEAD') routeTable.push({ method, url, access });
    }
  });

  // Whether a request needs a session, a CSRF token and which role is decided by the route the router matched,
  // never by the text of the URL: every spelling that reaches a route (escapes, absolute form…) passes these checks.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.access === undefined) return;
    await resolveActor(app.ctx, sessions(), request);
    // Access first: an expired session must answer 401 SESSION_EXPIRED (the UI sends the user to log in again),
    // not a CSRF refusal its client cannot act on.
    checkAccess(request);
    checkCsrf(request);
  });
});

/** Removes every session of an org user or a site, e.g. after a password or 校验码 reset. */
export async function endAllSessions(
  trx: Trx | Db,
  who: { userId: number } | { siteCode: string },
  exceptDigest?: string | null,
): Promise<void> {
  let q = trx.deleteFrom('sessions');
  q = 'userId' in who ? q.where('user_id', '=', who.userId) : q.where('site_code', '=', who.siteCode);
  if (exceptDigest) q = q.where('id_digest', '<>', exceptDigest);
  await q.execute();
}

/** Deletes sessions that can no longer be used; run by a job. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS);
  const absCutoff = new Date(now.getTime() - SESSION_ABSOLUTE_MS);
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleCutoff), eb('created_at', '<', absCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
