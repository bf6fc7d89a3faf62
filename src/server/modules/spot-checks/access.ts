// Who may use 上报抽查情况: level-1 units report; the root views every report and may return one (SPEC §8.1 #3).
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { OrgActor } from '../../context.ts';
import { forbidden } from '../../errors.ts';

export const SPOT_CHECK_ENTITY = 'SPOT_CHECK';

/** Level 0 or 1; level 2/3 units are refused. */
export function requireSpotCheckViewer(actor: OrgActor): void {
  if (actor.orgLevel > 1) throw forbidden(MESSAGES.spotCheckProvinceOnly);
}

/** Only a level-1 unit fills in and submits its own report. */
export function requireReporter(actor: OrgActor): void {
  requireSpotCheckViewer(actor);
  if (actor.orgLevel !== 1) throw forbidden(MESSAGES.spotCheckViewers);
}

export function requireRoot(actor: OrgActor): void {
  if (actor.orgLevel !== 0) throw forbidden(MESSAGES.rootOnly);
}

const LEVEL_SHORT: Record<number, string> = { 0: '中央', 1: '省级', 2: '市级', 3: '县级' };

/** The stratum of the sample suggestion: level × site type. */
export function stratumOf(level: number, isPortal: boolean): string {
  return `${LEVEL_SHORT[level] ?? '其他'}·${isPortal ? '门户网站' : '部门网站'}`;
}
