// Deadline reminders and escalations: a step past N working days reminds the unit holding it (once), a step past
// 2N working days tells that unit's parent (once). Each alert is recorded in step_alerts in the transaction that
// queues its mails, so running the job again — or on two instances — sends nothing twice. The 年度报表's alerts run
// in the same job (report-alerts.ts).
import { sql } from 'kysely';
import { escalationMail, type RequestFacts, reminderMail, unitAddresses } from '../../../domain/notifications.ts';
import { deadlineCutoffs, stepDeadline } from '../../../domain/working-days.ts';
import type { AppContext, Trx } from '../../context.ts';
import { deadlineRuleOf } from '../../deadline-rule.ts';
import { JOB_LOCKS, withJobLock } from '../../job-lock.ts';
import { sendReportAlerts } from './report-alerts.ts';
import { loadRequestFacts, loadUnits, queueMails } from './repository.ts';

type AlertKind = 'REMINDER' | 'ESCALATION';
const BATCH = 200;

/** Records up to BATCH new alerts of `kind` for open steps entered before `before`; returns the recorded ones. */
async function recordAlerts(trx: Trx, kind: AlertKind, before: Date, now: Date) {
  const result = await sql<{ request_id: number; org_code: string }>`
    INSERT INTO step_alerts (request_id, step_index, step_entered_at, kind, org_code, created_at)
    SELECT r.id, r.step_index, r.step_entered_at, ${kind}, r.current_org, ${now}
    FROM requests r
    WHERE r.current_org IS NOT NULL AND r.state IN ('SUBMITTED', 'IN_REVIEW') AND r.step_entered_at < ${before}
      AND NOT EXISTS (SELECT 1 FROM step_alerts a WHERE a.request_id = r.id AND a.step_index = r.step_index
        AND a.step_entered_at = r.step_entered_at AND a.kind = ${kind})
    ORDER BY r.step_entered_at, r.id
    LIMIT ${BATCH}
    ON CONFLICT DO NOTHING
    RETURNING request_id, org_code`.execute(trx);
  return result.rows.map((r) => ({ requestId: Number(r.request_id), orgCode: r.org_code }));
}

async function queueAlert(
  ctx: AppContext,
  trx: Trx,
  kind: AlertKind,
  alert: { requestId: number; orgCode: string },
  now: Date,
): Promise<number> {
  const req = await loadRequestFacts(trx, alert.requestId);
  if (!req) return 0;
  const rule = deadlineRuleOf(ctx.config);
  const waited = stepDeadline(req.stepEnteredAt, now, rule).waitingDays;
  const facts: RequestFacts = { type: req.type, siteName: req.siteName, homeUrl: req.homeUrl, siteCode: req.siteCode };
  const holder = (await loadUnits(trx, [alert.orgCode])).get(alert.orgCode);
  if (!holder) return 0;
  if (kind === 'REMINDER') {
    const text = reminderMail(facts, holder.name, waited, rule.days);
    return queueMails(trx, unitAddresses(holder), { kind, requestId: req.id, text, at: now });
  }
  if (!holder.parentCode) return 0;
  const parent = (await loadUnits(trx, [holder.parentCode])).get(holder.parentCode);
  if (!parent) return 0;
  const text = escalationMail(facts, parent.name, holder.name, waited);
  return queueMails(trx, unitAddresses(parent, true), { kind, requestId: req.id, text, at: now });
}

export interface DeadlineRunResult {
  status: 'DONE' | 'LOCKED';
  reminders: number;
  escalations: number;
  mails: number;
  /** Alerts of the 年度报表 (report-alerts.ts), their mails counted in `mails`. */
  reportAlerts: number;
}

async function run(ctx: AppContext, now: Date): Promise<DeadlineRunResult> {
  const cutoffs = deadlineCutoffs(now, deadlineRuleOf(ctx.config));
  const result: DeadlineRunResult = { status: 'DONE', reminders: 0, escalations: 0, mails: 0, reportAlerts: 0 };
  const passes: [AlertKind, Date][] = [
    ['REMINDER', cutoffs.overdueBefore],
    ['ESCALATION', cutoffs.escalatedBefore],
  ];
  for (const [kind, before] of passes) {
    for (;;) {
      const recorded = await ctx.db.transaction().execute(async (trx) => {
        const alerts = await recordAlerts(trx, kind, before, now);
        for (const alert of alerts) result.mails += await queueAlert(ctx, trx, kind, alert, now);
        return alerts.length;
      });
      if (kind === 'REMINDER') result.reminders += recorded;
      else result.escalations += recorded;
      if (recorded < BATCH) break;
    }
  }
  const reports = await sendReportAlerts(ctx, now);
  result.reportAlerts = reports.alerts;
  result.mails += reports.mails;
  return result;
}

/** The hourly deadline job (also run directly by tests with a moved clock). */
export async function runDeadlineAlerts(ctx: AppContext): Promise<DeadlineRunResult> {
  const locked = await withJobLock(ctx, JOB_LOCKS.deadlineAlerts, () => run(ctx, ctx.clock.now()));
  return locked.acquired ? locked.value : { status: 'LOCKED', reminders: 0, escalations: 0, mails: 0, reportAlerts: 0 };
}
