// The report as the client sees it: entries with blanks as null, computed rates, the prefill and what the caller
// may do now (and why not).
import { enteredRates } from '../../../domain/annual-report/supervision-report-checks.ts';
import { ENTERED_KEYS } from '../../../domain/annual-report/supervision-report-fields.ts';
import {
  decideSupervision,
  SUPERVISION_STATE_LABELS,
  type SupervisionReportAction,
} from '../../../domain/annual-report/supervision-report-states.ts';
import type { OrgActor } from '../../context.ts';
import { supervisionActor } from './access.ts';
import type { SupervisionReportRow } from './repository.ts';
import type { ReportView } from './schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentReport(row: SupervisionReportRow, actor: OrgActor): ReportView {
  const data = Object.fromEntries(ENTERED_KEYS.map((k) => [k, row.data[k] ?? null])) as ReportView['data'];
  const who = supervisionActor(actor);
  const snapshot = { state: row.state, orgCode: row.org_code };
  const can = (action: SupervisionReportAction) => {
    // The reason is only a probe here: a return without one is still a return the root may make.
    const d = decideSupervision(snapshot, who, action, action === 'RETURN' ? '-' : undefined);
    return d.ok ? { allowed: true } : { allowed: false, reason: d.reason };
  };
  return {
    id: row.id,
    orgCode: row.org_code,
    orgName: row.org_name,
    year: row.year,
    state: row.state,
    stateLabel: SUPERVISION_STATE_LABELS[row.state],
    version: row.version,
    data,
    rates: enteredRates(data),
    prefill: row.prefill,
    prefilledAt: new Date(row.prefilled_at).toISOString(),
    returnReason: row.return_reason,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    abilities: {
      save: can('SAVE'),
      refreshPrefill: can('REFRESH_PREFILL'),
      submit: can('SUBMIT'),
      approve: can('APPROVE'),
      return: can('RETURN'),
    },
  };
}
