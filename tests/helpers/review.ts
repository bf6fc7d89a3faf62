// Helpers of the review tests: clients of the demo units, the list row a unit sees, a request row, xlsx read-back.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Res, TestApp, TestClient } from './test-app.ts';

export const REVIEW_USERS = ['admin', 'hebei', 'hubei', 'qinhuangdao', 'haigang', 'shanhaiguan'] as const;

export type Row = { id: number; name: string; orgStatus: string; request: { id: number; version: number } | null };

export interface ReviewKit {
  as(user: string): TestClient;
  rowOf(user: string, siteName: string): Promise<Row & Record<string, unknown>>;
  requestRow(id: number): ReturnType<typeof requestRowOf>;
}

function requestRowOf(t: TestApp, id: number) {
  return t.ctx.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Logs in every demo unit once and returns the helpers bound to those clients. */
export async function reviewKit(t: TestApp): Promise<ReviewKit> {
  const clients = new Map<string, TestClient>();
  for (const u of REVIEW_USERS) clients.set(u, await t.loginAs(u));
  const as = (user: string) => {
    const client = clients.get(user);
    if (!client) throw new Error(`no client for ${user}`);
    return client;
  };
  return {
    as,
    async rowOf(user, siteName) {
      const res = await as(user).get(`/api/sites?name=${encodeURIComponent(siteName)}`);
      expect(res.status).toBe(200);
      const row = (res.body.items as Row[]).find((r) => r.name === siteName);
      if (!row) throw new Error(`${user} does not see ${siteName}`);
      return row as Row & Record<string, unknown>;
    },
    requestRow: (id) => requestRowOf(t, id),
  };
}

/** The first sheet of an xlsx answer, every cell as text. */
export async function readXlsx(res: Res): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

export const EXPORT_HEADERS = [
  '网站标识码',
  '网站名称',
  '首页网址',
  '省/部委',
  '市/垂管省局',
  '县/垂管分局',
  '主办单位',
  '是否组织单位门户',
  '是否政务服务平台',
  '列表状态',
  '申报状态',
  '最后更新时间',
  '链接健康',
  '其他域名',
];
