// Notifications queued by the site operator's workspace and the offline module: a flag request reaching its reviewer
// and its approval; an emergency offline (start, a step approved, early restore) — mails and notices in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorSite } from '../helpers/offline.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
const APPLICANT = ['lina@example.gov.cn', 'wangwei@example.gov.cn']; // the factories' 联系人 and 负责人

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function outbox(requestId: number) {
  return t.ctx.db
    .selectFrom('mail_outbox')
    .select(['kind', 'to_address', 'subject'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

async function unitContacts(code: string): Promise<string[]> {
  const unit = await t.ctx.db
    .selectFrom('org_units')
    .select('contacts')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return unit.contacts.map((c) => c.email).sort();
}

const to = (rows: { kind: string; to_address: string }[], kind: string) =>
  rows
    .filter((r) => r.kind === kind)
    .map((r) => r.to_address)
    .sort();

describe('the operator workspace', () => {
  it('mails the reviewer when a flag request is filed, and the site people and its notices when it is decided', async () => {
    const s = await operatorSite(t, { name: '海港区通知平台网站' });
    const filed = await s.client.post('/api/site/service-platform', { isServicePlatform: true });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const requestId: number = filed.body.requestId;
    let rows = await outbox(requestId);
    expect(to(rows, 'ARRIVED')).toEqual(await unitContacts('130302'));
    expect(rows[0]?.subject).toBe(`【政府网站信息报送系统】待审核：${s.name}（申请政务服务平台）`);

    const haigang = await t.loginAs('haigang');
    expect((await haigang.post(`/api/requests/${requestId}/approve`, {})).status).toBe(200);
    rows = await outbox(requestId);
    expect(to(rows, 'FINAL_APPROVED')).toEqual(APPLICANT);
    expect(rows.at(-1)?.subject).toBe(`【政府网站信息报送系统】审核通过：${s.name}（申请政务服务平台）`);
    const notices = (await s.client.get('/api/site/notices')).body;
    expect(notices.items.map((n: { title: string }) => n.title)).toEqual([`审核通过：${s.name}（申请政务服务平台）`]);
  });
});

describe('the offline module', () => {
  it('tells of an emergency offline, each step approved, and the early restore', async () => {
    const s = await operatorSite(t, { name: '海港区通知下线网站' });
    const res = await s.client.post('/api/site/offline/requests', {
      kind: 'EMERGENCY',
      reason: '网站遭受攻击',
      onlineDate: '2026-11-05',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const requestId: number = res.body.requestId;
    let rows = await outbox(requestId);
    expect(to(rows, 'ARRIVED')).toEqual(await unitContacts('130302'));
    expect(to(rows, 'OFFLINE_STARTED')).toEqual(APPLICANT);
    expect(rows.find((r) => r.kind === 'OFFLINE_STARTED')?.subject).toBe(
      `【政府网站信息报送系统】网站已下线：${s.name}（紧急下线）`,
    );

    const haigang = await t.loginAs('haigang');
    expect((await haigang.post(`/api/offline-requests/${requestId}/approve`, {})).status).toBe(200);
    rows = await outbox(requestId);
    expect(to(rows, 'STEP_APPROVED')).toEqual(APPLICANT);
    expect(to(rows, 'ARRIVED')).toEqual([...(await unitContacts('130302')), ...(await unitContacts('130300'))].sort());

    expect((await s.client.post('/api/site/offline/restore', {})).status).toBe(200);
    rows = await outbox(requestId);
    expect(to(rows, 'OFFLINE_ENDED')).toEqual(APPLICANT);
    const titles = (await s.client.get('/api/site/notices')).body.items.map((n: { title: string }) => n.title);
    expect(titles).toEqual([
      `网站已恢复：${s.name}（紧急下线）`,
      `审核进度：${s.name}（紧急下线）`,
      `网站已下线：${s.name}（紧急下线）`,
    ]);
  });
});
