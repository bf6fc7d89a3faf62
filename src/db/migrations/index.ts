// The ordered list of migrations; Kysely's Migrator runs them by name.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-sites-requests.ts';
import * as m0003applications from './0003-applications.ts';
import * as m0004issuance from './0004-issuance.ts';
import * as m0006linkChecks from './0006-link-checks.ts';
import * as m0007orgTools from './0007-org-tools.ts';
import * as m0008auditChain from './0008-audit-chain.ts';
import * as m0010offline from './0010-offline.ts';
import * as m0011performance from './0011-performance.ts';
import * as m0012notifications from './0012-notifications.ts';
import * as m0013nameBigrams from './0013-name-bigrams.ts';
import * as m0014offlineEndingNotice from './0014-offline-ending-notice.ts';
import * as m0015attemptCounters from './0015-attempt-counters.ts';
import * as m0016requestStateCheck from './0016-request-state-check.ts';
import * as m0017workReports from './0017-work-reports.ts';
import * as m0018supervisionReports from './0018-supervision-reports.ts';
import * as m0019reportAlerts from './0019-report-alerts.ts';
import * as m0020listRequestFilters from './0020-list-request-filters.ts';
import * as m0022orgUnitsListOrder from './0022-org-units-list-order.ts';
import * as m0023dropNameTrgm from './0023-drop-name-trgm.ts';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-sites-requests': m0002,
  '0003-applications': m0003applications,
  '0004-issuance': m0004issuance,
  '0006-link-checks': m0006linkChecks,
  '0007-org-tools': m0007orgTools,
  '0008-audit-chain': m0008auditChain,
  '0010-offline': m0010offline,
  '0011-performance': m0011performance,
  '0012-notifications': m0012notifications,
  '0013-name-bigrams': m0013nameBigrams,
  '0014-offline-ending-notice': m0014offlineEndingNotice,
  '0015-attempt-counters': m0015attemptCounters,
  '0016-request-state-check': m0016requestStateCheck,
  '0017-work-reports': m0017workReports,
  '0018-supervision-reports': m0018supervisionReports,
  '0019-report-alerts': m0019reportAlerts,
  '0020-list-request-filters': m0020listRequestFilters,
  '0022-org-units-list-order': m0022orgUnitsListOrder,
  '0023-drop-name-trgm': m0023dropNameTrgm,
};
