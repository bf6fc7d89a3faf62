// Presents offline requests to an organizing unit: 申报状态 and 列表状态 as it sees them (SPEC §7.8) and its
// abilities from decide() (a unit cannot act before the chain reaches it).
import { OFFLINE_KIND_LABELS, siteStatusText } from '../../../domain/offline.ts';
import { type Decision, decide, orgStatusLabel, type RequestSnapshot } from '../../../domain/requests.ts';
import type { OfflineListRow } from './list-repository.ts';
import type { OfflineRow } from './schema.ts';

const fromDecision = (d: Decision) => (d.ok ? { allowed: true } : { allowed: false, reason: d.reason });

export function snapshotOf(row: Pick<OfflineListRow, 'type' | 'state' | 'chain' | 'stepIndex'>): RequestSnapshot {
  return { type: row.type, state: row.state, chain: row.chain, stepIndex: row.stepIndex };
}

/** 列表状态 of the site, organizing-unit side. */
export function orgListStatus(row: Pick<OfflineListRow, 'runStatus' | 'until'>): string {
  if (row.runStatus === 'APPLYING' || row.runStatus === 'WITHDRAWN') return '';
  return siteStatusText('ORG', row.runStatus, row.until);
}

export function presentOfflineRow(row: OfflineListRow, viewerOrg: string, names: Map<string, string>): OfflineRow {
  const snapshot = snapshotOf(row);
  const actor = { kind: 'ORG' as const, orgCode: viewerOrg };
  return {
    id: row.id,
    version: row.version,
    siteId: row.siteId,
    siteCode: row.siteCode,
    siteName: row.siteName,
    homeUrl: row.homeUrl,
    orgName: row.orgName,
    kind: row.kind,
    kindLabel: OFFLINE_KIND_LABELS[row.kind],
    plannedDate: row.plannedDate,
    endDate: row.endDate,
    reason: row.reason,
    description: row.description,
    migrationUrl: row.migrationUrl,
    attachment: row.attachment,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    state: row.state,
    orgStatus: orgStatusLabel(snapshot, viewerOrg),
    listStatus: orgListStatus(row),
    runStatus: row.runStatus,
    returnReason: row.state === 'RETURNED' ? row.returnReason : null,
    rejected: row.rejected,
    waitingForMe: row.currentOrg === viewerOrg,
    chain: row.chain.map((code) => ({ code, name: names.get(code) ?? code })),
    stepIndex: row.stepIndex,
    abilities: {
      approve: fromDecision(decide(snapshot, actor, 'APPROVE')),
      // The reason is asked for in the dialog; any non-empty text checks the rest of the rule.
      return: fromDecision(decide(snapshot, actor, 'RETURN', '驳回')),
    },
  };
}
