// 链接健康 of a site as the site list, the statistics and the spot-check report show it: one class per site, from
// the summary of its latest nightly check. The SQL form of the same rule is in modules/link-checks/health-sql.ts.
import type { RegisterRunStatus as RunStatus } from './run-status.ts';

/** Run states the nightly sweep checks: live, supervised sites. Offline sites are expected to be unreachable. */
export const SWEPT_RUN_STATUSES = ['NORMAL', 'EXCEPTION'] as const satisfies readonly RunStatus[];

/**
 * FAILING: an address (首页, 其他域名 or 栏目) could not be reached on the latest check (robots.txt refusals do not
 * count). FOOTER: every address answered, but the footer identifiers differ from the register. OK: neither.
 * UNCHECKED: never reached by a sweep, or not swept at all (an application, an offline or deleted site).
 */
export const LINK_HEALTH_STATUSES = ['FAILING', 'FOOTER', 'OK', 'UNCHECKED'] as const;
export type LinkHealthStatus = (typeof LINK_HEALTH_STATUSES)[number];

export const LINK_HEALTH_LABELS: Readonly<Record<LinkHealthStatus, string>> = {
  FAILING: '链接异常',
  FOOTER: '底部标识不符',
  OK: '正常',
  UNCHECKED: '未检查',
};

export interface LinkHealthFigures {
  homeOk: boolean;
  urlsFailed: number;
  footerProblems: number;
}

export function isSwept(runStatus: RunStatus): boolean {
  return (SWEPT_RUN_STATUSES as readonly RunStatus[]).includes(runStatus);
}

export function linkHealthStatus(runStatus: RunStatus, health: LinkHealthFigures | undefined): LinkHealthStatus {
  if (health === undefined || !isSwept(runStatus)) return 'UNCHECKED';
  if (!health.homeOk || health.urlsFailed > 0) return 'FAILING';
  return health.footerProblems > 0 ? 'FOOTER' : 'OK';
}
