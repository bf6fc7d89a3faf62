// Pure rules of 下线: eligibility, the limits of each kind, the day arithmetic, the 完成下线 warnings and the labels.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CompletionChecklist,
  checkOfflineLimits,
  completeAbility,
  completionWarnings,
  daysBetween,
  isDay,
  offlineEligibility,
  offlineKindOf,
  offlineSiteActions,
  reporterOfflineLabel,
  restoreAbility,
  siteStatusText,
  todayCN,
  yearOf,
} from '../../src/domain/offline.ts';
import {
  canManageSiteStatus,
  NOT_A_MANAGER,
  REFILE_WARNING,
  siteStatusAbilities,
  siteStatusTransition,
} from '../../src/domain/site-status.ts';

const ctx = { today: '2026-11-02', emergencyMaxDays: 30, approvedTempInYear: 0 };

describe('days', () => {
  it('counts whole days across months, leap days and years', () => {
    expect(daysBetween('2026-11-02', '2026-12-02')).toBe(30);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-02', '2026-11-01')).toBe(-1);
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(yearOf('2027-01-04')).toBe(2027);
  });

  it('accepts only real calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -800, max: 800 }), (offset, n) => {
        const day = addDays('1990-01-01', offset);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      }),
    );
  });

  it('takes today in Asia/Shanghai, whatever the UTC date', () => {
    expect(todayCN(new Date('2026-11-01T16:00:00Z'))).toBe('2026-11-02');
    expect(todayCN(new Date('2026-11-01T15:59:59Z'))).toBe('2026-11-01');
  });
});

describe('eligibility (SPEC §7.6.1, §16 items 6, 11, 20)', () => {
  const normal = { runStatus: 'NORMAL' as const, isPortal: false, openRequestType: null };

  it('lets a normal department site without an open request apply for every kind', () => {
    for (const kind of ['TEMP', 'PERM', 'EMERGENCY'] as const)
      expect(offlineEligibility(kind, normal)).toEqual({ allowed: true });
  });

  it('refuses a portal, a site not 正常, and a pending modification (except for an emergency)', () => {
    expect(offlineEligibility('TEMP', { ...normal, isPortal: true })).toEqual({
      allowed: false,
      reason: '组织单位门户网站不能申请下线，请先申请取消门户网站',
    });
    expect(offlineEligibility('EMERGENCY', { ...normal, isPortal: true }).allowed).toBe(false);
    expect(offlineEligibility('PERM', { ...normal, runStatus: 'EXCEPTION' }).allowed).toBe(false);
    expect(offlineEligibility('TEMP', { ...normal, runStatus: 'TEMP_OFFLINE' })).toEqual({
      allowed: false,
      reason: '网站目前已处于下线状态，恢复上线后才能再次申请下线',
    });
    expect(offlineEligibility('PERM', { ...normal, openRequestType: 'MODIFY' })).toEqual({
      allowed: false,
      reason: '基本信息修改尚未审核完成，暂不能申请下线',
    });
    expect(offlineEligibility('EMERGENCY', { ...normal, openRequestType: 'MODIFY' })).toEqual({ allowed: true });
  });

  it('maps request types to kinds', () => {
    expect(offlineKindOf('OFFLINE_TEMP')).toBe('TEMP');
    expect(offlineKindOf('OFFLINE_EMERGENCY')).toBe('EMERGENCY');
    expect(offlineKindOf('MODIFY')).toBeNull();
  });
});

