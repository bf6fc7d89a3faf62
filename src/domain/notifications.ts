// The words of every notification (issue 9, SPEC §15): e-mail subjects and bodies, the 填报单位's in-app notices,
// and who among a record's people receives them. Pure; never given a 校验码, so no mail can carry one.

import { formatDateMinuteCN } from './dates.ts';
import { REQUEST_TYPE_LABELS, type RequestType } from './requests.ts';
import { EMAIL_RE } from './validation/email.ts';

export const MAIL_SUBJECT_PREFIX = '【政府网站信息报送系统】';

/** A person of a record: 负责人 / 联系人 of a site (sites.info) or of an organizing unit (org_units). */
export interface NotifiablePerson {
  name?: unknown;
  email?: unknown;
  /** SPEC §5.1 #23 是否接收邮件/短信通知; UCAP's copy calls it `emailReceive`. Absent = receive. */
  notify?: unknown;
  emailReceive?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** False only when the person said no to e-mail (`notify.email === false` or `emailReceive === false`). */
export function wantsEmail(person: NotifiablePerson): boolean {
  if (person.emailReceive === false) return false;
  if (isRecord(person.notify) && person.notify.email === false) return false;
  return true;
}

/** The usable, distinct (case-insensitive) addresses of `people`, in order, skipping those who opted out. */
export function mailAddresses(people: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const person of people) {
    if (!isRecord(person) || !wantsEmail(person)) continue;
    const email = typeof person.email === 'string' ? person.email.trim() : '';
    if (!EMAIL_RE.test(email) || email.length > 254) continue;
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(email);
  }
  return out;
}

/** 负责人 then 联系人 of a site's basic information. */
export function sitePeople(info: Record<string, unknown>): unknown[] {
  const contacts = Array.isArray(info.contacts) ? info.contacts : [];
  return [info.principal, ...contacts];
}

/**
 * Who at an organizing unit is told that something waits for it: its 联系人 (the people doing the daily work);
 * the 负责人 only when no 联系人 has a usable address. Escalations go to both (`withPrincipal`).
 */
export function unitAddresses(
  unit: { principal: unknown; contacts: readonly unknown[] },
  withPrincipal = false,
): string[] {
  const contacts = mailAddresses(unit.contacts);
  if (withPrincipal) return mailAddresses([unit.principal, ...unit.contacts]);
  return contacts.length > 0 ? contacts : mailAddresses([unit.principal]);
}

export interface MailText {
  subject: string;
  body: string;
}

/** What every message is about. */
export interface RequestFacts {
  type: RequestType;
  siteName: string;
  homeUrl: string;
  /** 网站标识码, when the site has one. */
  siteCode: string | null;
}

const FOOTER = '\n\n（本邮件由政府网站信息报送系统自动发送，请勿直接回复。）';
const dateTime = formatDateMinuteCN;

function factLines(f: RequestFacts): string {
  const lines = [`申请类型：${REQUEST_TYPE_LABELS[f.type]}`, `网站名称：${f.siteName}`, `首页网址：${f.homeUrl}`];
  if (f.siteCode) lines.push(`网站标识码：${f.siteCode}`);
  return lines.map((l) => `  ${l}`).join('\n');
}

const subjectOf = (what: string, f: RequestFacts) =>
  `${MAIL_SUBJECT_PREFIX}${what}：${f.siteName}（${REQUEST_TYPE_LABELS[f.type]}）`;

/** To the unit that must act now: 「【政府网站信息报送系统】待审核：<网站名称>（新增网站）」. */
export function arrivedMail(f: RequestFacts, unitName: string, at: Date): MailText {
  return {
    subject: subjectOf('待审核', f),
    body: `${unitName}：\n\n有一项申请于 ${dateTime(at)} 送达贵单位，等待审核：\n${factLines(f)}\n\n请登录系统，在「待办」中及时办理；超过办理时限的申请将标记为「逾期」并提示上级组织单位。${FOOTER}`,
  };
}

/** To the site's people and its in-app notices: one step approved, the next unit reviews now. */
export function stepApprovedMail(f: RequestFacts, byUnit: string, nextUnit: string, at: Date): MailText {
  return {
    subject: subjectOf('审核进度', f),
    body: `您好：\n\n您单位的申请已于 ${dateTime(at)} 通过${byUnit}审核，现转${nextUnit}审核：\n${factLines(f)}${FOOTER}`,
  };
}

export function finalApprovedMail(f: RequestFacts, byUnit: string, at: Date): MailText {
  const next =
    f.type === 'NEW_SITE'
      ? '\n\n网站标识码将于审核通过当天 16:00（16:00 以后审核通过的为次日 16:00）自动生成，届时将另行通知。'
      : '';
  return {
    subject: subjectOf('审核通过', f),
    body: `您好：\n\n您单位的申请已于 ${dateTime(at)} 由${byUnit}审核通过（已办结）：\n${factLines(f)}${next}${FOOTER}`,
  };
}

