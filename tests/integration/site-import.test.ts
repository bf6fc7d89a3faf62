// 批量导入网站 (issue 20) over HTTP on a real database: export → import round trip, GBK CSV, all-or-nothing, a second
// run that changes nothing, 「批量导入更新」 with the difference, the 标识码 counter and the next 16:00 batch, the
// 校验码发放表 (codes that log in), scope by subtree, and bad input refused with a Chinese message.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../helpers/factories.ts';
import { encodeGbk } from '../helpers/gbk.ts';
import { issuedSite, sh } from '../helpers/issuance.ts';
import { csvOf, HEADERS, registerSnapshot, row, sheetRows, upload, xlsxOf } from '../helpers/site-import.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

const CHINESE = /[\u4e00-\u9fff]/;

async function counts(t: TestApp) {
  const r = await sql<{ sites: number; audit: number; seqs: number; domains: number }>`
    SELECT (SELECT count(*)::int FROM sites) AS sites, (SELECT count(*)::int FROM audit_log) AS audit,
           (SELECT count(*)::int FROM site_sequences) AS seqs, (SELECT count(*)::int FROM site_domains) AS domains`.execute(
    t.ctx.db,
  );
  return r.rows[0]!;
}

describe('export → import round trip, second run, update', () => {
  let source: TestApp;
  let target: TestApp;
  let exported: Buffer;

  beforeAll(async () => {
    source = await createTestApp();
    target = await createTestApp();
    const db = source.ctx.db;
    await makeSite(db, { orgCode: '130302', seq: 3, name: '海港区教育局网站', homeUrl: 'https://jyj.hg.gov.cn/' });
    await makeSite(db, {
      orgCode: '130302',
      seq: 7,
      name: '海港区人民政府',
      homeUrl: 'https://www.hg.gov.cn/',
      isPortal: true,
    });
    const closed = await makeSite(db, {
      orgCode: '130303',
      seq: 2,
      name: '山海关区旧网站',
      homeUrl: 'https://old.shg.gov.cn/',
      runStatus: 'PERM_OFFLINE',
    });
    const exception = await makeSite(db, {
      orgCode: '130300',
      seq: 12,
      name: '秦皇岛市统计局',
      homeUrl: 'https://tjj.qhd.gov.cn/',
      runStatus: 'EXCEPTION',
      isServicePlatform: true,
    });
    await db
      .insertInto('site_domains')
      .values([
        { host: 'tongji.qhd.gov.cn', site_id: exception.id },
        { host: 'xn--fiqs8sirgfmhq98a.xn--zfr164b', site_id: exception.id },
      ])
      .execute();
    const columns = [
      {
        category: 'ZWDT',
        categoryName: '政务动态',
        names: '统计动态；通知公告',
        addresses: 'https://tjj.qhd.gov.cn/dt/；https://tjj.qhd.gov.cn/tz/',
      },
      { category: 'HDFT', categoryName: '互动访谈类', names: '无', addresses: '无' },
    ];
    await db
      .updateTable('sites')
      .set({ columns: JSON.stringify(columns) })
      .where('id', '=', exception.id)
      .execute();
    expect(closed.site_code).toBe('1303030002');
    const root = await source.loginAs('admin');
    const res = await root.get('/api/site-import/export');
    expect(res.status).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('政府网站登记信息_bm0100_');
    exported = res.raw;
  });

  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('imports the export into an empty register with identical records', async () => {
    const root = await target.loginAs('admin');
    const preview = await upload(root, '/api/site-import/preview', '登记信息.xlsx', exported);
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(true);
    expect(preview.body.counts).toEqual({ create: 4, update: 0, unchanged: 0, error: 0 });
    expect(preview.body.notices).toEqual([]);
    const commit = await upload(root, '/api/site-import/commit', '登记信息.xlsx', exported);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ created: 4, updated: 0, unchanged: 0 });
    expect(await registerSnapshot(target.ctx.db)).toEqual(await registerSnapshot(source.ctx.db));

    // Every imported site's 审核流水 starts with 「批量导入」 naming the file and the user.
    const site = await target.ctx.db
      .selectFrom('sites')
      .select('id')
      .where('site_code', '=', '1303000012')
      .executeTakeFirstOrThrow();
    const trail = await root.get(`/api/sites/${site.id}/audit`);
    expect(trail.status).toBe(200);
    expect(trail.body.items[0]).toMatchObject({ action: '批量导入', to: '例外' });
    expect(trail.body.items[0].comment).toContain('登记信息.xlsx');
    expect(trail.body.items[0].comment).toContain('第 ');
    expect(trail.body.items[0].person).not.toBe('');

    // The counters moved past the highest imported code of each org.
    const seqs = await target.ctx.db.selectFrom('site_sequences').selectAll().orderBy('org_code').execute();
    expect(seqs).toEqual([
      { org_code: '130300', last_seq: 12 },
      { org_code: '130302', last_seq: 7 },
      { org_code: '130303', last_seq: 2 },
    ]);
  });

  it('a second run of the same file changes nothing', async () => {
    const root = await target.loginAs('admin');
    const before = await counts(target);
    const snapshot = await registerSnapshot(target.ctx.db);
    const versions = await target.ctx.db.selectFrom('sites').select(['id', 'version', 'updated_at']).execute();
    const preview = await upload(root, '/api/site-import/preview', '登记信息.xlsx', exported);
    expect(preview.body.counts).toEqual({ create: 0, update: 0, unchanged: 4, error: 0 });
    const again = await upload(root, '/api/site-import/commit', '登记信息.xlsx', exported);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, checkCodeSheet: null });
    expect(await registerSnapshot(target.ctx.db)).toEqual(snapshot);
    expect(await target.ctx.db.selectFrom('sites').select(['id', 'version', 'updated_at']).execute()).toEqual(versions);
    const after = await counts(target);
    // Only the import's own summary entry is added.
    expect({ ...after, audit: after.audit - 1 }).toEqual(before);
  });

  it('a changed row updates its site with 「批量导入更新」 showing the difference', async () => {
    const root = await target.loginAs('admin');
    const file = await xlsxOf([
      ['网站标识码', '网站名称', '网站负责人手机'],
      ['1303020003', '海港区教育局门户', '13700001111'],
      ['1303020007', '海港区人民政府', ''],
    ]);
    const preview = await upload(root, '/api/site-import/preview', '改名.xlsx', file);
    // An emptied required cell is an error: the second row must keep its mobile.
    expect(preview.body.counts.error).toBe(1);
    const fixed = await xlsxOf([
      ['网站标识码', '网站名称', '网站负责人手机'],
      ['1303020003', '海港区教育局门户', '13700001111'],
    ]);
    const res = await upload(root, '/api/site-import/commit', '改名.xlsx', fixed);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const site = await target.ctx.db
      .selectFrom('sites')
      .select(['id', 'name', 'info'])
      .where('site_code', '=', '1303020003')
      .executeTakeFirstOrThrow();
    expect(site.name).toBe('海港区教育局门户');
    expect((site.info as { principal: { mobile: string; name: string } }).principal).toMatchObject({
      mobile: '13700001111',
      name: '王伟',
    });
    const trail = await root.get(`/api/sites/${site.id}/audit`);
    const last = trail.body.items.at(-1);
    expect(last.action).toBe('批量导入更新');
    expect(last.comment).toContain('网站名称“海港区教育局网站”→“海港区教育局门户”');
    expect(last.comment).toContain('网站负责人手机“13912345678”→“13700001111”');
  });
});

