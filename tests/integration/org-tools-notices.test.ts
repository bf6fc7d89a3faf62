// 重要通知 over HTTP: who may publish to whom, audience scoped in SQL (no other province's notices), sanitized body,
// attachments, pinned first, unread count, and read receipts counting exactly the units that opened a notice.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let root: TestClient;
let hebei: TestClient;
let hubei: TestClient;
let haigang: TestClient;
let rootNotice: number;
let hebeiNotice: number;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function multipart(fileName: string, content: Buffer) {
  const boundary = '----govsite-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(c: TestClient, fileName: string, content: Buffer) {
  const m = multipart(fileName, content);
  return c.request('POST', '/api/notices/attachments', m.body, { headers: m.headers });
}

beforeAll(async () => {
  t = await createTestApp();
  root = await t.loginAs('admin');
  hebei = await t.loginAs('hebei');
  hubei = await t.loginAs('hubei');
  haigang = await t.loginAs('haigang');
});
afterAll(async () => {
  await t?.close();
});

describe('publishing', () => {
  it('lets the root publish to all units, with a sanitized body and an attachment', async () => {
    const up = await upload(root, '工作方案.pdf', PDF);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ fileName: '工作方案.pdf', mimeType: 'application/pdf' });
    const res = await root.post('/api/notices', {
      title: '关于开展第四季度政府网站抽查的通知',
      bodyHtml:
        '<p onclick="alert(1)">各单位：<strong>请按时</strong>上报。</p><script>alert(2)</script><a href="javascript:x">x</a>',
      pinned: false,
      attachmentIds: [up.body.id],
    });
    expect(res.status).toBe(200);
    rootNotice = res.body.id;
    const row = await t.ctx.db.selectFrom('notices').selectAll().where('id', '=', rootNotice).executeTakeFirstOrThrow();
    expect(row.audience).toBe('ALL');
    expect(row.body_html).toContain('<strong>请按时</strong>');
    expect(row.body_html).not.toMatch(/script|onclick|javascript/);
  });

  it('lets a province publish to its own subtree only; cities cannot publish', async () => {
    const all = await hebei.post('/api/notices', { title: '全国', bodyHtml: '<p>x</p>', audience: 'ALL' });
    expect(all.status).toBe(403);
    const res = await hebei.post('/api/notices', {
      title: '河北省网站普查安排',
      bodyHtml: '<p>河北各市县</p>',
      pinned: true,
    });
    expect(res.status).toBe(200);
    hebeiNotice = res.body.id;
    const qhd = await t.loginAs('qinhuangdao');
    expect((await qhd.post('/api/notices', { title: 'x', bodyHtml: '<p>x</p>' })).status).toBe(403);
    expect((await upload(qhd, 'a.pdf', PDF)).status).toBe(403);
  });

  it('refuses an empty body, a disallowed type, a mislabelled file and a file over 10 MB', async () => {
    expect((await root.post('/api/notices', { title: '空', bodyHtml: '<p> </p><script>x</script>' })).status).toBe(400);
    const exe = await upload(root, 'setup.exe', Buffer.from('MZ'));
    expect(exe.status).toBe(400);
    expect(exe.body.message).toContain('附件类型不支持');
    const fake = await upload(root, 'fake.pdf', Buffer.from('<html><script>x</script></html>'));
    expect(fake.status).toBe(400);
    const big = await upload(root, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(400);
    expect(big.body.message).toBe('附件不能超过 10 MB');
  });
});

