// A real SMTP listener on 127.0.0.1 for the notification tests (smtp-server), keeping every delivered mail with its
// subject and text decoded; it can be stopped and started again on the same port to simulate an outage.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  raw: string;
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_m, _charset: string, enc: string, data: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
    const bytes = data
      .replace(/_/g, ' ')
      .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Enough MIME for nodemailer's single-part text mails. */
export function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = (split >= 0 ? raw.slice(0, split) : raw).replace(/\r\n[ \t]+/g, ' ');
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const header = (name: string) =>
    head
      .split('\r\n')
      .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { subject: decodeWords(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

export interface SmtpListener {
  port: number;
  mails: CapturedMail[];
  /** Mails delivered to `address` (case-insensitive). */
  to(address: string): CapturedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

function createServer(mails: CapturedMail[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        mails.push({
          to: envelope.rcptTo.map((r) => r.address),
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
}

export async function startSmtpListener(): Promise<SmtpListener> {
  const mails: CapturedMail[] = [];
  let server = createServer(mails);
  const listen = (s: SMTPServer, port: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve((s.server.address() as AddressInfo).port));
    });
  const port = await listen(server, 0);
  let running = true;
  return {
    port,
    mails,
    to: (address) => mails.filter((m) => m.to.some((a) => a.toLowerCase() === address.toLowerCase())),
    async stop() {
      if (!running) return;
      running = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      if (running) return;
      server = createServer(mails);
      await listen(server, port);
      running = true;
    },
  };
}
