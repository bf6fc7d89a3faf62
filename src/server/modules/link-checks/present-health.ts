// The 链接健康 column of a list row: its class and the figures of the latest check.
import type { RunStatus } from '../../../db/schema.ts';
import { LINK_HEALTH_LABELS, linkHealthStatus } from '../../../domain/link-health.ts';
import type { LinkHealthSummary } from './repository.ts';
import type { LinkHealthCell } from './schema.ts';

/** The figures the cell shows (the list reads them with its page; other readers pass a whole summary). */
type CellFigures = Omit<LinkHealthSummary, 'siteId' | 'flaggedSince'>;

export function presentLinkHealth(runStatus: RunStatus, h: CellFigures | undefined): LinkHealthCell {
  const status = linkHealthStatus(runStatus, h);
  if (status === 'UNCHECKED' || h === undefined) {
    return {
      status: 'UNCHECKED',
      label: LINK_HEALTH_LABELS.UNCHECKED,
      checkedAt: null,
      homeOk: null,
      flagged: false,
      homeConsecutiveFailures: 0,
      urlsTotal: 0,
      urlsFailed: 0,
      footerProblems: 0,
    };
  }
  return {
    status,
    label: LINK_HEALTH_LABELS[status],
    checkedAt: new Date(h.lastCheckedAt).toISOString(),
    homeOk: h.homeOk,
    flagged: h.flagged,
    homeConsecutiveFailures: h.homeConsecutiveFailures,
    urlsTotal: h.urlsTotal,
    urlsFailed: h.urlsFailed,
    footerProblems: h.footerProblems,
  };
}
