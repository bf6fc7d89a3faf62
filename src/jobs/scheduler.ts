// The in-process scheduler: each job is one entry (name, Asia/Shanghai cron pattern, handler, optional start-up
// catch-up). Handlers are idempotent and take their own locks, so running one twice or on two instances does no harm.
import { Cron } from 'croner';
import { purgeAttemptCounters } from '../server/attempt-limits.ts';
import { HOUR } from '../server/clock.ts';
import type { AppContext } from '../server/context.ts';
import { sealAuditLog } from '../server/modules/audit/chain.ts';
import { purgeExpiredSessions } from '../server/plugins/session.ts';
import { closeStaleApplicationsJob } from './close-stale-applications.ts';
import { issueCodesJob } from './issue-codes.ts';
import type { JobDefinition } from './job.ts';
import { linkSweepJob } from './link-sweep.ts';
import { dailyDigestJob, deadlineAlertsJob, mailWorkerJob } from './mail-worker.ts';
import { offlineEndingRemindersJob } from './offline-ending-reminders.ts';
import { offlineRunStatusJob } from './offline-run-status.ts';

export const JOB_TIMEZONE = 'Asia/Shanghai';

/** Adding a job (offline restore, link checks …) is one entry here. */
export const JOBS: readonly JobDefinition[] = [
  // 每天 16:00 生成网站标识码 (SPEC §7.1.4), caught up at start-up.
  issueCodesJob,
  {
    name: 'purge-sessions',
    schedule: '0 7 * * * *',
    run: async (ctx) => {
      const now = ctx.clock.now();
      const sessions = await purgeExpiredSessions(ctx.db, now);
      // Attempt counters outlive their 15-minute windows and locks by a day before they are forgotten.
      const counters = await purgeAttemptCounters(ctx.db, now, 24 * HOUR);
      return `removed ${sessions} expired sessions and ${counters} attempt counters`;
    },
  },
  {
    // Seals new audit entries into the hash chain (migration 0008) every minute.
    name: 'seal-audit',
    schedule: '0 * * * * *',
    run: async (ctx) => `sealed ${await sealAuditLog(ctx.db)} audit entries`,
  },
  // 每天 02:00 检查首页、其他域名和栏目地址 (issue 10), under its own advisory lock and time budget.
  linkSweepJob,
  // 00:00:30 临时/紧急下线到期恢复正常、临时下线按期生效 (issue 7), caught up at start-up.
  offlineRunStatusJob,
  // 00:10 退回 90 天未重新提交的新增网站申请自动关闭 (SPEC §16 item 2), caught up at start-up.
  closeStaleApplicationsJob,
  // 09:00 临时/紧急下线明天到期的提醒 (SPEC §15).
  offlineEndingRemindersJob,
  // Every 30 s: sends the queued mails (issue 9); hourly: 逾期 reminders and escalations; 08:00: daily digests.
  mailWorkerJob,
  deadlineAlertsJob,
  dailyDigestJob,
];

export interface JobLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface Scheduler {
  /** Settles when the start-up catch-ups have finished (whatever their outcome). */
  readonly startupDone: Promise<void>;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

export function startScheduler(
  ctx: AppContext,
  options: { logger: JobLogger; jobs?: readonly JobDefinition[] },
): Scheduler {
  const { logger } = options;
  const jobs = options.jobs ?? JOBS;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  const stopping = new AbortController();

  const launch = (job: JobDefinition, trigger: 'SCHEDULE' | 'STARTUP'): Promise<void> => {
    const run = (async () => {
      try {
        const summary = await job.run(ctx, trigger, stopping.signal);
        logger.info({ job: job.name, trigger }, summary);
      } catch (error) {
        logger.error({ job: job.name, trigger, err: error }, `job ${job.name} failed`);
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };

  // `protect` skips a tick while the previous run of the same job is still going.
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { name: `govsite:${job.name}`, timezone: JOB_TIMEZONE, protect: true }, () =>
        stopped ? undefined : launch(job, 'SCHEDULE'),
      ),
  );

  const startupDone = Promise.all(
    jobs.map(async (job) => {
      if (!job.runAtStartup) return;
      try {
        if (!stopped && (await job.runAtStartup(ctx))) await launch(job, 'STARTUP');
      } catch (error) {
        logger.error({ job: job.name, err: error }, `start-up check of job ${job.name} failed`);
      }
    }),
  ).then(() => undefined);

  return {
    startupDone,
    stop: async () => {
      stopped = true;
      stopping.abort();
      for (const cron of crons) cron.stop();
      await startupDone;
      await Promise.allSettled([...inFlight]);
    },
  };
}
