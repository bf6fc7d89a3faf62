// The notification jobs (issue 9), one scheduler entry each: the mail worker (every 30 s), the deadline reminders
// and escalations (hourly), and the 08:00 daily digest. Each takes its own advisory lock and is idempotent.
import { sendDailyDigests } from '../server/modules/notifications/daily-digest.ts';
import { runDeadlineAlerts } from '../server/modules/notifications/deadline-alerts.ts';
import { sendPendingMails } from '../server/modules/notifications/send-pending-mails.ts';
import type { JobDefinition } from './job.ts';

export const mailWorkerJob: JobDefinition = {
  name: 'mail-worker',
  schedule: '*/30 * * * * *',
  run: async (ctx, _trigger, signal) => {
    const r = await sendPendingMails(ctx, signal ? { signal } : {});
    return `${r.status}: sent ${r.sent}, retry ${r.retried}, failed ${r.failed}, skipped ${r.skipped}`;
  },
};

export const deadlineAlertsJob: JobDefinition = {
  name: 'deadline-alerts',
  // Hourly: a step crosses its deadline at midnight; reminders go out in the first hour of the working day.
  schedule: '0 10 * * * *',
  run: async (ctx) => {
    const r = await runDeadlineAlerts(ctx);
    return `${r.status}: ${r.reminders} reminders, ${r.escalations} escalations, ${r.reportAlerts} report alerts, ${r.mails} mails queued`;
  },
};

export const dailyDigestJob: JobDefinition = {
  name: 'daily-digest',
  schedule: '0 0 8 * * *',
  run: async (ctx) => {
    const r = await sendDailyDigests(ctx);
    return `${r.status}: ${r.users} users with the digest on, ${r.queued} digests queued`;
  },
};
