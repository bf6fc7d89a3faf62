// The input of a 通过 / 退回 route, read the same way by the request and the offline review pages.
import type { FastifyRequest } from 'fastify';
import type { OrgActor } from '../../context.ts';
import { orgActor } from '../../guards.ts';

type DecisionRequest = FastifyRequest & { params: { id: number }; body: { version?: number; reason?: string } };

/** The acting org user, the path's id, the body's version (and reason, on 退回) and the caller's address. */
export function decisionInput<A extends string>(
  request: DecisionRequest,
  action: A,
): { actor: OrgActor; id: number; action: A; reason?: string; expectedVersion?: number; ip: string | null } {
  return {
    actor: orgActor(request),
    id: request.params.id,
    action,
    ...(request.body.reason === undefined ? {} : { reason: request.body.reason }),
    expectedVersion: request.body.version,
    ip: request.ip,
  };
}
