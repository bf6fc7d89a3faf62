// Round trip of hostile text through a valid new-site application, on both databases: what the API accepted comes
// back byte-identical to the documented normalisation (boundary: lone surrogates → U+FFFD; then validateSiteInfo:
// controls removed, full-width ASCII → half-width except Chinese punctuation, spaces collapsed, trimmed) in the JSON
// API (list, record view, 临时码 progress) and in the xlsx export, where formula-looking cells are neutralised and
// no control character remains. A refused application stores nothing and says why in Chinese.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSiteInfo } from '../../src/domain/site-info.ts';
import { wellFormed } from '../../src/server/plugins/well-formed-input.ts';
import { neutraliseCell } from '../../src/server/xlsx-table.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { EXPORT_HEADERS } from '../helpers/review.ts';
import { createTestApp, type Res, type TestApp, type TestClient } from '../helpers/test-app.ts';
import { changeCount, hostileString, installChangeCounter } from './fuzz-inputs.ts';

const RUNS = Number(process.env.GOVSITE_FUZZ_ROUNDTRIP_RUNS ?? 40);
const CHINESE = /[\u4e00-\u9fff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

let t: TestApp;
let reviewer: TestClient;
let n = 0;
let accepted = 0;
let refused = 0;

beforeAll(async () => {
  t = await createTestApp();
  await installChangeCounter(t.ctx.db);
  reviewer = await t.loginAs('haigang');
});
afterAll(async () => {
  console.log(`[fuzz] round trip (${t?.ctx.dbKind}): ${accepted} accepted, ${refused} refused`);
  await t?.close();
});

/** Every cell of the first sheet: its text, and whether exceljs reads it as a formula. */
async function sheetCells(res: Res): Promise<{ rows: string[][]; formulas: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: string[][] = [];
  let formulas = 0;
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas++;
      cells.push(cell.text);
    });
    rows.push(cells);
  });
  return { rows, formulas };
}

const hostileInfo = fc.record({
  name: hostileString,
  sponsorName: hostileString,
  sponsorAddress: hostileString,
  organizerName: hostileString,
  maintainerName: hostileString,
  title: hostileString,
  contactName: hostileString,
});

describe('hostile text through a new-site application', () => {
  it('comes back as the documented normalisation in the API and the xlsx export, or is refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(hostileInfo, async (h) => {
        n++;
        const base = sampleInfo({
          name: 'x',
          homeUrl: `https://roundtrip${n}.hg.gov.cn/`,
          orgCode: '130302',
          isPortal: false,
        });
        // Hostile text in every free-text field; the name and sponsor keep a unique, valid core.
        const input = {
          ...base,
          name: `${h.name}网站${n}`,
          sponsorName: `${h.sponsorName}主办${n}`,
          sponsorAddress: h.sponsorAddress,
          organizerName: h.organizerName,
          maintainerName: h.maintainerName,
          principal: { ...base.principal, title: `${h.title}主任` },
          contacts: [{ ...base.contacts[0]!, name: `${h.contactName}李娜` }],
        };
        const before = await changeCount(t.ctx.db);
        const applicant = t.client({ ip: `10.124.${n % 250}.1` });
        const res = await applicant.post('/api/public/applications', input, {
          headers: { 'idempotency-key': randomUUID() },
        });
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(500);
        const checked = validateSiteInfo(wellFormed(input) as typeof input);
        if (res.status !== 200) {
          refused++;
          expect(res.status).toBe(400);
          expect(String(res.body.message)).toMatch(CHINESE);
          expect(await changeCount(t.ctx.db)).toBe(before);
          // The server refuses exactly what the shared rules refuse (or what is too long for the schema).
          const tooLong = Object.values(input).some((v) => typeof v === 'string' && v.length > 1000);
          expect(checked.ok && !tooLong).toBe(false);
          return;
        }
        accepted++;
        expect(checked.ok).toBe(true);
        const expected = checked.value!;

        // The JSON API: the list row, the record view and the applicant's progress query.
        const list = await reviewer.get(`/api/sites?name=${encodeURIComponent(expected.name)}`);
        expect(list.status).toBe(200);
        const row = (list.body.items as { id: number; name: string; sponsorName: string }[]).find(
          (r) => r.name === expected.name,
        );
        expect(row, `list finds ${JSON.stringify(expected.name)}`).toBeDefined();
        expect(row!.sponsorName).toBe(expected.sponsorName);
        const view = await reviewer.get(`/api/sites/${row!.id}`);
        expect(view.status).toBe(200);
        expect(view.body.info).toMatchObject({
          name: expected.name,
          sponsorName: expected.sponsorName,
          sponsorAddress: expected.sponsorAddress,
          organizerName: expected.organizerName,
          maintainerName: expected.maintainerName,
          principal: { title: expected.principal.title },
          contacts: [{ name: expected.contacts[0]!.name }],
        });
        const progress = await applicant.post('/api/public/progress', { tempCode: res.body.tempCode });
        expect(progress.status).toBe(200);
        expect(progress.body.siteName).toBe(expected.name);

        // The xlsx export of the page: the same text, neutralised against formulas, free of controls.
        const exported = await reviewer.get(`/api/sites/export?name=${encodeURIComponent(expected.name)}`);
        expect(exported.status).toBe(200);
        const { rows, formulas } = await sheetCells(exported);
        expect(formulas).toBe(0);
        expect(rows[0]).toEqual(EXPORT_HEADERS);
        const line = rows.find((r) => r[1] === neutraliseCell(expected.name));
        expect(line, `export has ${JSON.stringify(expected.name)}`).toBeDefined();
        expect(line![6]).toBe(neutraliseCell(expected.sponsorName));
        for (const cell of rows.flat()) {
          expect(cell).not.toMatch(CONTROL);
          expect(cell).not.toMatch(/^[=+\-@]/);
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 4);
  });
});
