// Helpers of the site-import tests: multipart uploads, spreadsheets built cell by cell, and a register's comparable form.
import ExcelJS from 'exceljs';
import type { Db } from '../../src/server/context.ts';
import type { Res, TestClient } from './test-app.ts';

export function multipart(fileName: string, content: Buffer) {
  const boundary = `----govsite${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(client: TestClient, url: string, fileName: string, content: Buffer): Promise<Res> {
  const m = multipart(fileName, content);
  return client.post(url, m.body, { headers: m.headers });
}

export const HEADERS = [
  '网站标识码',
  '网站名称',
  '首页网址',
  '网站组织单位标识码',
  '是否本级政府门户网站',
  '是否政务服务平台',
  '主办单位',
  '网站负责人姓名',
  '网站负责人职务',
  '网站负责人办公电话',
  '网站负责人手机',
  '网站负责人电子邮箱',
  '网站联系人1姓名',
  '网站联系人1办公电话',
  '网站联系人1手机',
  '网站联系人1电子邮箱',
  'ICP备案号',
  '公安机关备案号',
  '其他域名',
];

/** A valid row for org `orgCode` with sequence `seq`; `name`/`host` make it unique. */
export function row(siteCode: string, name: string, host: string, over: Partial<Record<string, string>> = {}) {
  const values: Record<string, string> = {
    网站标识码: siteCode,
    网站名称: name,
    首页网址: `https://${host}/`,
    网站组织单位标识码: siteCode.slice(0, 6),
    是否本级政府门户网站: '否',
    是否政务服务平台: '否',
    主办单位: `${name}主办单位`,
    网站负责人姓名: '王伟',
    网站负责人职务: '主任',
    网站负责人办公电话: '0335-3012345',
    网站负责人手机: '13912345678',
    网站负责人电子邮箱: 'wangwei@example.gov.cn',
    网站联系人1姓名: '李娜',
    网站联系人1办公电话: '0335-3012346',
    网站联系人1手机: '13812345678',
    网站联系人1电子邮箱: 'lina@example.gov.cn',
    ICP备案号: '冀ICP备15003849号',
    公安机关备案号: '冀公网安备13030202002230号',
    其他域名: '',
    ...over,
  };
  return HEADERS.map((h) => values[h] ?? '');
}

export async function xlsxOf(
  rows: (string | number | Date | ExcelJS.CellValue)[][],
  edit?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('网站');
  for (const r of rows) ws.addRow(r);
  edit?.(wb, ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvOf(rows: string[][]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Everything the register holds about its issued sites that an import must reproduce, by 标识码. */
export async function registerSnapshot(db: Db) {
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'site_code', 'org_code', 'name', 'home_url', 'is_portal', 'is_service_platform', 'info', 'columns'])
    .select(['run_status', 'sponsor_name', 'name_key', 'home_url_key', 'home_host'])
    .where('site_code', 'is not', null)
    .orderBy('site_code')
    .execute();
  const domains = await db.selectFrom('site_domains').select(['site_id', 'host']).orderBy('host').execute();
  return sites.map(({ id, ...s }) => ({
    ...s,
    domains: domains.filter((d) => d.site_id === id).map((d) => d.host),
  }));
}

export async function sheetRows(base64OrBuffer: string | Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  const buf = typeof base64OrBuffer === 'string' ? Buffer.from(base64OrBuffer, 'base64') : base64OrBuffer;
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}
