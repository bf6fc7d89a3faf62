// Notification texts and recipients: subjects, opt-out flags, 联系人 before 负责人, and the type names kept in step
// with the review list's.
import { describe, expect, it } from 'vitest';
import {
  arrivedMail,
  digestMail,
  issuedMail,
  mailAddresses,
  sitePeople,
  unitAddresses,
  wantsEmail,
} from '../../src/domain/notifications.ts';
import { REQUEST_TYPE_LABELS } from '../../src/domain/requests.ts';

const facts = {
  type: 'NEW_SITE' as const,
  siteName: '秦皇岛市测试网站',
  homeUrl: 'https://t.example.gov.cn/',
  siteCode: null,
};

describe('notification texts', () => {
  it('names the unit, the site and the type in the subject', () => {
    const mail = arrivedMail(facts, '海港区', new Date('2026-11-02T02:00:00Z'));
    expect(mail.subject).toBe('【政府网站信息报送系统】待审核：秦皇岛市测试网站（新增网站）');
    expect(mail.body).toContain('2026-11-02 10:00');
    expect(mail.body.startsWith('海港区：')).toBe(true);
  });

  it('mails the 标识码 and tells where the 校验码 is, without one', () => {
    const mail = issuedMail({ ...facts, siteCode: '1303020001' }, new Date('2026-11-02T08:00:00Z'));
    expect(mail.subject).toBe('【政府网站信息报送系统】网站标识码已生成：秦皇岛市测试网站');
    expect(mail.body).toContain('网站标识码：1303020001');
    expect(mail.body).toContain('校验码不通过邮件发送');
  });

  it('lists the digest items with 逾期 and the remainder', () => {
    const items = [{ type: 'MODIFY' as const, siteName: 'A网站', waitingDays: 7, overdue: true }];
    const mail = digestMail('王伟', '秦皇岛市', { items, total: 3, overdue: 1 });
    expect(mail.subject).toBe('【政府网站信息报送系统】每日待办：秦皇岛市共 3 项（逾期 1 项）');
    expect(mail.body).toContain('1. A网站（基本信息修改），已等待 7 个工作日，逾期');
    expect(mail.body).toContain('另有 2 项');
  });

  it('uses the review list’s type names', () => {
    const mail = arrivedMail({ ...facts, type: 'MODIFY' }, '海港区', new Date('2026-11-02T02:00:00Z'));
    expect(mail.body).toContain(`申请类型：${REQUEST_TYPE_LABELS.MODIFY}`);
  });
});

describe('recipients', () => {
  it('respects the notify flags and drops duplicates and unusable addresses', () => {
    expect(wantsEmail({ email: 'a@b.cn' })).toBe(true);
    expect(wantsEmail({ email: 'a@b.cn', notify: { email: false } })).toBe(false);
    expect(wantsEmail({ email: 'a@b.cn', emailReceive: false })).toBe(false);
    const info = {
      principal: { name: '王伟', email: 'Boss@Example.gov.cn' },
      contacts: [
        { name: '李娜', email: 'boss@example.gov.cn' },
        { name: '张三', email: 'not-an-address' },
        { name: '赵四', email: 'zhao@example.gov.cn', notify: { email: false, sms: true } },
        { name: '孙五', email: 'sun@example.gov.cn' },
      ],
    };
    expect(mailAddresses(sitePeople(info))).toEqual(['Boss@Example.gov.cn', 'sun@example.gov.cn']);
  });

  it('tells a unit’s 联系人, its 负责人 only when no 联系人 has an address (escalations: both)', () => {
    const principal = { email: 'fzr@example.gov.cn' };
    expect(unitAddresses({ principal, contacts: [{ email: 'lxr1@example.gov.cn' }] })).toEqual(['lxr1@example.gov.cn']);
    expect(unitAddresses({ principal, contacts: [{ email: '' }] })).toEqual(['fzr@example.gov.cn']);
    expect(unitAddresses({ principal, contacts: [{ email: 'lxr1@example.gov.cn' }] }, true)).toEqual([
      'fzr@example.gov.cn',
      'lxr1@example.gov.cn',
    ]);
    expect(unitAddresses({ principal: null, contacts: [] })).toEqual([]);
  });
});