export function returnedMail(f: RequestFacts, byUnit: string, reason: string, at: Date): MailText {
  const how = f.type === 'NEW_SITE' ? '请使用临时码在首页「查询进度」中修改后重新提交。' : '请登录系统修改后重新提交。';
  return {
    subject: subjectOf('审核未通过', f),
    body: `您好：\n\n您单位的申请已于 ${dateTime(at)} 被${byUnit}退回：\n${factLines(f)}\n  退回原因：${reason}\n\n${how}${FOOTER}`,
  };
}

/** The 标识码 only: the 校验码 is never mailed; it is shown once by the 临时码 progress query. */
export function issuedMail(f: RequestFacts & { siteCode: string }, at: Date): MailText {
  return {
    subject: `${MAIL_SUBJECT_PREFIX}网站标识码已生成：${f.siteName}`,
    body: `您好：\n\n您单位申请的网站已于 ${dateTime(at)} 生成网站标识码：\n${factLines(f)}\n\n校验码不通过邮件发送：请使用临时码在首页「查询进度」中查看，并妥善保管。以网站标识码和校验码登录后，请完善网站基本信息和栏目信息。${FOOTER}`,
  };
}

/** Offline start / end, emitted by the offline module; `detail` says what happened in its words. */
export function offlineMail(f: RequestFacts, started: boolean, detail: string, at: Date): MailText {
  return {
    subject: subjectOf(started ? '网站已下线' : '网站已恢复', f),
    body: `您好：\n\n${dateTime(at)}：${detail}\n${factLines(f)}${FOOTER}`,
  };
}

/**
 * The day before a temporary offline ends (the site is restored automatically at 00:00 of `until`) or an emergency
 * offline reaches its expected online date (SPEC §15).
 */
export function offlineEndingMail(f: RequestFacts, kind: 'TEMP' | 'EMERGENCY', until: string): MailText {
  const what =
    kind === 'TEMP'
      ? `临时下线将于 ${until} 到期，届时系统自动将网站运行状态恢复为「正常」。请在此之前恢复网站访问；需要继续下线的，请及时与审核单位联系。`
      : `紧急下线的预计上线日期为 ${until}，届时系统自动将网站运行状态恢复为「正常」。请确保网站按期恢复访问。`;
  return {
    subject: subjectOf('网站明天恢复运行', f),
    body: `您好：\n\n${what}\n${factLines(f)}${FOOTER}`,
  };
}

export function reminderMail(f: RequestFacts, unitName: string, waitingDays: number, deadlineDays: number): MailText {
  return {
    subject: subjectOf('审核逾期提醒', f),
    body: `${unitName}：\n\n以下申请已在贵单位等待 ${waitingDays} 个工作日，超过 ${deadlineDays} 个工作日的办理时限（逾期）：\n${factLines(f)}\n\n请尽快登录系统办理；再超过 ${deadlineDays} 个工作日仍未办理的，将提示上级组织单位。${FOOTER}`,
  };
}

export function escalationMail(f: RequestFacts, parentName: string, holderName: string, waitingDays: number): MailText {
  return {
    subject: subjectOf('下级审核超期', f),
    body: `${parentName}：\n\n下级组织单位「${holderName}」有一项申请已等待 ${waitingDays} 个工作日仍未办理：\n${factLines(f)}\n\n请登录系统在「待办 - 下级超期」中查看并督促办理。${FOOTER}`,
  };
}

/** 类型 of the 年度报表 waiting in a unit's 待办 (beside the request types). */
const REPORT_ITEM_LABELS = { WORK_REPORT: '工作年度报表', SUPERVISION_REPORT: '监管年度报表' } as const;

export interface DigestItem {
  type: RequestType | keyof typeof REPORT_ITEM_LABELS;
  siteName: string;
  waitingDays: number;
  overdue: boolean;
}

export const DIGEST_MAX_ITEMS = 50;

export function digestMail(
  userName: string,
  unitName: string,
  open: { items: readonly DigestItem[]; total: number; overdue: number },
): MailText {
  const lines = open.items
    .slice(0, DIGEST_MAX_ITEMS)
    .map(
      (i, n) =>
        `  ${n + 1}. ${i.siteName}（${i.type === 'WORK_REPORT' || i.type === 'SUPERVISION_REPORT' ? REPORT_ITEM_LABELS[i.type] : REQUEST_TYPE_LABELS[i.type]}），已等待 ${i.waitingDays} 个工作日${i.overdue ? '，逾期' : ''}`,
    );
  const more = open.total > lines.length ? `\n  ……另有 ${open.total - lines.length} 项，请登录系统查看。` : '';
  return {
    subject: `${MAIL_SUBJECT_PREFIX}每日待办：${unitName}共 ${open.total} 项${open.overdue > 0 ? `（逾期 ${open.overdue} 项）` : ''}`,
    body: `${userName}：\n\n${unitName}当前有 ${open.total} 项待办：\n${lines.join('\n')}${more}\n\n如不再需要每日汇总，可在「待办」页面关闭。${FOOTER}`,
  };
}
