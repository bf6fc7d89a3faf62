// Narrowing helpers for route handlers: the access rule already ran, these give the typed actor.

import type { FastifyRequest } from 'fastify';
import { MESSAGES } from '../domain/messages/index.ts';
import type { OrgActor, SiteActor } from './context.ts';
import { AppError } from './errors.ts';

export function orgActor(request: FastifyRequest): OrgActor {
  if (request.actor.kind !== 'ORG_USER') throw new AppError('FORBIDDEN', MESSAGES.orgAccountsOnly);
  return request.actor;
}

export function siteActor(request: FastifyRequest): SiteActor {
  if (request.actor.kind !== 'SITE') throw new AppError('FORBIDDEN', MESSAGES.siteAccountsOnly);
  return request.actor;
}
