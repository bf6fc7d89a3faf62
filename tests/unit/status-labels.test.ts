import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  codePendingText,
  formatDateCN,
  nextCodeBatchAt,
  RUN_STATUS_LABELS,
  runStatusText,
  SITE_RUN_STATUSES,
  STATUS_LABELS,
  shanghaiMidnight,
  shanghaiParts,
} from '../../src/domain/status-labels.ts';

describe('contractual labels (byte-exact)', () => {
  it('new-site and modification labels', () => {
    expect(STATUS_LABELS.codePendingToday).toBe('审核通过，网站标识码还未生成，将于今天生成');
    expect(STATUS_LABELS.codePendingTomorrow).toBe('审核通过，网站标识码还未生成，将于明天生成');
    expect(STATUS_LABELS.returnedWithReason('网站名称不规范')).toBe('审核未通过：网站名称不规范');
    expect([
      STATUS_LABELS.notSubmitted,
      STATUS_LABELS.notReviewed,
      STATUS_LABELS.inReview,
      STATUS_LABELS.reviewed,
      STATUS_LABELS.done,
      STATUS_LABELS.returned,
    ]).toEqual(['未提交', '未审核', '审核中', '已审核', '已办结', '审核未通过']);
    expect(STATUS_LABELS.modificationPendingOrg).toBe('办结后修改');
    expect(STATUS_LABELS.modificationPendingReporter).toBe('修改未审核');
    expect(STATUS_LABELS.modificationApproved).toBe('修改审核通过');
    expect(STATUS_LABELS.modificationReturned).toBe('修改后审核未通过');
  });

  it('offline labels, with full-width colon/comma/parentheses and half-width spaces around dates', () => {
    expect(STATUS_LABELS.temporaryOfflineOrg('2017-10-23')).toBe('暂时下线恢复开通时间：2017-10-23');
    expect(STATUS_LABELS.emergencyOfflineOrg('2017-10-30')).toBe('网站运行状态为：紧急下线并于 2017-10-30 上线');
    expect(STATUS_LABELS.emergencyOfflineReporter('2017-10-30')).toBe('紧急下线，并于 2017-10-30 上线');
    expect(STATUS_LABELS.permanentOfflinePending).toBe('永久下线（待完成下线）');
    expect(STATUS_LABELS.offlineApproved).toBe('下线申请通过');
    expect(STATUS_LABELS.permanentOffline).toBe('永久下线');
    // A Date is formatted in Asia/Shanghai.
    expect(STATUS_LABELS.temporaryOfflineOrg(new Date('2017-10-22T16:00:00Z'))).toBe(
      '暂时下线恢复开通时间：2017-10-23',
    );
    expect(Buffer.from(STATUS_LABELS.emergencyOfflineReporter('2017-10-30')).toString('hex')).toBe(
      Buffer.from('紧急下线，并于 2017-10-30 上线', 'utf8').toString('hex'),
    );
  });

  it('run-status and action labels', () => {
    expect(SITE_RUN_STATUSES.map((s) => RUN_STATUS_LABELS[s])).toEqual([
      '正常',
      '临时下线',
      '紧急下线',
      '永久下线（待完成下线）',
      '永久下线',
      '例外',
      '已删除',
    ]);
    expect(ACTION_LABELS.submitAllOnPage).toBe('当页数据全部提交');
    expect(ACTION_LABELS.reviewAllOnPage).toBe('当页数据全部审核');
    expect(ACTION_LABELS.approveModification).toBe('办结修改审核通过');
    expect(ACTION_LABELS.returnModification).toBe('办结修改审核退回');
    expect(ACTION_LABELS.completeOffline).toBe('完成下线');
  });
});

