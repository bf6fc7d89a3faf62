// The 填报单位 policy (SPEC §7.0, §8.2): captions by flag, one open request per site, run-status rules, 撤回.
import { describe, expect, it } from 'vitest';
import {
  modifyRefusal,
  newRequestRefusal,
  type SiteState,
  siteActions,
  withdrawTarget,
} from '../../src/server/modules/site-workspace/site-abilities.ts';

const base: SiteState = { runStatus: 'NORMAL', isPortal: false, isServicePlatform: false, open: null, resumable: null };
const req = (
  type: 'MODIFY' | 'PORTAL_ON' | 'OFFLINE_TEMP',
  state: 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'RETURNED',
) => ({
  id: 7,
  type,
  state,
  chain: ['130302'],
  stepIndex: 0,
});
const byKey = (state: SiteState) => Object.fromEntries(siteActions(state).map((a) => [a.key, a]));

describe('siteActions', () => {
  it('captions the flag buttons by the current flags', () => {
    expect(siteActions(base).map((a) => a.label)).toEqual([
      '申请门户网站',
      '申请政务服务平台',
      '基本信息修改',
      '维护/添加其他域名',
      '撤回申请',
      '查看审核流水',
    ]);
    const flagged = byKey({ ...base, isPortal: true, isServicePlatform: true });
    expect(flagged.portal?.label).toBe('申请取消门户网站');
    expect(flagged.servicePlatform?.label).toBe('申请取消政务服务平台');
  });

  it('allows one open request: a draft may be continued, anything else waits', () => {
    const draft = byKey({ ...base, open: req('MODIFY', 'DRAFT'), resumable: req('MODIFY', 'DRAFT') });
    expect(draft.modify).toMatchObject({ allowed: true });
    expect(draft.portal).toMatchObject({ allowed: false, reason: expect.stringContaining('草稿（未提交）') });
    expect(draft.withdraw).toMatchObject({ allowed: true });
    const pending = { ...base, open: req('MODIFY', 'SUBMITTED') };
    expect(modifyRefusal(pending)).toContain('请先撤回');
    expect(newRequestRefusal(pending)).toContain('“基本信息修改”（修改未审核）');
    const offline = { ...base, open: req('OFFLINE_TEMP', 'IN_REVIEW') };
    expect(modifyRefusal(offline)).toContain('“临时下线”');
    expect(withdrawTarget(offline)).toBeNull();
  });

  it('lets a returned modification be continued or discarded, and keeps 查看审核流水 always', () => {
    const returned = { ...base, resumable: req('MODIFY', 'RETURNED') };
    expect(modifyRefusal(returned)).toBeNull();
    expect(withdrawTarget(returned)?.id).toBe(7);
    const closed = byKey({ ...base, runStatus: 'PERM_OFFLINE' });
    expect(closed.modify).toMatchObject({ allowed: false, reason: '网站当前为“永久下线”，不能提交修改类申请' });
    expect(closed.audit).toEqual({ key: 'audit', label: '查看审核流水', allowed: true });
  });

  it('refuses 申请门户网站 when the org already has a portal, not the cancellation', () => {
    const taken = byKey({ ...base, portalTaken: '已有门户网站' });
    expect(taken.portal).toMatchObject({ allowed: false, reason: '已有门户网站' });
    expect(byKey({ ...base, isPortal: true, portalTaken: '已有门户网站' }).portal).toMatchObject({ allowed: true });
  });
});