describe('rules, 校验码, counters and bad input', () => {
  let t: TestApp;
  let root: TestClient;
  let hebei: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    root = await t.loginAs('admin');
    hebei = await t.loginAs('hebei');
    await makeSite(t.ctx.db, { orgCode: '130302', seq: 1, name: '已有网站', homeUrl: 'https://old.hg.gov.cn/' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('hands out fresh 校验码 once in the 校验码发放表; they log in', async () => {
    const file = await xlsxOf([
      HEADERS,
      row('1303020005', '海港区住建局网站', 'zjj.hg.gov.cn'),
      row('1303020009', '海港区文旅局网站', 'wlj.hg.gov.cn', { 其他域名: 'wl.hg.gov.cn；lvyou.hg.gov.cn' }),
    ]);
    const res = await upload(hebei, '/api/site-import/commit', '河北导入.xlsx', file);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(2);
    expect(res.body.checkCodeSheet.fileName).toMatch(/^校验码发放表_130000_\d{14}\.xlsx$/);
    const rows = await sheetRows(res.body.checkCodeSheet.base64);
    expect(rows[0]).toEqual(['网站标识码', '网站名称', '首页网址', '网站组织单位标识码', '校验码']);
    expect(rows.slice(1, 3).map((r) => r[0])).toEqual(['1303020005', '1303020009']);
    for (const r of rows.slice(1, 3)) {
      expect(r[4]).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
      const site = t.client({ ip: `10.77.0.${r[0]!.slice(-1)}` });
      const login = await site.post('/api/auth/site-login', { siteCode: r[0], checkCode: r[4] });
      expect(login.status).toBe(200);
    }
    // Only hashes are kept; the download is audited.
    const stored = await t.ctx.db
      .selectFrom('sites')
      .select(['check_code_hash', 'check_code_enc'])
      .where('site_code', '=', '1303020005')
      .executeTakeFirstOrThrow();
    expect(stored.check_code_hash).toMatch(/^\$argon2id\$/);
    expect(stored.check_code_enc).toBeNull();
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'comment'])
      .where('action', '=', '下载校验码发放表')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toBe('河北省审核员');
    expect(audit[0]!.comment).toContain('河北导入.xlsx');
  });

  it('reads a GBK CSV (Excel on Chinese Windows) and a UTF-8 CSV with BOM', async () => {
    const text = csvOf([HEADERS, row('1303030004', '山海关区教育局网站', 'jyj.shg.gov.cn')]);
    const gbk = encodeGbk(text);
    const preview = await upload(root, '/api/site-import/preview', '山海关.csv', gbk);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ format: 'csv', encoding: 'GB18030', ok: true });
    expect(preview.body.rows[0]).toMatchObject({ name: '山海关区教育局网站', action: 'create' });
    const res = await upload(root, '/api/site-import/commit', '山海关.csv', gbk);
    expect(res.body.created).toBe(1);
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csvOf([HEADERS, row('1303030004', '山海关区教育局网站', 'jyj.shg.gov.cn')])),
    ]);
    const again = await upload(root, '/api/site-import/preview', 'bom.csv', bom);
    expect(again.body).toMatchObject({ encoding: 'UTF-8 BOM', counts: { unchanged: 1, create: 0, error: 0 } });
  });

  it('one bad row and nothing is imported; the report names row, column and reason', async () => {
    const before = await counts(t);
    const file = await xlsxOf([
      HEADERS,
      row('1303020020', '海港区水务局网站', 'slj.hg.gov.cn'),
      row('1303020021', '海港区医保局网站', 'ybj.hg.gov.cn', { 网站负责人手机: '1234' }),
      row('1303020022', '已有网站', 'dup.hg.gov.cn'),
      row('1303020023', '海港区重复网址', 'slj.hg.gov.cn'),
      row('1303020024', '海港区第二门户', 'mh2.hg.gov.cn', { 是否本级政府门户网站: '是' }),
      row('1303020025', '海港区第三门户', 'mh3.hg.gov.cn', { 是否本级政府门户网站: '是' }),
    ]);
    const res = await upload(root, '/api/site-import/commit', '有错.xlsx', file);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('未导入任何数据');
    expect(await counts(t)).toEqual(before);

    const preview = await upload(root, '/api/site-import/preview', '有错.xlsx', file);
    const errors = preview.body.rows.flatMap((r: { errors: { row: number; column: string; message: string }[] }) =>
      r.errors.map((e) => `${e.row}${e.column}:${e.message}`),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^3K:网站负责人手机/),
      '4B:网站名称“已有网站”已被网站“已有网站”（标识码 1303020001）使用',
      '5C:首页网址“https://slj.hg.gov.cn/”与第 2 行重复',
      '7E:组织单位 130302 只能有一个门户网站，第 6 行已是其门户网站',
    ]);
    const report = await upload(root, '/api/site-import/report', '有错.xlsx', file);
    expect(report.status).toBe(200);
    const rows = await sheetRows(report.raw);
    expect(rows[0]!.slice(0, 3)).toEqual(['预检结果', '问题说明', '网站标识码']);
    expect(rows[1]!.slice(0, 1)).toEqual(['新增']);
    expect(rows[2]![0]).toBe('错误');
    expect(rows[2]![1]).toContain('K列（网站负责人手机）');
    expect(rows[2]![2]).toBe('1303020021');
  });

  it('scope: a level-1 unit imports only into its subtree; level 2 may not import', async () => {
    const file = await xlsxOf([HEADERS, row('4200000031', '湖北省某网站', 'x.hubei.gov.cn')]);
    const res = await upload(hebei, '/api/site-import/preview', '湖北.xlsx', file);
    expect(res.body.rows[0].errors[0].message).toContain('不在河北省');
    const taken = await xlsxOf([HEADERS, row('1303020001', '已有网站', 'old.hg.gov.cn')]);
    const hubei = await t.loginAs('hubei');
    const outside = await upload(hubei, '/api/site-import/preview', '占用.xlsx', taken);
    expect(outside.body.rows[0].errors[0].message).toContain('管辖范围以外');
    const qhd = await t.loginAs('qinhuangdao');
    const denied = await upload(qhd, '/api/site-import/preview', '湖北.xlsx', file);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('省级（部委）');
    const exp = await qhd.get('/api/site-import/export');
    expect(exp.status).toBe(403);
  });

  it('bad input: a clear Chinese message and nothing imported', async () => {
    const before = await counts(t);
    const good = row('1303020040', '海港区审计局网站', 'sjj.hg.gov.cn');
    const long = row('1303020041', '海港区长内容网站', 'cnr.hg.gov.cn', { 主办单位: '很'.repeat(5000) });
    const formula = await xlsxOf([HEADERS, good], (_wb, ws) => {
      ws.getCell('B2').value = { formula: 'CONCAT("海港","区")', result: '海港区' } as never;
    });
    const merged = await xlsxOf([HEADERS, good, row('1303020042', '海港区另一网站', 'ly.hg.gov.cn')], (_wb, ws) => {
      ws.mergeCells('G2:G3');
    });
    const hidden = await xlsxOf([HEADERS, good], (wb) => {
      const h = wb.addWorksheet('隐藏');
      h.state = 'hidden';
      h.addRow(['x']);
    });
    const dated = await xlsxOf([HEADERS, good], (_wb, ws) => {
      ws.getCell('J2').value = new Date('2019-05-01T00:00:00Z');
    });
    const empty = await xlsxOf([]);
    const headerOnly = await xlsxOf([HEADERS]);
    const many = Buffer.from(
      csvOf([HEADERS, ...Array.from({ length: 50_001 }, (_, i) => [`13030200${i}`.slice(0, 10), `网站${i}`])]),
    );
    const cases: [string, Buffer, string][] = [
      ['文本.xlsx', Buffer.from('这不是表格'), '不是 xlsx 工作簿'],
      ['程序.exe', Buffer.from('MZ\u0090\u0000'), '只能导入 .xlsx 或 .csv'],
      ['旧版.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '旧版 .xls'],
      ['二进制.csv', Buffer.from([0, 1, 2, 3, 0, 0, 5, 6, 7, 8, 9]), '不是文本格式'],
      ['空.xlsx', empty, '工作表是空的'],
      ['只有列名.xlsx', headerOnly, '只有列名'],
      ['公式.xlsx', formula, '公式'],
      ['合并.xlsx', merged, '合并单元格'],
      ['隐藏.xlsx', hidden, '隐藏的工作表'],
      ['日期.xlsx', dated, '日期格式'],
      ['超长.xlsx', await xlsxOf([HEADERS, long]), '内容过长'],
      ['过多.csv', many, '超过单次导入上限'],
    ];
    for (const [name, content, expected] of cases) {
      const preview = await upload(root, '/api/site-import/preview', name, content);
      expect(preview.status, name).toBe(200);
      const messages = [
        ...preview.body.fileErrors,
        ...preview.body.rows.flatMap((r: { errors: unknown[] }) => r.errors),
      ].map((e: { message: string }) => e.message);
      expect(preview.body.ok, name).toBe(false);
      expect(messages.join('\n'), name).toContain(expected);
      const commit = await upload(root, '/api/site-import/commit', name, content);
      expect(commit.status, name).toBe(400);
      expect(commit.body.message, name).toMatch(CHINESE);
    }
    const huge = await upload(root, '/api/site-import/preview', '大.csv', Buffer.alloc(10 * 1024 * 1024 + 10, 0x41));
    expect(huge.status).toBe(400);
    expect(huge.body.message).toContain('10 MB');
    expect(await counts(t)).toEqual(before);
  });

  it('the next 16:00 batch does not reuse an imported code (last: it moves the clock)', async () => {
    const seq = await t.ctx.db
      .selectFrom('site_sequences')
      .select('last_seq')
      .where('org_code', '=', '130302')
      .executeTakeFirstOrThrow();
    expect(seq.last_seq).toBe(9);
    const issued = await issuedSite(t, '130302', sh('2026-11-03T16:00:00'));
    expect(issued.siteCode).toBe('1303020010');
  });
});
