// Heavy exports under a burst (issue 16 item 5): the whole-tree 组织单位信息查询 export is streamed and runs in one of
// a few export slots; a burst of them gives every caller either the complete file or a clear Chinese "try again",
// and the server keeps answering other requests meanwhile. Timings are printed, never asserted.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/domain/messages/index.ts';
import { EXPORT_CONCURRENCY, EXPORT_MAX_WAITING } from '../../src/server/plugins/export-slots.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let root: TestClient;
let units: number;

beforeAll(async () => {
  t = await createTestApp();
  root = await t.loginAs('admin');
  const r = await t.ctx.db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  units = Number(r.n);
});
afterAll(async () => {
  await t?.close();
});

async function rowCount(raw: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  return workbook.worksheets[0]!.actualRowCount;
}

describe('whole-tree exports in a burst', () => {
  it('every caller gets the complete file or a Chinese “try again”, and health answers meanwhile', async () => {
    const burst = EXPORT_CONCURRENCY + EXPORT_MAX_WAITING + 2;
    const started = Date.now();
    const exports = Array.from({ length: burst }, () => root.get('/api/org-query/export?scope=all'));
    const healthTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      expect((await t.client().get('/api/health')).status).toBe(200);
      healthTimes.push(Date.now() - t0);
    }
    const results = await Promise.all(exports);
    const done = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    console.info(
      `${burst} concurrent whole-tree exports: ${done.length} files, ${refused.length} refused, ` +
        `${Date.now() - started} ms in all; /api/health meanwhile: ${healthTimes.join(', ')} ms`,
    );
    expect(done.length + refused.length).toBe(burst);
    expect(done.length).toBeGreaterThanOrEqual(EXPORT_CONCURRENCY + 1);
    for (const r of refused) expect(r.body.message).toBe(MESSAGES.exportsBusy);
    // Each file is whole: the header row plus every unit of the tree.
    for (const r of done) expect(await rowCount(r.raw)).toBe(units + 1);
    // The slots are all given back: a later export runs at once.
    expect((await root.get('/api/org-query/export?scope=all')).status).toBe(200);
  }, 300_000);
});
