// The SMTP side of the mail worker (nodemailer), behind a small interface so the worker is tested against a real
// SMTP listener and nothing else knows about transports.
import type { Transporter } from 'nodemailer';
import type { MailConfig } from '../../../config.ts';

export interface OutgoingMail {
  id: number;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Short timeouts: a dead server must not hold the worker for minutes (the defaults are 2 minutes). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** null when SMTP is not configured (GOVSITE_SMTP_HOST unset). */
export function createSmtpMailer(config: MailConfig): Mailer | null {
  const smtp = config.smtp;
  if (!smtp) return null;
  // nodemailer is imported by the first mail sent, not at the server's start-up.
  let transport: Promise<Transporter> | undefined;
  const open = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
        ...TIMEOUTS,
      }),
    );
    return transport;
  };
  return {
    async send(mail) {
      await (await open()).sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'X-GovSite-Outbox-Id': String(mail.id) },
      });
    },
    close: () => {
      transport?.then(
        (t) => t.close(),
        () => {},
      );
    },
  };
}

/** Errors that mean "the server cannot be reached now": the run stops instead of failing every queued mail. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ETLS', 'EAUTH']);

export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return CONNECTION_CODES.has(String(error.code));
}
