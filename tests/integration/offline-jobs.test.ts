// The 00:00 offline job with an injected clock: an approved temporary offline starts on its day, ends at 00:00 of its
// restore day with a 「恢复正常」 entry by SYSTEM, an emergency ends on its online date; a second run changes nothing;
// the start-up check sees a missed run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/jobs/scheduler.ts';
import {
  offlineTransitionsDue,
  runOfflineTransitions,
} from '../../src/server/modules/offline/run-offline-transitions.ts';
import { auditOf, operatorSite, runStatusOf, sh, siteRow } from '../helpers/offline.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function chain(): Promise<TestClient[]> {
  return [await t.loginAs('haigang'), await t.loginAs('qinhuangdao'), await t.loginAs('hebei')];
}

async function approve(requestId: number) {
  for (const c of await chain())
    expect((await c.post(`/api/offline-requests/${requestId}/approve`, {})).status).toBe(200);
}

describe('the offline job', () => {
  it('is scheduled at 00:00:30 Asia/Shanghai with a start-up catch-up', () => {
    const job = JOBS.find((j) => j.name === 'offline-run-status');
    expect(job?.schedule).toBe('30 0 0 * * *');
    expect(job?.runAtStartup).toBeTypeOf('function');
  });

  it('starts a temporary offline on its day and restores it at 00:00 of the restore day, once', async () => {
    t.clock.set(sh('2026-11-02T10:00:00'));
    const s = await operatorSite(t);
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'TEMP',
      reason: '系统迁移',
      plannedDate: '2026-11-05',
      restoreDate: '2026-11-08',
    });
    expect(applied.status).toBe(200);
    await approve(applied.body.requestId);
    // Approved before its day: still 正常.
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });

    t.clock.set(sh('2026-11-04T23:59:59'));
    expect(await offlineTransitionsDue(t.ctx)).toBe(false);
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ restored: 0, started: 0 });

    t.clock.set(sh('2026-11-05T00:00:30'));
    expect(await offlineTransitionsDue(t.ctx)).toBe(true);
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ status: 'DONE', today: '2026-11-05', started: 1 });
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'TEMP_OFFLINE', until: '2026-11-08' });
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ started: 0, restored: 0 });

    t.clock.set(sh('2026-11-07T23:59:59'));
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ restored: 0 });
    expect((await runStatusOf(t, s.id)).status).toBe('TEMP_OFFLINE');

    t.clock.set(sh('2026-11-08T00:00:00'));
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ restored: 1 });
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });
    const trail = await auditOf(t, applied.body.requestId);
    expect(trail.slice(-2).map((e) => [e.action, e.actor_type, e.actor_name, e.from_state, e.to_state])).toEqual([
      ['临时下线', 'SYSTEM', '系统', '正常', '临时下线'],
      ['恢复正常', 'SYSTEM', '系统', '临时下线', '正常'],
    ]);
    expect(trail.at(-1)?.comment).toBe('恢复开通时间 2026-11-08 已到，系统自动恢复正常');

    // Running it again changes nothing: not the site, not the trail.
    const before = await siteRow(t, s.id);
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ restored: 0, started: 0, expired: 0 });
    expect(await siteRow(t, s.id)).toEqual(before);
    expect(await auditOf(t, applied.body.requestId)).toHaveLength(trail.length);
    const detail = await t.ctx.db
      .selectFrom('offline_requests')
      .select(['end_kind'])
      .where('request_id', '=', applied.body.requestId)
      .executeTakeFirstOrThrow();
    expect(detail.end_kind).toBe('AUTO_RESTORE');
  });

  it('catches up after downtime: a restore day that passed while the server was down', async () => {
    t.clock.set(sh('2026-11-10T09:00:00'));
    const s = await operatorSite(t);
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'EMERGENCY',
      reason: '遭受攻击',
      onlineDate: '2026-11-12',
    });
    expect(applied.status).toBe(200);
    // Down from the 11th to the 14th: the start-up check finds the missed restore.
    t.clock.set(sh('2026-11-14T08:30:00'));
    expect(await offlineTransitionsDue(t.ctx)).toBe(true);
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ restored: 1 });
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });
    const last = (await auditOf(t, applied.body.requestId)).at(-1);
    expect(last).toMatchObject({
      action: '恢复正常',
      actor_type: 'SYSTEM',
      comment: '预计上线日期 2026-11-12 已到，系统自动恢复正常',
    });
    expect(await offlineTransitionsDue(t.ctx)).toBe(false);
  });

  it('closes an approved temporary offline whose whole period passed before it could start', async () => {
    t.clock.set(sh('2026-11-15T10:00:00'));
    const s = await operatorSite(t);
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'TEMP',
      reason: '机房断电检修',
      plannedDate: '2026-11-16',
      restoreDate: '2026-11-18',
    });
    await approve(applied.body.requestId);
    t.clock.set(sh('2026-11-20T00:00:30'));
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ started: 0, expired: 1 });
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'NORMAL', until: null });
    expect(await runOfflineTransitions(t.ctx)).toMatchObject({ started: 0, expired: 0 });
  });
});
