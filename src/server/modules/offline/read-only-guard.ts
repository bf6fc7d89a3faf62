// After 完成下线 the 填报单位 login is read-only (SPEC §7.6.3): every state-changing route of the site account is
// refused with one clear message, whichever module it belongs to. Registered globally, after the session plugin.

import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { AppError } from '../../errors.ts';
import { findSiteByCode } from './repository.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const siteReadOnlyGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request) => {
    if (request.actor?.kind !== 'SITE' || !UNSAFE.has(request.method)) return;
    // Only the site account's own routes: logging out ('authenticated') stays possible.
    if (request.routeOptions.config.access !== 'site') return;
    const site = await findSiteByCode(app.ctx.db, request.actor.siteCode);
    if (site?.runStatus === 'PERM_OFFLINE') throw new AppError('FORBIDDEN', MESSAGES.readOnlyAfterOffline);
  });
});
