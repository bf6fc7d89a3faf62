// The units' progress board of 工作年度报表: for a unit of the caller's subtree, one row per direct subordinate unit
// (its whole subtree) and one for the unit's own sites, with 应报数, 已提交, 已审核, 已发布 and the rates; and its xlsx.

import { type ProgressCounts, progressRates, sumCounts } from '../../../domain/annual-report/work-report-progress.ts';
import { reportYearAt } from '../../../domain/annual-report/work-report-window.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { loadExcelJS, neutraliseCell } from '../../xlsx-table.ts';
import { childUnits, findUnitInSubtree, progressCounts, unitNames } from './board-repository.ts';
import type { ProgressBoard } from './schema.ts';

const ZERO: ProgressCounts = { due: 0, submitted: 0, approved: 0, published: 0 };
const cells = (c: ProgressCounts) => ({ ...c, ...progressRates(c) });

export async function loadProgress(
  ctx: AppContext,
  actor: OrgActor,
  q: { year?: number | undefined; org?: string | undefined },
): Promise<ProgressBoard> {
  const year = q.year ?? reportYearAt(ctx.clock.now());
  const unit = await findUnitInSubtree(ctx.db, q.org || actor.orgCode, actor.orgPath);
  if (!unit) throw notFound(MESSAGES.orgUnitNotFound);
  const [counts, children] = await Promise.all([
    progressCounts(ctx.db, unit.path, year),
    childUnits(ctx.db, unit.code),
  ]);
  const byBucket = new Map(counts.map((c) => [c.bucket, c]));
  const countsOf = (bucket: string): ProgressCounts => {
    const c = byBucket.get(bucket);
    return c ? { due: c.due, submitted: c.submitted, approved: c.approved, published: c.published } : ZERO;
  };
  const rows: ProgressBoard['rows'] = [
    { code: unit.code, name: `${unit.display_name}（本级）`, own: true, drillable: false, ...cells(countsOf('')) },
    // A disabled unit is listed only while it still holds sites that must report.
    ...children
      .filter((c) => c.enabled || byBucket.has(c.code))
      .map((c) => ({
        code: c.code,
        name: c.display_name,
        own: false,
        drillable: Boolean(c.has_children),
        ...cells(countsOf(c.code)),
      })),
  ];
  // The drill-down path: the caller's unit, then each unit below it down to the one shown.
  const segments = unit.path.split('/').filter(Boolean);
  const trailCodes = segments.slice(segments.indexOf(actor.orgCode));
  const names = new Map((await unitNames(ctx.db, trailCodes)).map((u) => [u.code, u.display_name]));
  return {
    year,
    unit: { code: unit.code, name: unit.display_name, level: unit.level },
    trail: trailCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    rows,
    total: cells(sumCounts(counts)),
  };
}

export const PROGRESS_HEADERS = ['单位', '应报数', '已提交', '已审核', '已发布', '填报率', '审核率', '发布率'];

export async function exportProgress(
  ctx: AppContext,
  actor: OrgActor,
  q: { year?: number | undefined; org?: string | undefined },
): Promise<{ fileName: string; body: Buffer }> {
  const board = await loadProgress(ctx, actor, q);
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('工作年度报表进度');
  sheet.columns = PROGRESS_HEADERS.map((header, i) => ({ header, key: String(i), width: i === 0 ? 36 : 12 }));
  const line = (name: string, c: ProgressBoard['total']) => [
    neutraliseCell(name),
    c.due,
    c.submitted,
    c.approved,
    c.published,
    c.fillRate,
    c.reviewRate,
    c.publishRate,
  ];
  for (const r of board.rows) sheet.addRow(line(r.name, r));
  sheet.addRow(line('合计', board.total));
  sheet.getRow(1).font = { bold: true };
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${board.year}年度工作年度报表进度（${board.unit.name}）.xlsx`, body };
}
