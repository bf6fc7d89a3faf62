// Narrowing helpers for route handlers: the access rule already ran, these give the typed actor.
import type { FastifyRequest } from 'fastify';
import type { OrgActor, SiteActor } from './context.ts';
import { AppError } from './errors.ts';

export function orgActor(request: FastifyRequest): OrgActor {
  if (request.actor.kind !== 'ORG_USER') throw new AppError('FORBIDDEN', '仅组织单位账号可以使用此功能');
  return request.actor;
}

export function siteActor(request: FastifyRequest): SiteActor {
  if (request.actor.kind !== 'SITE') throw new AppError('FORBIDDEN', '仅填报单位账号可以使用此功能');
  return request.actor;
}
