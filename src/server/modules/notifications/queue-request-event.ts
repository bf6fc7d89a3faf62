// queueRequestEvent(trx, event): the one entry point other modules call, inside the transaction of a state change,
// after the change is written. It queues the e-mails (outbox) and the 填报单位's in-app notice in that transaction,
// so they commit or roll back with the change; sending happens later in the mail worker and can never block it.
import type { RawBuilder } from 'kysely';
import type { MailKind, RequestState } from '../../../db/schema.ts';
import {
  arrivedMail,
  finalApprovedMail,
  issuedMail,
  MAIL_SUBJECT_PREFIX,
  type MailText,
  mailAddresses,
  offlineMail,
  type RequestFacts,
  returnedMail,
  sitePeople,
  stepApprovedMail,
  unitAddresses,
} from '../../../domain/notifications.ts';
import type { RequestAction } from '../../../domain/requests.ts';
import { RUN_STATUS_LABELS, type SiteRunStatus } from '../../../domain/status-labels.ts';
import type { Db, Trx } from '../../context.ts';
import {
  type DecisionFacts,
  loadRequestFacts,
  loadRequestFactsAndUnits,
  loadUnits,
  mailsAndNoticesInsertFrom,
  queueMails,
  queueMailsAndNotices,
  type RequestFactsRow,
  type UnitPeople,
} from './repository.ts';

export type RequestEvent =
  /** The request (new, resubmitted, or a 填报单位's change/offline request) reached the first unit of its chain. */
  | { type: 'SUBMITTED'; requestId: number; at: Date }
  /** A unit approved its step: the request moved to the next unit, or this was the final approval. */
  | { type: 'APPROVED'; requestId: number; at: Date; byOrg: string }
  /** A unit returned (退回 / 驳回) the request with a reason. */
  | { type: 'RETURNED'; requestId: number; at: Date; byOrg: string; reason: string }
  /** The 16:00 batch issued the 网站标识码 (the 校验码 is never part of any notification). */
  | { type: 'ISSUED'; requestId: number; at: Date }
  /** The offline module: a site went offline / came back; `detail` is its own sentence (Chinese). */
  | { type: 'OFFLINE_STARTED' | 'OFFLINE_ENDED'; requestId: number; at: Date; detail: string };

export type DecisionEvent = Extract<RequestEvent, { type: 'APPROVED' | 'RETURNED' }>;

/** The event of a review decision, for the review use cases (APPROVE / RETURN; 提交 moves no step). */
export function decisionEvent(input: {
  action: RequestAction;
  requestId: number;
  at: Date;
  byOrg: string;
  reason?: string | null;
}): DecisionEvent | null {
  const { action, requestId, at, byOrg } = input;
  if (action === 'APPROVE') return { type: 'APPROVED', requestId, at, byOrg };
  if (action === 'RETURN') return { type: 'RETURNED', requestId, at, byOrg, reason: input.reason ?? '' };
  return null;
}

/** Run statuses in which the site is off the internet (PERM_OFFLINE_PENDING still runs until 完成下线). */
const OFF: ReadonlySet<string> = new Set(['TEMP_OFFLINE', 'EMERGENCY_OFFLINE', 'PERM_OFFLINE']);

/**
 * The event of a run-status change made for an offline request (the offline module's changeRunStatus): the site
 * went offline, or came back to normal. Other changes (例外, 删除 …, or without a request) tell nobody.
 */
export function runStatusEvent(input: {
  requestId: number | null;
  from: string;
  to: string;
  until: string | null;
  at: Date;
  action: string;
}): RequestEvent | null {
  const { requestId, from, to, at } = input;
  if (requestId === null) return null;
  const label = (status: string) => RUN_STATUS_LABELS[status as SiteRunStatus] ?? status;
  const detail = `网站运行状态由「${label(from)}」变为「${label(to)}」（${input.action}${input.until ? `，至 ${input.until}` : ''}）。`;
  if (!OFF.has(from) && OFF.has(to)) return { type: 'OFFLINE_STARTED', requestId, at, detail };
  if (OFF.has(from) && to === 'NORMAL') return { type: 'OFFLINE_ENDED', requestId, at, detail };
  return null;
}

function factsOf(req: RequestFactsRow): RequestFacts {
  return { type: req.type, siteName: req.siteName, homeUrl: req.homeUrl, siteCode: req.siteCode };
}

/** The site's mail (to its 负责人 / 联系人, respecting their notify flags) and the notice on its home page. */
function siteMessages(req: Pick<RequestFactsRow, 'id' | 'siteId' | 'info'>, kind: MailKind, text: MailText, at: Date) {
  const title = text.subject.startsWith(MAIL_SUBJECT_PREFIX)
    ? text.subject.slice(MAIL_SUBJECT_PREFIX.length)
    : text.subject;
  return {
    mail: { to: mailAddresses(sitePeople(req.info)), mail: { kind, requestId: req.id, text, at } },
    notice: { siteId: req.siteId, requestId: req.id, kind, text: { ...text, subject: title }, at },
  };
}

/** Mails the site's 负责人 / 联系人 and leaves the notice on its home page. */
async function tellSite(trx: Trx, req: RequestFactsRow, kind: MailKind, text: MailText, at: Date): Promise<void> {
  const { mail, notice } = siteMessages(req, kind, text, at);
  await queueMailsAndNotices(trx, [mail], [notice]);
}