describe('audience', () => {
  it('shows a county both notices, pinned first, with the unread badge count', async () => {
    const list = await haigang.get('/api/notices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: { id: number }) => n.id)).toEqual([hebeiNotice, rootNotice]);
    expect(list.body.items[0].pinned).toBe(true);
    expect(list.body.canPublish).toBe(false);
    expect((await haigang.get('/api/notices/unread-count')).body.count).toBe(2);
  });

  it('never shows another province its notices (list, detail, attachments, receipts)', async () => {
    const list = await hubei.get('/api/notices');
    expect(list.body.items.map((n: { id: number }) => n.id)).toEqual([rootNotice]);
    expect((await hubei.get(`/api/notices/${hebeiNotice}`)).status).toBe(404);
    expect((await hubei.get(`/api/notices/${hebeiNotice}/receipts`)).status).toBe(404);
    expect((await hubei.get('/api/notices/unread-count')).body.count).toBe(1);
  });

  it('opens a notice with its attachment, which the reader can download', async () => {
    const detail = await haigang.get(`/api/notices/${rootNotice}`);
    expect(detail.status).toBe(200);
    expect(detail.body.attachments).toHaveLength(1);
    const file = await haigang.get(`/api/notices/${rootNotice}/attachments/${detail.body.attachments[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.raw.equals(PDF)).toBe(true);
    expect((await haigang.get('/api/notices/unread-count')).body.count).toBe(1);
  });
});

describe('read receipts', () => {
  it('count exactly the units that opened the notice, once each', async () => {
    const shanhaiguan = await t.loginAs('shanhaiguan');
    await shanhaiguan.get(`/api/notices/${rootNotice}`);
    await shanhaiguan.get(`/api/notices/${rootNotice}`);
    await hubei.get(`/api/notices/${rootNotice}`);
    // haigang opened it above; the publisher's own reading does not count as a receipt.
    const read = await root.get(`/api/notices/${rootNotice}/receipts?status=read&pageSize=100`);
    expect(read.status).toBe(200);
    expect(read.body.items.map((i: { code: string }) => i.code).sort()).toEqual(['130302', '130303', '420000']);
    expect(read.body.readUnits).toBe(3);
    const direct = await sql<{ n: number }>`
      SELECT count(DISTINCT org_code)::int AS n FROM notice_reads WHERE notice_id = ${rootNotice} AND org_code <> 'bm0100'`.execute(
      t.ctx.db,
    );
    expect(read.body.readUnits).toBe(direct.rows[0]?.n);
    const enabled = await t.ctx.db
      .selectFrom('org_units')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('enabled', '=', true)
      .executeTakeFirstOrThrow();
    expect(read.body.audienceUnits).toBe(enabled.n - 1);
    const unread = await root.get(`/api/notices/${rootNotice}/receipts?status=unread&q=秦皇岛`);
    expect(unread.body.items.map((i: { code: string }) => i.code)).toContain('130300');
    expect(unread.body.items.map((i: { code: string }) => i.code)).not.toContain('130302');

    // A province's notice: its audience is its subtree.
    const hebeiReceipts = await hebei.get(`/api/notices/${hebeiNotice}/receipts?status=unread`);
    expect(hebeiReceipts.body.readUnits).toBe(0);
    const subtree = await t.ctx.db
      .selectFrom('org_units')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('path', 'like', '/bm0100/130000/%')
      .where('code', '<>', '130000')
      .executeTakeFirstOrThrow();
    expect(hebeiReceipts.body.audienceUnits).toBe(subtree.n);
    // Readers are not publishers: no receipts for them.
    expect((await haigang.get(`/api/notices/${rootNotice}/receipts`)).status).toBe(403);
  });
});

describe('managing', () => {
  it('pins, unpins and withdraws (publisher only)', async () => {
    expect((await haigang.post(`/api/notices/${hebeiNotice}/manage`, { action: 'WITHDRAW' })).status).toBe(403);
    expect((await hebei.post(`/api/notices/${hebeiNotice}/manage`, { action: 'UNPIN' })).status).toBe(200);
    expect((await hebei.post(`/api/notices/${hebeiNotice}/manage`, { action: 'WITHDRAW' })).status).toBe(200);
    expect((await haigang.get(`/api/notices/${hebeiNotice}`)).status).toBe(404);
    expect((await haigang.get('/api/notices')).body.items.map((n: { id: number }) => n.id)).toEqual([rootNotice]);
  });
});