describe('runStatusText (SPEC §7.8)', () => {
  it('follows the display matrix for each side', () => {
    expect(runStatusText({ side: 'ORG', status: 'TEMP_OFFLINE', restoreDate: '2017-10-23' })).toBe(
      '暂时下线恢复开通时间：2017-10-23',
    );
    expect(runStatusText({ side: 'REPORTER', status: 'TEMP_OFFLINE', restoreDate: '2017-10-23' })).toBe('下线申请通过');
    expect(runStatusText({ side: 'ORG', status: 'EMERGENCY_OFFLINE', onlineDate: '2017-10-30' })).toBe(
      '网站运行状态为：紧急下线并于 2017-10-30 上线',
    );
    expect(runStatusText({ side: 'REPORTER', status: 'EMERGENCY_OFFLINE', onlineDate: '2017-10-30' })).toBe(
      '紧急下线，并于 2017-10-30 上线',
    );
    expect(runStatusText({ side: 'ORG', status: 'PERM_OFFLINE_PENDING' })).toBe('永久下线（待完成下线）');
    expect(runStatusText({ side: 'REPORTER', status: 'PERM_OFFLINE_PENDING' })).toBe('下线申请通过');
    expect(runStatusText({ side: 'ORG', status: 'PERM_OFFLINE' })).toBe('永久下线');
    expect(runStatusText({ side: 'REPORTER', status: 'PERM_OFFLINE' })).toBe('永久下线');
    expect(runStatusText({ side: 'ORG', status: 'NORMAL' })).toBe('正常');
    expect(runStatusText({ side: 'ORG', status: 'TEMP_OFFLINE' })).toBe('临时下线');
    expect(runStatusText({ side: 'REPORTER', status: 'EMERGENCY_OFFLINE' })).toBe('紧急下线');
    expect(runStatusText({ side: 'ORG', status: 'EXCEPTION' })).toBe('例外');
    expect(runStatusText({ side: 'ORG', status: 'DELETED' })).toBe('已删除');
  });
});

describe('Asia/Shanghai dates', () => {
  it('formatDateCN switches day at 16:00 UTC', () => {
    expect(formatDateCN(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(formatDateCN(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(formatDateCN(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(formatDateCN(new Date('2028-02-28T16:30:00Z'))).toBe('2028-02-29');
  });

  it('shanghaiParts', () => {
    expect(shanghaiParts(new Date('2026-11-29T08:00:00Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 29,
      hour: 16,
      minute: 0,
      second: 0,
    });
    expect(shanghaiParts(new Date('2026-12-31T23:59:59Z'))).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 7,
      minute: 59,
      second: 59,
    });
  });

  it('rejects invalid dates', () => {
    expect(() => formatDateCN(new Date('nope'))).toThrow(RangeError);
    expect(() => shanghaiMidnight('2026-02-30')).toThrow(RangeError);
    expect(() => shanghaiMidnight('2026-2-3')).toThrow(RangeError);
  });

  it('agrees with Intl for Asia/Shanghai (property)', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const d = new Date(ms);
        expect(formatDateCN(d)).toBe(fmt.format(d));
        expect(shanghaiMidnight(formatDateCN(d)).getTime()).toBeLessThanOrEqual(ms);
        expect(ms - shanghaiMidnight(formatDateCN(d)).getTime()).toBeLessThan(24 * 3600 * 1000);
      }),
    );
  });
});

describe('code batch at 16:00 (SPEC §7.1.4, §16 item 16)', () => {
  it('before 16:00 → today at 16:00; at/after 16:00:00 → tomorrow', () => {
    expect(nextCodeBatchAt(new Date('2026-11-29T07:59:59.999Z')).toISOString()).toBe('2026-11-29T08:00:00.000Z');
    expect(nextCodeBatchAt(new Date('2026-11-29T08:00:00.000Z')).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(nextCodeBatchAt(new Date('2026-11-29T15:59:00.000Z')).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(nextCodeBatchAt(new Date('2026-11-29T16:00:00.000Z')).toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it('chooses 「今天」 or 「明天」', () => {
    const approvedMorning = new Date('2026-11-29T02:00:00Z'); // 10:00 Shanghai
    const approvedEvening = new Date('2026-11-29T10:00:00Z'); // 18:00 Shanghai
    expect(codePendingText(approvedMorning, new Date('2026-11-29T03:00:00Z'))).toBe(
      '审核通过，网站标识码还未生成，将于今天生成',
    );
    expect(codePendingText(approvedEvening, new Date('2026-11-29T11:00:00Z'))).toBe(
      '审核通过，网站标识码还未生成，将于明天生成',
    );
    // The next morning the same request is due 「今天」.
    expect(codePendingText(approvedEvening, new Date('2026-11-30T01:00:00Z'))).toBe(
      '审核通过，网站标识码还未生成，将于今天生成',
    );
    // An overdue batch still says 「今天」.
    expect(codePendingText(approvedMorning, new Date('2026-12-02T01:00:00Z'))).toBe(
      '审核通过，网站标识码还未生成，将于今天生成',
    );
  });
});
