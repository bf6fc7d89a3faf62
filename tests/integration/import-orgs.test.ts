// import-orgs reads real xlsx and csv files, keeps the good rows and reports each bad row with its number and reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetRows } from '../../src/cli/import-orgs.ts';
import { importOrgUnits } from '../../src/server/modules/org-units/import-orgs.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'govsite-import-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const HEADER = [
  '组织单位代码',
  '名称',
  '显示名称',
  '上级代码',
  '负责人姓名',
  '负责人办公电话',
  '负责人手机',
  '负责人邮箱',
  '是否启用',
];

describe('govsite import-orgs', () => {
  it('imports 3 good rows of an xlsx file and reports the 2 bad ones', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('组织单位');
    sheet.addRow(HEADER);
    sheet.addRow([
      'bm3053',
      '国家税务总局唐山市税务局办公室',
      '国家税务总局唐山市税务局',
      'bm3013',
      '王伟',
      '0315-2345678',
      '13912345678',
      'ww@ts.gov.cn',
      '是',
    ]); // row 2 ok
    sheet.addRow(['110100', '北京市市辖区', '', '110000', '', '', '', '', '']); // row 3: aggregate code
    sheet.addRow(['bm3701', '某垂管局办公室', '某垂管局', 'bm3799', '', '', '', '', '']); // row 4: unknown parent
    sheet.addRow([
      'bm3054',
      '国家税务总局邯郸市税务局办公室',
      '国家税务总局邯郸市税务局',
      'bm3013',
      '李娜',
      '0310-3456789',
      '13812345678',
      'ln@hd.gov.cn',
      '是',
    ]); // row 5 ok
    sheet.addRow([
      '130302',
      '秦皇岛市海港区人民政府办公室',
      '海港区',
      '130300',
      '赵敏',
      '0335-3123456',
      '13712345678',
      'zm@hg.gov.cn',
      '是',
    ]); // row 6 ok: update
    const file = join(dir, 'orgs.xlsx');
    await workbook.xlsx.writeFile(file);

    const rows = await readSheetRows(file);
    const progress: number[] = [];
    const result = await importOrgUnits(t.ctx.db, rows, t.clock.now(), (done) => progress.push(done));
    expect(result.created).toBe(2);
    expect(result.updated).toBe(1);
    expect(result.errors).toEqual([
      { rowNumber: 3, code: '110100', reason: expect.stringContaining('市辖区') },
      { rowNumber: 4, code: 'bm3701', reason: '上级代码 bm3799 不存在' },
    ]);
    expect(progress.at(-1)).toBe(5);

    const created = await t.ctx.db
      .selectFrom('org_units')
      .selectAll()
      .where('code', 'in', ['bm3053', 'bm3054'])
      .orderBy('code')
      .execute();
    expect(created.map((o) => [o.code, o.level, o.branch, o.parent_code, o.path])).toEqual([
      ['bm3053', 3, 'VERTICAL', 'bm3013', '/bm0100/bm3000/bm3013/bm3053/'],
      ['bm3054', 3, 'VERTICAL', 'bm3013', '/bm0100/bm3000/bm3013/bm3054/'],
    ]);
    expect(created[0]?.principal).toEqual({
      name: '王伟',
      officePhone: '0315-2345678',
      mobile: '13912345678',
      email: 'ww@ts.gov.cn',
    });
    const updated = await t.ctx.db
      .selectFrom('org_units')
      .selectAll()
      .where('code', '=', '130302')
      .executeTakeFirstOrThrow();
    expect(updated.principal?.name).toBe('赵敏');
    expect(
      await t.ctx.db.selectFrom('org_units').select('code').where('code', '=', 'bm3701').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('reads csv with a BOM and refuses a county placed under the wrong prefecture, bad phones and a re-parent', async () => {
    const lines = [
      HEADER.join(','),
      'bm3055,国家税务总局保定市税务局办公室,国家税务总局保定市税务局,bm3013,,,,,', // row 2 ok
      '130398,某区人民政府办公室,某区,130200,,,,,', // row 3: wrong prefecture
      'bm3056,国家税务总局廊坊市税务局办公室,国家税务总局廊坊市税务局,bm3013,张三,12345,,,', // row 4: bad phone
      '130303,山海关区人民政府办公室,山海关区,130200,,,,,', // row 5: re-parent refused
    ];
    const file = join(dir, 'orgs.csv');
    writeFileSync(file, `\uFEFF${lines.join('\n')}\n`);
    const result = await importOrgUnits(t.ctx.db, await readSheetRows(file), t.clock.now());
    expect(result.created).toBe(1);
    expect(result.errors.map((e) => e.rowNumber)).toEqual([3, 4, 5]);
    expect(result.errors[0]?.reason).toContain('应挂接在 130300 之下');
    expect(result.errors[1]?.reason).toContain('负责人办公电话');
    expect(result.errors[2]?.reason).toContain('挂接关系维护');
  });
});
