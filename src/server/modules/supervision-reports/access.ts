// Who uses 《政府网站监管年度报表》: each level-1 unit fills in its own; the root (国务院办公厅) reviews them all.

import {
  SUPERVISION_TRANSITIONS,
  type SupervisionActor,
  type SupervisionDecision,
  type SupervisionReportAction,
} from '../../../domain/annual-report/supervision-report-states.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { OrgActor } from '../../context.ts';
import { AppError, forbidden, invalid } from '../../errors.ts';

export const SUPERVISION_ENTITY = 'SUPERVISION_REPORT';

/** Only a level-1 unit fills in a report; level 2/3 units and the root are refused (403). */
export function requireReportingUnit(actor: OrgActor): void {
  if (actor.orgLevel === 0) throw forbidden(MESSAGES.supervisionProvinceFillsRootReviews);
  if (actor.orgLevel !== 1) throw forbidden(MESSAGES.supervisionProvinceOnly);
}

export function requireRoot(actor: OrgActor): void {
  if (actor.orgLevel !== 0) throw forbidden(MESSAGES.supervisionRootReviews);
}

/** Level 0 and 1 may read reports (each within its subtree); level 2/3 are refused. */
export function requireReportReader(actor: OrgActor): void {
  if (actor.orgLevel > 1) throw forbidden(MESSAGES.supervisionUsers);
}

export function supervisionActor(actor: OrgActor): SupervisionActor {
  return actor.orgLevel === 0 ? { kind: 'ROOT' } : { kind: 'UNIT', orgCode: actor.orgCode };
}

/** The HTTP error of a refused decision: the wrong actor is 403, a missing reason 400, the wrong state 409. */
export function refusal(
  decision: Extract<SupervisionDecision, { ok: false }>,
  action: SupervisionReportAction,
  actor: SupervisionActor,
): AppError {
  if (SUPERVISION_TRANSITIONS[action].by !== actor.kind) return forbidden(decision.reason);
  if (decision.reason === '请填写退回原因') return invalid(decision.reason);
  if (decision.reason === '只能填报本单位的监管年度报表') return forbidden(decision.reason);
  return new AppError('STATE_CONFLICT', decision.reason);
}

export const changedMeanwhile = () => new AppError('STATE_CONFLICT', MESSAGES.supervisionReportChanged);
