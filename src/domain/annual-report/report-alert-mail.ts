// The reminder and escalation mails of the 年度报表: a report waiting for review too long, a 填报单位 that has not
// submitted before the 填报截止, and the 本级组织单位's list of its sites that missed it.
import { MAIL_SUBJECT_PREFIX, type MailText } from '../notifications.ts';

const FOOTER = '\n\n（本邮件由政府网站信息报送系统自动发送，请勿直接回复。）';

/** Which report waits: a site's 工作年度报表 or a level-1 unit's 监管年度报表. */
export interface WaitingReport {
  kind: 'WORK_REPORT' | 'SUPERVISION_REPORT';
  year: number;
  /** The site's name (工作年度报表) or the reporting unit's (监管年度报表). */
  name: string;
  siteCode: string | null;
}

function reportTitle(r: WaitingReport): string {
  if (r.kind === 'SUPERVISION_REPORT') return `${r.name}的${r.year}年度政府网站监管年度报表`;
  return `${r.name}${r.siteCode ? `（${r.siteCode}）` : ''}的${r.year}年度政府网站工作年度报表`;
}

const where = (r: WaitingReport) =>
  r.kind === 'SUPERVISION_REPORT' ? '「监管年度报表」' : '「工作年度报表」或「待办」';

export function reportReviewReminderMail(
  r: WaitingReport,
  unitName: string,
  waitingDays: number,
  days: number,
): MailText {
  return {
    subject: `${MAIL_SUBJECT_PREFIX}年度报表审核逾期提醒：${r.name}`,
    body: `${unitName}：\n\n${reportTitle(r)}已提交审核，在贵单位等待 ${waitingDays} 个工作日，超过 ${days} 个工作日的办理时限（逾期）。\n\n请尽快登录系统在${where(r)}中审核；再超过 ${days} 个工作日仍未审核的，将提示上级组织单位。${FOOTER}`,
  };
}

export function reportReviewEscalationMail(
  r: WaitingReport,
  parentName: string,
  holderName: string,
  waitingDays: number,
): MailText {
  return {
    subject: `${MAIL_SUBJECT_PREFIX}下级年度报表审核超期：${r.name}`,
    body: `${parentName}：\n\n下级组织单位「${holderName}」有一份年度报表已等待审核 ${waitingDays} 个工作日仍未办理：\n  ${reportTitle(r)}\n\n请督促其尽快审核。${FOOTER}`,
  };
}

/** To a 填报单位 that has not submitted its 工作年度报表 shortly before the 填报截止. */
export function fillReminderMail(o: {
  year: number;
  siteName: string;
  siteCode: string | null;
  fillTo: string;
}): MailText {
  return {
    subject: `${MAIL_SUBJECT_PREFIX}${o.year}年度工作年度报表即将截止填报`,
    body: `您好：\n\n${o.siteName}${o.siteCode ? `（${o.siteCode}）` : ''}的${o.year}年度政府网站工作年度报表尚未提交，填报将于 ${o.fillTo} 截止。请尽快登录系统填写并提交审核。${FOOTER}`,
  };
}

/** At most this many sites are named in one overdue list; the rest are counted. */
export const FILL_OVERDUE_MAX_SITES = 100;

/** To a 本级组织单位 after the 填报截止: its sites that have not submitted, in one mail. */
export function fillOverdueMail(o: {
  year: number;
  unitName: string;
  fillTo: string;
  sites: readonly { name: string; siteCode: string | null; state: 'NONE' | 'DRAFT' }[];
}): MailText {
  const lines = o.sites
    .slice(0, FILL_OVERDUE_MAX_SITES)
    .map(
      (s, n) =>
        `  ${n + 1}. ${s.name}${s.siteCode ? `（${s.siteCode}）` : ''}：${s.state === 'DRAFT' ? '填报中，未提交' : '未填报'}`,
    );
  const more =
    o.sites.length > FILL_OVERDUE_MAX_SITES ? `\n  ……另有 ${o.sites.length - FILL_OVERDUE_MAX_SITES} 个网站` : '';
  return {
    subject: `${MAIL_SUBJECT_PREFIX}${o.year}年度工作年度报表逾期未提交：${o.sites.length} 个网站`,
    body: `${o.unitName}：\n\n${o.year}年度政府网站工作年度报表已于 ${o.fillTo} 截止填报，贵单位以下 ${o.sites.length} 个网站仍未提交：\n${lines.join('\n')}${more}\n\n截止后系统不再接受首次提交，请联系上述网站并协调处理。${FOOTER}`,
  };
}

/** A 填报单位 that has not submitted is reminded from this many working days before the 填报截止 (README). */
export const FILL_REMINDER_WORKING_DAYS = 3;
