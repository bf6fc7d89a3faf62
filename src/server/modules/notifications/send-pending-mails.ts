// The mail worker's run: sends the due PENDING mails of the outbox one by one, with exponential retries; a mail that
// keeps failing ends FAILED after MAX_MAIL_ATTEMPTS. Without SMTP configured, pending mails are marked SKIPPED
// (未发送) instead, so enabling SMTP later does not flood people with stale news.
import type { AppContext, Db } from '../../context.ts';
import { JOB_LOCKS, withJobLock } from '../../job-lock.ts';
import { createSmtpMailer, isConnectionError, type Mailer } from './mailer.ts';

export const MAX_MAIL_ATTEMPTS = 10;
export const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 6 * 3600_000;
export const SMTP_OFF_MESSAGE = '未配置邮件服务器（GOVSITE_SMTP_HOST），邮件未发送';

/** Delay before attempt `attempts + 1`: 30 s, 1 min, 2 min … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export interface MailRunResult {
  status: 'DONE' | 'LOCKED' | 'SMTP_OFF';
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

export interface SendPendingOptions {
  /** Defaults to a nodemailer transport built from `ctx.config.mail`. */
  mailer?: Mailer | null;
  /** Mails tried per run. */
  limit?: number;
  signal?: AbortSignal;
}

async function markSkipped(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'SKIPPED', last_error: SMTP_OFF_MESSAGE })
    .where('status', '=', 'PENDING')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

async function drain(ctx: AppContext, mailer: Mailer, options: SendPendingOptions): Promise<MailRunResult> {
  const result: MailRunResult = { status: 'DONE', sent: 0, retried: 0, failed: 0, skipped: 0 };
  const due = await ctx.db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'body', 'attempts'])
    .where('status', '=', 'PENDING')
    .where('next_attempt_at', '<=', ctx.clock.now())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute();
  for (const mail of due) {
    if (options.signal?.aborted) break;
    const attempts = mail.attempts + 1;
    try {
      await mailer.send({ id: mail.id, to: mail.to_address, subject: mail.subject, text: mail.body });
      await ctx.db
        .updateTable('mail_outbox')
        .set({ status: 'SENT', attempts, sent_at: ctx.clock.now(), last_error: null })
        .where('id', '=', mail.id)
        .where('status', '=', 'PENDING')
        .execute();
      result.sent++;
    } catch (error) {
      const giveUp = attempts >= MAX_MAIL_ATTEMPTS;
      await ctx.db
        .updateTable('mail_outbox')
        .set({
          status: giveUp ? 'FAILED' : 'PENDING',
          attempts,
          last_error: errorText(error),
          next_attempt_at: new Date(ctx.clock.now().getTime() + retryDelayMs(attempts)),
        })
        .where('id', '=', mail.id)
        .where('status', '=', 'PENDING')
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
      // The server is down: the other mails wait for the next run rather than each spending an attempt.
      if (isConnectionError(error)) break;
    }
  }
  return result;
}

/** One run of the mail worker (every 30 s), under its advisory lock. Also called directly by tests. */
export async function sendPendingMails(ctx: AppContext, options: SendPendingOptions = {}): Promise<MailRunResult> {
  const locked = await withJobLock(ctx, JOB_LOCKS.mailWorker, async () => {
    const mailer = options.mailer === undefined ? createSmtpMailer(ctx.config.mail) : options.mailer;
    if (!mailer) {
      const skipped = await markSkipped(ctx.db, ctx.clock.now());
      return { status: 'SMTP_OFF' as const, sent: 0, retried: 0, failed: 0, skipped };
    }
    try {
      return await drain(ctx, mailer, options);
    } finally {
      // A mailer passed in belongs to the caller.
      if (options.mailer === undefined) mailer.close();
    }
  });
  return locked.acquired ? locked.value : { status: 'LOCKED', sent: 0, retried: 0, failed: 0, skipped: 0 };
}