describe('limits (SPEC §7.6.2, §7.6.4, §16 items 7 and 9)', () => {
  const temp = (plannedDate: string, restoreDate: string, approvedTempInYear = 0) =>
    checkOfflineLimits({ kind: 'TEMP', plannedDate, restoreDate }, { ...ctx, approvedTempInYear });

  it('allows 30 days (start inclusive, restore exclusive) and refuses 31', () => {
    expect(temp('2026-11-10', '2026-12-10')).toEqual([]);
    expect(temp('2026-11-10', '2026-12-11')).toEqual([
      { field: 'restoreDate', message: '临时下线不能超过 30 天（2026-11-10 下线至 2026-12-11 恢复共 31 天）' },
    ]);
    expect(temp('2026-11-10', '2026-11-10')[0]?.message).toBe('恢复开通时间必须晚于计划下线日期');
  });

  it('refuses a second approved temporary offline in the same calendar year', () => {
    expect(temp('2026-12-01', '2026-12-05', 1)).toEqual([
      { field: 'plannedDate', message: '临时下线每年不得超过 1 次：2026 年已有经批准的临时下线' },
    ]);
  });

  it('refuses a start in the past or more than a year ahead', () => {
    expect(temp('2026-11-01', '2026-11-05')[0]?.message).toBe('计划下线日期不能早于今天');
    expect(temp('2027-11-04', '2027-11-05')[0]?.message).toBe('计划下线日期不能晚于一年以后');
    expect(temp('2026-11-02', '2026-11-03')).toEqual([]);
  });

  it('starts an emergency today and bounds it by the configured maximum', () => {
    const emergency = (onlineDate: string, plannedDate = '2026-11-02', emergencyMaxDays = 30) =>
      checkOfflineLimits({ kind: 'EMERGENCY', plannedDate, onlineDate }, { ...ctx, emergencyMaxDays });
    expect(emergency('2026-12-02')).toEqual([]);
    expect(emergency('2026-12-03')[0]?.message).toBe('紧急下线不能超过 30 天（今天起至 2026-12-03 上线共 31 天）');
    expect(emergency('2026-11-09', '2026-11-02', 7)).toEqual([]);
    expect(emergency('2026-11-10', '2026-11-02', 7)[0]?.field).toBe('onlineDate');
    expect(emergency('2026-11-02')[0]?.message).toBe('预计上线日期必须晚于今天');
    expect(emergency('2026-11-05', '2026-11-03')[0]?.message).toBe('紧急下线立即生效，计划下线日期只能是今天');
    // No yearly limit for emergencies.
    expect(
      checkOfflineLimits(
        { kind: 'EMERGENCY', plannedDate: '2026-11-02', onlineDate: '2026-11-05' },
        { ...ctx, approvedTempInYear: 5 },
      ),
    ).toEqual([]);
  });

  it('asks a permanent offline only for a planned date', () => {
    expect(checkOfflineLimits({ kind: 'PERM', plannedDate: '2026-12-31' }, ctx)).toEqual([]);
    expect(checkOfflineLimits({ kind: 'PERM', plannedDate: 'x' }, ctx)[0]?.field).toBe('plannedDate');
  });
});

describe('完成下线 warnings (SPEC §7.6.3)', () => {
  const full: CompletionChecklist = {
    noticeUrl: 'https://www.example.gov.cn/notice.html',
    noticePostedDate: '2026-10-03',
    icpCancelled: true,
    psbCancelled: true,
    conacCancelled: true,
    domainCancelled: true,
  };

  it('has none when everything is done and the notice has been up 30 days', () => {
    expect(completionWarnings(full, '2026-11-02')).toEqual([]);
  });

  it('names each missing item and a notice up less than 30 days', () => {
    expect(completionWarnings({ ...full, noticePostedDate: '2026-10-04' }, '2026-11-02')).toEqual([
      '迁移公告发布不足 30 天（2026-10-04 发布，至今 29 天）',
    ]);
    expect(
      completionWarnings(
        {
          noticeUrl: null,
          noticePostedDate: null,
          icpCancelled: false,
          psbCancelled: false,
          conacCancelled: false,
          domainCancelled: false,
        },
        '2026-11-02',
      ),
    ).toEqual([
      '未填写迁移公告的网址',
      '未填写迁移公告的发布日期',
      '尚未注销 ICP 备案',
      '尚未注销公安机关备案',
      '尚未注销党政机关网站标识',
      '尚未注销域名',
    ]);
  });
});

describe('labels (SPEC §7.8)', () => {
  it('gives each side its exact text', () => {
    expect(siteStatusText('ORG', 'TEMP_OFFLINE', '2017-10-23')).toBe('暂时下线恢复开通时间：2017-10-23');
    expect(siteStatusText('REPORTER', 'TEMP_OFFLINE', '2017-10-23')).toBe('下线申请通过');
    expect(siteStatusText('ORG', 'EMERGENCY_OFFLINE', '2017-10-30')).toBe(
      '网站运行状态为：紧急下线并于 2017-10-30 上线',
    );
    expect(siteStatusText('REPORTER', 'EMERGENCY_OFFLINE', '2017-10-30')).toBe('紧急下线，并于 2017-10-30 上线');
    expect(siteStatusText('ORG', 'PERM_OFFLINE_PENDING', null)).toBe('永久下线（待完成下线）');
    expect(siteStatusText('REPORTER', 'PERM_OFFLINE_PENDING', null)).toBe('下线申请通过');
    expect(siteStatusText('ORG', 'PERM_OFFLINE', null)).toBe('永久下线');
    expect(siteStatusText('REPORTER', 'PERM_OFFLINE', null)).toBe('永久下线');
    expect(siteStatusText('ORG', 'NORMAL', null)).toBe('正常');
  });

  it('labels the request for the 填报单位', () => {
    expect(reporterOfflineLabel({ type: 'OFFLINE_TEMP', state: 'IN_REVIEW' })).toBe('审核中');
    expect(reporterOfflineLabel({ type: 'OFFLINE_PERM', state: 'DONE' })).toBe('下线申请通过');
    expect(reporterOfflineLabel({ type: 'OFFLINE_PERM', state: 'DONE', completed: true })).toBe('永久下线');
    expect(reporterOfflineLabel({ type: 'OFFLINE_TEMP', state: 'RETURNED', returnReason: '理由不充分' })).toBe(
      '审核未通过：理由不充分',
    );
    expect(reporterOfflineLabel({ type: 'OFFLINE_EMERGENCY', state: 'SUBMITTED' })).toBe('已生效，组织单位确认中');
  });

  it('offers 完成下线 and 恢复上线 only in their states', () => {
    expect(completeAbility('PERM_OFFLINE_PENDING')).toEqual({ allowed: true });
    expect(completeAbility('NORMAL')).toEqual({ allowed: false, reason: '永久下线申请审核通过后才能完成下线' });
    expect(restoreAbility('TEMP_OFFLINE')).toEqual({ allowed: true });
    expect(restoreAbility('EMERGENCY_OFFLINE')).toEqual({ allowed: true });
    expect(restoreAbility('PERM_OFFLINE_PENDING').allowed).toBe(false);
  });
});

