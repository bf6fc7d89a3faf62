// 下线申请 over HTTP on a real database: eligibility (portal, pending modification, run status), the limits of each
// kind (30 days, once per calendar year, emergency maximum), 紧急下线 in effect at once, and the closure document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSiteRequest } from '../helpers/factories.ts';
import { approveThrough, auditOf, operatorSite, runStatusOf, sh } from '../helpers/offline.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let chain: TestClient[];
beforeAll(async () => {
  t = await createTestApp();
  chain = [await t.loginAs('haigang'), await t.loginAs('qinhuangdao'), await t.loginAs('hebei')];
});
afterAll(async () => {
  await t?.close();
});

const temp = (plannedDate: string, restoreDate: string) => ({
  kind: 'TEMP',
  reason: '网站改版升级',
  plannedDate,
  restoreDate,
});

describe('eligibility (SPEC §7.6.1)', () => {
  it('refuses a portal', async () => {
    const s = await operatorSite(t, { orgCode: '130302', isPortal: true });
    const view = await s.client.get('/api/site/offline');
    expect(view.body.abilities.apply.TEMP).toEqual({
      allowed: false,
      reason: '组织单位门户网站不能申请下线，请先申请取消门户网站',
    });
    const res = await s.client.post('/api/site/offline/requests', temp('2026-11-10', '2026-11-20'));
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('组织单位门户网站不能申请下线，请先申请取消门户网站');
    expect(await t.ctx.db.selectFrom('requests').select('id').where('site_id', '=', s.id).execute()).toEqual([]);
  });

  it('refuses a site with a pending modification, except for an emergency offline', async () => {
    const s = await operatorSite(t);
    await makeSiteRequest(t.ctx.db, s.id, { type: 'MODIFY', orgCode: '130302', isPortal: false });
    const res = await s.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: '整合',
      plannedDate: '2026-11-30',
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('基本信息修改尚未审核完成，暂不能申请下线');
    const emergency = await s.client.post('/api/site/offline/requests', {
      kind: 'EMERGENCY',
      reason: '网站遭受攻击',
      onlineDate: '2026-11-05',
    });
    expect(emergency.status, JSON.stringify(emergency.body)).toBe(200);
    expect(emergency.body).toMatchObject({
      state: 'SUBMITTED',
      runStatus: 'EMERGENCY_OFFLINE',
      runStatusLabel: '紧急下线，并于 2026-11-05 上线',
    });
    expect(await runStatusOf(t, s.id)).toEqual({ status: 'EMERGENCY_OFFLINE', until: '2026-11-05' });
    // Now offline: no further offline request of any kind.
    const again = await s.client.post('/api/site/offline/requests', {
      kind: 'EMERGENCY',
      reason: 'x',
      onlineDate: '2026-11-06',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('网站目前已处于下线状态，恢复上线后才能再次申请下线');
  });
});

describe('临时下线 limits (SPEC §7.6.2, §16 item 7)', () => {
  it('refuses 31 days and accepts 30 (start inclusive, restore exclusive)', async () => {
    const s = await operatorSite(t);
    const long = await s.client.post('/api/site/offline/requests', temp('2026-11-10', '2026-12-11'));
    expect(long.status).toBe(400);
    expect(long.body.message).toBe('临时下线不能超过 30 天（2026-11-10 下线至 2026-12-11 恢复共 31 天）');
    expect(long.body.details.fields[0].field).toBe('restoreDate');
    const ok = await s.client.post('/api/site/offline/requests', temp('2026-11-10', '2026-12-10'));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.runStatus).toBe('NORMAL');
  });

  it('refuses a second approved temporary offline in the same calendar year; the next year is accepted', async () => {
    const s = await operatorSite(t);
    const first = await s.client.post('/api/site/offline/requests', temp('2026-11-20', '2026-11-25'));
    expect(first.status).toBe(200);
    await approveThrough(chain, first.body.requestId);
    const view = await s.client.get('/api/site/offline');
    expect(view.body.limits.approvedTempYears).toEqual([2026]);
    const second = await s.client.post('/api/site/offline/requests', temp('2026-12-20', '2026-12-25'));
    expect(second.status).toBe(400);
    expect(second.body.message).toBe('临时下线每年不得超过 1 次：2026 年已有经批准的临时下线');
    const nextYear = await s.client.post('/api/site/offline/requests', temp('2027-01-04', '2027-01-10'));
    expect(nextYear.status, JSON.stringify(nextYear.body)).toBe(200);
  });

  it('does not count a rejected temporary offline', async () => {
    const s = await operatorSite(t);
    const first = await s.client.post('/api/site/offline/requests', temp('2026-11-20', '2026-11-25'));
    const back = await chain[0]!.post(`/api/offline-requests/${first.body.requestId}/return`, { reason: '时间不合适' });
    expect(back.status).toBe(200);
    const second = await s.client.post('/api/site/offline/requests', temp('2026-12-20', '2026-12-25'));
    expect(second.status).toBe(200);
  });

  it('refuses a start in the past and a missing restore date', async () => {
    const s = await operatorSite(t);
    const past = await s.client.post('/api/site/offline/requests', temp('2026-11-01', '2026-11-05'));
    expect(past.status).toBe(400);
    expect(past.body.message).toBe('计划下线日期不能早于今天');
    const missing = await s.client.post('/api/site/offline/requests', {
      kind: 'TEMP',
      reason: 'x',
      plannedDate: '2026-11-10',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('请填写恢复开通时间（YYYY-MM-DD）');
  });
});

describe('紧急下线 (SPEC §7.6.4, §16 item 9)', () => {
  it('takes effect at once, within the configured maximum, and is written to 审核流水', async () => {
    t.clock.set(sh('2026-11-02T10:00:00'));
    const s = await operatorSite(t);
    const tooLong = await s.client.post('/api/site/offline/requests', {
      kind: 'EMERGENCY',
      reason: '网页被篡改',
      onlineDate: '2026-12-03',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toBe('紧急下线不能超过 30 天（今天起至 2026-12-03 上线共 31 天）');
    const res = await s.client.post('/api/site/offline/requests', {
      kind: 'EMERGENCY',
      reason: '网页被篡改',
      onlineDate: '2026-12-02',
    });
    expect(res.status).toBe(200);
    const trail = await auditOf(t, res.body.requestId);
    expect(trail.map((e) => [e.action, e.actor_type, e.from_state, e.to_state])).toEqual([
      ['提交', 'SITE', null, 'SUBMITTED'],
      ['紧急下线', 'SITE', '正常', '紧急下线'],
    ]);
    const request = await t.ctx.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', res.body.requestId)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      type: 'OFFLINE_EMERGENCY',
      state: 'SUBMITTED',
      chain: ['130302', '130300', '130000'],
      current_org: '130302',
    });
  });

  it('honours GOVSITE_EMERGENCY_MAX_DAYS', async () => {
    const s = await operatorSite(t);
    const saved = t.ctx.config.emergencyMaxDays;
    t.ctx.config.emergencyMaxDays = 7;
    try {
      const res = await s.client.post('/api/site/offline/requests', {
        kind: 'EMERGENCY',
        reason: 'x',
        onlineDate: '2026-11-10',
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('紧急下线不能超过 7 天（今天起至 2026-11-10 上线共 8 天）');
      expect((await s.client.get('/api/site/offline')).body.limits.emergencyMaxDays).toBe(7);
    } finally {
      t.ctx.config.emergencyMaxDays = saved;
    }
  });
});

describe('附件 (the closure document)', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 0x20)]);

  function multipart(fileName: string, content: Buffer) {
    const boundary = '----offlinetest';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  it('accepts a real pdf, refuses a disguised file, and serves it back as an attachment to both sides', async () => {
    const s = await operatorSite(t);
    const fake = multipart('批复.pdf', Buffer.from('MZ not a pdf at all'));
    const bad = await s.client.request('POST', '/api/site/offline/attachments', fake.body, { headers: fake.headers });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('文件内容与扩展名 .pdf 不符，请确认文件未损坏');
    const exe = multipart('run.exe', pdf);
    expect(
      (await s.client.request('POST', '/api/site/offline/attachments', exe.body, { headers: exe.headers })).status,
    ).toBe(400);

    const good = multipart('关停批复.pdf', pdf);
    const up = await s.client.request('POST', '/api/site/offline/attachments', good.body, { headers: good.headers });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ fileName: '关停批复.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length });
    const applied = await s.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: '整合至市政府门户网站',
      plannedDate: '2026-11-30',
      migrationUrl: 'https://www.qhd.gov.cn/',
      attachmentId: up.body.id,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const own = await s.client.get(`/api/site/offline/attachments/${up.body.id}`);
    expect(own.status).toBe(200);
    expect(own.headers['content-disposition']).toContain('attachment;');
    expect(own.raw.equals(pdf)).toBe(true);
    const org = await chain[1]!.get(`/api/offline-requests/${applied.body.requestId}/attachment`);
    expect(org.status).toBe(200);
    expect(org.headers['content-type']).toBe('application/pdf');
    expect(org.raw.equals(pdf)).toBe(true);
    expect(
      (await (await t.loginAs('hubei')).get(`/api/offline-requests/${applied.body.requestId}/attachment`)).status,
    ).toBe(404);
    // Another site cannot use or read it.
    const other = await operatorSite(t);
    expect((await other.client.get(`/api/site/offline/attachments/${up.body.id}`)).status).toBe(404);
    const reuse = await other.client.post('/api/site/offline/requests', {
      kind: 'PERM',
      reason: 'x',
      plannedDate: '2026-11-30',
      attachmentId: up.body.id,
    });
    expect(reuse.status).toBe(400);
  });
});
