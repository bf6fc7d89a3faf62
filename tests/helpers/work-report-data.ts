// A complete, consistent 工作年度报表 for tests (unit and integration).
import { WORK_REPORT_FIELDS, type WorkReportData } from '../../src/domain/annual-report/work-report-fields.ts';

/** A complete, consistent report. */
export function completeReport(): WorkReportData {
  const data: WorkReportData = {};
  for (const f of WORK_REPORT_FIELDS) {
    data[f.key] = f.kind === 'yesNo' ? true : f.kind === 'text' ? `${f.label}值` : f.kind === 'days' ? 2.5 : 10;
  }
  return { ...data, totalVisits: 1000, infoTotal: 100, interpretTotal: 30, casesTotal: 40, serviceItems: 20 };
}
