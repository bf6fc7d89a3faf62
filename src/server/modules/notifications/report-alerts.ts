// Reminders and escalations of the 年度报表 (issue 21), run with the hourly deadline job:
// - a submitted report waiting for review past N working days (GOVSITE_REVIEW_DEADLINE_DAYS) reminds the reviewing
//   unit once; past 2N it tells that unit's parent once (a 监管年度报表 is reviewed by the root: reminder only);
// - from FILL_REMINDER_WORKING_DAYS working days before the 填报截止, each 填报单位 that has not submitted is reminded
//   once; after the 填报截止 (until the 发布截止) each 本级组织单位 gets one mail listing its sites that have not.
// Each alert is claimed in report_alerts in the transaction that queues its mails: nothing is sent twice.
import {
  FILL_REMINDER_WORKING_DAYS,
  fillOverdueMail,
  fillReminderMail,
  reportReviewEscalationMail,
  reportReviewReminderMail,
} from '../../../domain/annual-report/report-alert-mail.ts';
import { reportYearAt } from '../../../domain/annual-report/work-report-window.ts';
import { formatDateCN } from '../../../domain/dates.ts';
import { mailAddresses, sitePeople, unitAddresses } from '../../../domain/notifications.ts';
import { type DeadlineRule, deadlineCutoffs, stepDeadline, workingDaysBetween } from '../../../domain/working-days.ts';
import type { AppContext, Trx } from '../../context.ts';
import { deadlineRuleOf } from '../../deadline-rule.ts';
import { reportWindowOf } from '../../report-window.ts';
import {
  claimReportAlert,
  listReportsWaitingSince,
  listUnsubmittedSites,
  recordedAlertKeys,
  type WaitingReportRow,
} from './report-alerts-repository.ts';
import { loadUnits, queueMails } from './repository.ts';

export interface ReportAlertsResult {
  /** Alerts recorded this run (reminders and escalations of every kind). */
  alerts: number;
  mails: number;
}

const reviewKey = (kind: 'REMINDER' | 'ESCALATION', r: WaitingReportRow) =>
  `${r.kind}:review:${kind}:${r.id}:${r.submittedAt.getTime()}`;

async function reviewAlerts(trx: Trx, rule: DeadlineRule, now: Date, out: ReportAlertsResult): Promise<void> {
  const cutoffs = deadlineCutoffs(now, rule);
  const passes = [
    ['REMINDER', cutoffs.overdueBefore],
    ['ESCALATION', cutoffs.escalatedBefore],
  ] as const;
  for (const [kind, before] of passes) {
    const waiting = await listReportsWaitingSince(trx, before);
    const done = await recordedAlertKeys(
      trx,
      waiting.map((r) => reviewKey(kind, r)),
    );
    for (const report of waiting.filter((r) => !done.has(reviewKey(kind, r)))) {
      const holder = (await loadUnits(trx, [report.reviewerCode])).get(report.reviewerCode);
      if (!holder) continue;
      // The root has no parent: its reports are reminded, never escalated.
      const parent =
        kind === 'ESCALATION' && holder.parentCode
          ? (await loadUnits(trx, [holder.parentCode])).get(holder.parentCode)
          : undefined;
      if (kind === 'ESCALATION' && !parent) continue;
      const claimed = await claimReportAlert(trx, {
        key: reviewKey(kind, report),
        kind,
        orgCode: holder.code,
        at: now,
      });
      if (!claimed) continue;
      out.alerts++;
      const waited = stepDeadline(report.submittedAt, now, rule).waitingDays;
      if (!parent) {
        const text = reportReviewReminderMail(report, holder.name, waited, rule.days);
        out.mails += await queueMails(trx, unitAddresses(holder), { kind, requestId: null, text, at: now });
        continue;
      }
      const text = reportReviewEscalationMail(report, parent.name, holder.name, waited);
      out.mails += await queueMails(trx, unitAddresses(parent, true), { kind, requestId: null, text, at: now });
    }
  }
}

async function fillAlerts(trx: Trx, rule: DeadlineRule, now: Date, out: ReportAlertsResult): Promise<void> {
  const year = reportYearAt(now);
  const window = await reportWindowOf(trx, year);
  const today = formatDateCN(now);
  if (today < window.fillFrom || today > window.publishBy) return;
  const beforeDeadline = today <= window.fillTo;
  if (beforeDeadline && workingDaysBetween(today, window.fillTo, rule.calendar) > FILL_REMINDER_WORKING_DAYS) return;
  const sites = await listUnsubmittedSites(trx, year);
  if (beforeDeadline) {
    const key = (siteId: number) => `WORK_REPORT:fill:REMINDER:${year}:${siteId}`;
    const done = await recordedAlertKeys(
      trx,
      sites.map((s) => key(s.siteId)),
    );
    for (const site of sites.filter((s) => !done.has(key(s.siteId)))) {
      if (!(await claimReportAlert(trx, { key: key(site.siteId), kind: 'REMINDER', orgCode: null, at: now }))) continue;
      out.alerts++;
      const text = fillReminderMail({ year, siteName: site.name, siteCode: site.siteCode, fillTo: window.fillTo });
      out.mails += await queueMails(trx, mailAddresses(sitePeople(site.info)), {
        kind: 'REMINDER',
        requestId: null,
        text,
        at: now,
      });
    }
    return;
  }
  const byUnit = new Map<string, typeof sites>();
  for (const site of sites) byUnit.set(site.orgCode, [...(byUnit.get(site.orgCode) ?? []), site]);
  const key = (orgCode: string) => `WORK_REPORT:fill:ESCALATION:${year}:${orgCode}`;
  const done = await recordedAlertKeys(trx, [...byUnit.keys()].map(key));
  const units = await loadUnits(
    trx,
    [...byUnit.keys()].filter((c) => !done.has(key(c))),
  );
  for (const [orgCode, unitSites] of byUnit) {
    const unit = units.get(orgCode);
    if (!unit) continue;
    if (!(await claimReportAlert(trx, { key: key(orgCode), kind: 'ESCALATION', orgCode, at: now }))) continue;
    out.alerts++;
    const text = fillOverdueMail({
      year,
      unitName: unit.name,
      fillTo: window.fillTo,
      sites: unitSites.map((s) => ({ name: s.name, siteCode: s.siteCode, state: s.state })),
    });
    out.mails += await queueMails(trx, unitAddresses(unit), { kind: 'ESCALATION', requestId: null, text, at: now });
  }
}

/** One pass of every 年度报表 alert, in one transaction; the caller holds the deadline job's lock. */
export async function sendReportAlerts(ctx: AppContext, now: Date): Promise<ReportAlertsResult> {
  const rule = deadlineRuleOf(ctx.config);
  return ctx.db.transaction().execute(async (trx) => {
    const out: ReportAlertsResult = { alerts: 0, mails: 0 };
    await reviewAlerts(trx, rule, now, out);
    await fillAlerts(trx, rule, now, out);
    return out;
  });
}
