// The mails and 填报单位 reminders of 工作年度报表 decisions (sent to the site's 负责人 and 联系人 like other decisions).
import { MAIL_SUBJECT_PREFIX, type MailText } from '../notifications.ts';
import { formatDateCN } from '../status-labels.ts';

const FOOTER = '\n\n（本邮件由政府网站信息报送系统自动发送，请勿直接回复。）';

export function workReportDecisionMail(o: {
  approved: boolean;
  year: number;
  siteName: string;
  siteCode: string;
  byUnit: string;
  reason?: string;
  publishBy: string;
  at: Date;
}): MailText {
  const what = `${o.siteName}（${o.siteCode}）的${o.year}年度政府网站工作年度报表`;
  if (o.approved) {
    return {
      subject: `${MAIL_SUBJECT_PREFIX}${o.year}年度工作年度报表审核通过`,
      body: `您好：\n\n${what}已于 ${formatDateCN(o.at)} 由${o.byUnit}审核通过。请登录系统打印或另存为 PDF，于 ${o.publishBy} 前在网站首页显著位置发布，并回填发布地址。${FOOTER}`,
    };
  }
  return {
    subject: `${MAIL_SUBJECT_PREFIX}${o.year}年度工作年度报表被退回`,
    body: `您好：\n\n${what}已于 ${formatDateCN(o.at)} 被${o.byUnit}退回。\n  退回原因：${o.reason ?? ''}\n\n请登录系统修改后重新提交。${FOOTER}`,
  };
}