/** The mail to the unit that must act now (`unit`, already loaded), if any. */
function currentUnitMail(req: RequestFactsRow, unit: UnitPeople | undefined, at: Date) {
  if (!req.currentOrg || !unit) return null;
  return {
    to: unitAddresses(unit),
    mail: { kind: 'ARRIVED' as const, requestId: req.id, text: arrivedMail(factsOf(req), unit.name, at), at },
  };
}

/** Mails the unit that must act now. */
async function tellCurrentUnit(trx: Trx, req: RequestFactsRow, at: Date): Promise<void> {
  if (!req.currentOrg) return;
  const mail = currentUnitMail(req, (await loadUnits(trx, [req.currentOrg])).get(req.currentOrg), at);
  if (mail) await queueMails(trx, mail.to, mail.mail);
}

/** The mails and notices of a decision, from the request as the decision left it and the units it names. */
function decisionMessages(req: RequestFactsRow, units: ReadonlyMap<string, UnitPeople>, event: DecisionEvent) {
  const facts = factsOf(req);
  const at = event.at;
  const byName = units.get(event.byOrg)?.name ?? event.byOrg;
  if (event.type === 'RETURNED') {
    const { mail, notice } = siteMessages(req, 'RETURNED', returnedMail(facts, byName, event.reason, at), at);
    return { mails: [mail], notices: [notice] };
  }
  if (req.currentOrg) {
    // The site's and the next unit's mails (one approval = one step).
    const next = units.get(req.currentOrg);
    const text = stepApprovedMail(facts, byName, next?.name ?? req.currentOrg, at);
    const { mail, notice } = siteMessages(req, 'STEP_APPROVED', text, at);
    const arrived = currentUnitMail(req, next, at);
    return { mails: arrived ? [mail, arrived] : [mail], notices: [notice] };
  }
  if (req.state === 'CODE_PENDING' || req.state === 'DONE') {
    const { mail, notice } = siteMessages(req, 'FINAL_APPROVED', finalApprovedMail(facts, byName, at), at);
    return { mails: [mail], notices: [notice] };
  }
  return { mails: [], notices: [] };
}

/**
 * A decision's mails and notice computed before its compare-and-set, from the request as it will be (`after`), as
 * data-modifying CTEs for `applyTransition`'s `alsoWrite`: they commit only with the move, in its round trip. For
 * decisions that change nothing else the messages describe (the caller's choice); others use `queueRequestEvent`.
 */
export async function plannedDecisionMessages(
  trx: Db | Trx,
  event: DecisionEvent,
  after: { state: RequestState; stepIndex: number; currentOrg: string | null },
  /** The facts and units read with the request (its chain's units and the deciding one), if the caller has them. */
  preloaded?: DecisionFacts,
): Promise<((source: string) => RawBuilder<unknown>[]) | null> {
  const loaded =
    preloaded ?? (await loadRequestFactsAndUnits(trx, event.requestId, [event.byOrg, after.currentOrg ?? '']));
  if (!loaded) return null;
  const { mails, notices } = decisionMessages({ ...loaded.facts, ...after }, loaded.units, event);
  return (source) => mailsAndNoticesInsertFrom(source, mails, notices);
}

export async function queueRequestEvent(trx: Trx, event: RequestEvent): Promise<void> {
  if (event.type === 'APPROVED' || event.type === 'RETURNED') {
    // A decision's mails name its unit (and the next one): loaded with the request's facts in one statement.
    const loaded = await loadRequestFactsAndUnits(trx, event.requestId, [event.byOrg]);
    if (!loaded) return;
    const { mails, notices } = decisionMessages(loaded.facts, loaded.units, event);
    await queueMailsAndNotices(trx, mails, notices);
    return;
  }
  const req = await loadRequestFacts(trx, event.requestId);
  if (!req) return;
  const facts = factsOf(req);
  const at = event.at;
  switch (event.type) {
    case 'SUBMITTED':
      await tellCurrentUnit(trx, req, at);
      return;
    case 'ISSUED':
      if (req.siteCode) await tellSite(trx, req, 'ISSUED', issuedMail({ ...facts, siteCode: req.siteCode }, at), at);
      return;
    case 'OFFLINE_STARTED':
    case 'OFFLINE_ENDED': {
      const started = event.type === 'OFFLINE_STARTED';
      await tellSite(trx, req, event.type, offlineMail(facts, started, event.detail, at), at);
      return;
    }
  }
}

/** What the ISSUED mail and notice of one request say: its site as the batch's chunk issued it. */
export interface IssuedRequest {
  requestId: number;
  type: RequestFacts['type'];
  siteId: number;
  name: string;
  homeUrl: string;
  siteCode: string;
  info: Record<string, unknown>;
}

/**
 * The ISSUED event of many requests at once (the 16:00 batch's chunks): the same mails and notices as
 * `queueRequestEvent` for each, in one statement, from the facts the chunk's writes returned.
 */
export async function queueIssuedEvents(trx: Trx, issued: readonly IssuedRequest[], at: Date): Promise<void> {
  const messages = issued.map((x) => {
    const facts = { type: x.type, siteName: x.name, homeUrl: x.homeUrl, siteCode: x.siteCode };
    const req = { id: x.requestId, siteId: x.siteId, info: x.info };
    return siteMessages(req, 'ISSUED', issuedMail(facts, at), at);
  });
  await queueMailsAndNotices(
    trx,
    messages.map((m) => m.mail),
    messages.map((m) => m.notice),
  );
}