describe('the 填报单位 home buttons (SPEC §8.2 #3, #7, #8)', () => {
  it('shows 下线申请 always, 完成下线 and 恢复上线 only where they apply', () => {
    const base = { isPortal: false, openRequestType: null };
    expect(offlineSiteActions({ ...base, runStatus: 'NORMAL' })).toEqual([
      { key: 'offlineApply', label: '下线申请', allowed: true },
    ]);
    // A pending modification still allows an emergency offline, so the button stays enabled.
    expect(offlineSiteActions({ ...base, runStatus: 'NORMAL', openRequestType: 'MODIFY' })[0]?.allowed).toBe(true);
    expect(offlineSiteActions({ ...base, runStatus: 'PERM_OFFLINE_PENDING' })).toEqual([
      { key: 'offlineApply', label: '下线申请', allowed: false, reason: '只有运行状态为“正常”的网站可以申请下线' },
      { key: 'offlineComplete', label: '完成下线', allowed: true },
    ]);
    expect(offlineSiteActions({ ...base, runStatus: 'TEMP_OFFLINE' }).map((a) => a.key)).toEqual([
      'offlineApply',
      'offlineRestore',
    ]);
    expect(offlineSiteActions({ ...base, isPortal: true, runStatus: 'NORMAL' })[0]).toMatchObject({ allowed: false });
  });
});

describe('例外 / 删除 / 恢复 (SPEC §7.7)', () => {
  const path = '/bm0100/130000/130300/130302/';

  it('is for the root and the level-1 ancestor only', () => {
    expect(canManageSiteStatus({ orgCode: 'bm0100', orgLevel: 0 }, path)).toEqual({ allowed: true });
    expect(canManageSiteStatus({ orgCode: '130000', orgLevel: 1 }, path)).toEqual({ allowed: true });
    expect(canManageSiteStatus({ orgCode: '420000', orgLevel: 1 }, path)).toEqual({
      allowed: false,
      reason: NOT_A_MANAGER,
    });
    expect(canManageSiteStatus({ orgCode: '130300', orgLevel: 2 }, path)).toEqual({
      allowed: false,
      reason: NOT_A_MANAGER,
    });
  });

  it('moves between the documented run states', () => {
    expect(siteStatusTransition('EXCEPTION', 'NORMAL')).toEqual({ ok: true, to: 'EXCEPTION', warning: null });
    expect(siteStatusTransition('EXCEPTION', 'TEMP_OFFLINE').ok).toBe(false);
    expect(siteStatusTransition('DELETE', 'PERM_OFFLINE')).toEqual({ ok: true, to: 'DELETED', warning: null });
    expect(siteStatusTransition('DELETE', 'DELETED').ok).toBe(false);
    expect(siteStatusTransition('RESTORE', 'PERM_OFFLINE')).toEqual({
      ok: true,
      to: 'NORMAL',
      warning: REFILE_WARNING,
    });
    expect(siteStatusTransition('RESTORE', 'DELETED')).toEqual({ ok: true, to: 'NORMAL', warning: null });
    expect(siteStatusTransition('RESTORE', 'NORMAL').ok).toBe(false);
    expect(siteStatusTransition('DELETE', 'APPLYING').ok).toBe(false);
    const denied = siteStatusAbilities({ allowed: false, reason: NOT_A_MANAGER }, 'NORMAL');
    expect(denied.EXCEPTION).toEqual({ allowed: false, reason: NOT_A_MANAGER });
    expect(siteStatusAbilities({ allowed: true }, 'EXCEPTION')).toEqual({
      EXCEPTION: { allowed: false, reason: '只有运行状态为“正常”的网站可以设为例外' },
      DELETE: { allowed: true },
      RESTORE: { allowed: true },
    });
  });
});
