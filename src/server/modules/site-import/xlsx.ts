// The import's spreadsheets (issue 20): the 预检报告 (the file's own rows with the result and the errors beside them),
// the 校验码发放表 (handed out once), and the full register export in the import's own columns (so export → import
// round-trips). Cells are neutralised against formula injection; the import takes the 「'」 off again.
import type ExcelJS from 'exceljs';
import { HeaderMatcher, type ImportField } from '../../../domain/site-import/headers.ts';
import { RUN_STATUS_LABELS, type SiteRunStatus } from '../../../domain/status-labels.ts';
import { hostToUnicode } from '../../../domain/validation/index.ts';
import type { Db } from '../../context.ts';
import { loadExcelJS, neutraliseCell, xlsxFileName } from '../../xlsx-table.ts';
import { inSubtree } from '../org-units/repository.ts';
import { listCategories } from '../site-workspace/categories-repository.ts';
import type { ImportScope } from './plan-import.ts';
import { type ImportPlan, ROW_ACTION_LABELS } from './plan-import.ts';

const CREATOR = '政府网站信息报送系统';
const ERROR_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFDE2E1' } };
const WARN_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF4D6' } };

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface IssuedCode {
  siteCode: string;
  name: string;
  homeUrl: string;
  orgCode: string;
  checkCode: string;
}

export async function buildCheckCodeSheet(
  orgCode: string,
  at: Date,
  sourceFile: string,
  codes: readonly IssuedCode[],
): Promise<{ fileName: string; body: Buffer }> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = CREATOR;
  const sheet = workbook.addWorksheet('校验码发放表');
  sheet.columns = [
    { header: '网站标识码', width: 14 },
    { header: '网站名称', width: 36 },
    { header: '首页网址', width: 40 },
    { header: '网站组织单位标识码', width: 14 },
    { header: '校验码', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const c of codes) {
    sheet.addRow([c.siteCode, neutraliseCell(c.name), neutraliseCell(c.homeUrl), c.orgCode, c.checkCode]);
  }
  sheet.addRow([]);
  sheet.addRow([
    `导入文件“${sourceFile}”新增网站的校验码，仅在导入时发放这一次；请妥善分发给各网站的填报单位，遗失后由本级组织单位“重置校验码”。`,
  ]);
  return { fileName: xlsxFileName('校验码发放表', orgCode, at), body: await toBuffer(workbook) };
}

/** The file's rows as read, with 「预检结果」 and 「问题说明」 beside them; a sheet of file-wide notes. */
export async function buildPlanReport(plan: ImportPlan, orgCode: string, at: Date) {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = CREATOR;
  const sheet = workbook.addWorksheet('预检结果');
  const width = Math.max(plan.headers.length - 1, 0);
  const head = ['预检结果', '问题说明', ...Array.from({ length: width }, (_, i) => plan.headers[i + 1] ?? '')];
  sheet.addRow(head).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 60;
  const byRow = new Map(plan.rows.map((r) => [r.rowNumber, r]));
  for (const src of plan.sheetRows) {
    const r = byRow.get(src.rowNumber);
    const where = (e: { column: string | null; header: string | null; message: string }) =>
      `${e.column ? `${e.column}列` : ''}${e.header ? `（${e.header}）` : ''}${e.column || e.header ? '：' : ''}${e.message}`;
    const notes = r
      ? [
          ...r.errors.map(where),
          ...r.changes.map((c) => `${c.label}：“${c.before}”→“${c.after}”`),
          ...r.warnings.map((w) => `提示 ${where(w)}`),
        ]
      : [];
    const values = Array.from({ length: width }, (_, i) => neutraliseCell(src.values[i + 1] ?? ''));
    const row = sheet.addRow([r ? ROW_ACTION_LABELS[r.action] : '', neutraliseCell(notes.join('\n')), ...values]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    if (r?.action === 'error') row.getCell(1).fill = ERROR_FILL;
    if (r?.action === 'error') row.getCell(2).fill = ERROR_FILL;
    else if (r && r.warnings.length > 0) row.getCell(2).fill = WARN_FILL;
  }
  const notes = workbook.addWorksheet('文件说明');
  notes.columns = [
    { header: '位置', width: 16 },
    { header: '说明', width: 100 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.addRow([
    '汇总',
    `新增 ${plan.counts.create} 个，更新 ${plan.counts.update} 个，不变 ${plan.counts.unchanged} 个，错误 ${plan.counts.error} 行`,
  ]);
  for (const e of [...plan.fileErrors, ...plan.notices]) {
    notes.addRow([e.column ? `${e.column}列（${e.header ?? ''}）` : '整个文件', neutraliseCell(e.message)]);
  }
  return { fileName: xlsxFileName('网站导入预检报告', orgCode, at), body: await toBuffer(workbook) };
}

/** The register of the scope's subtree in the import's columns (every issued, non-deleted site), by 标识码. */
export async function buildRegisterExport(db: Db, scope: ImportScope, at: Date) {
  const categories = await listCategories(db, false);
  const matcher = new HeaderMatcher(categories.map((c) => ({ code: c.code, name: c.name })));
  const fields = matcher.defs.map((d) => d.field);
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = CREATOR;
  const sheet = workbook.addWorksheet('政府网站登记信息');
  sheet.columns = matcher.defs.map((d) => ({ header: d.header, width: d.field === 'name' ? 36 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const rows = await db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(['s.id', 's.site_code', 's.info', 's.columns', 's.run_status'])
    .where(inSubtree('o.path', scope.orgPath))
    .where('s.site_code', 'is not', null)
    .where('s.run_status', '<>', 'DELETED')
    .orderBy('s.site_code')
    .execute();
  const domains = new Map<number, string[]>();
  for (let i = 0; i < rows.length; i += 1000) {
    const ids = rows.slice(i, i + 1000).map((r) => r.id);
    if (ids.length === 0) continue;
    const found = await db
      .selectFrom('site_domains')
      .select(['site_id', 'host'])
      .where('site_id', 'in', ids)
      .orderBy('host')
      .execute();
    for (const d of found) domains.set(d.site_id, [...(domains.get(d.site_id) ?? []), d.host]);
  }
  for (const r of rows) {
    const info = r.info as Record<string, unknown>;
    const columns = (r.columns ?? []) as { category: string; names: string; addresses: string }[];
    sheet.addRow(
      fields.map((f) =>
        neutraliseCell(cellOf(f, r.site_code ?? '', info, columns, domains.get(r.id) ?? [], r.run_status)),
      ),
    );
  }
  return {
    fileName: xlsxFileName('政府网站登记信息', scope.orgCode, at),
    body: await toBuffer(workbook),
    rows: rows.length,
  };
}

function cellOf(
  field: ImportField,
  siteCode: string,
  info: Record<string, unknown>,
  columns: { category: string; names: string; addresses: string }[],
  hosts: string[],
  runStatus: string,
): string {
  const text = (v: unknown) => (typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'string' ? v : '');
  if (field === 'siteCode') return siteCode;
  if (field === 'runStatus') return RUN_STATUS_LABELS[runStatus as SiteRunStatus] ?? runStatus;
  if (field === 'otherDomains') return hosts.map(hostToUnicode).join('；');
  const parts = field.split('.');
  if (parts[0] === 'columns') {
    const row = columns.find((c) => c.category === parts[1]);
    return row ? (parts[2] === 'names' ? row.names : row.addresses) : '';
  }
  if (parts[0] === 'principal') return text((info.principal as Record<string, unknown> | undefined)?.[parts[1]!]);
  if (parts[0] === 'contacts') {
    const list = (info.contacts ?? []) as Record<string, unknown>[];
    return text(list[Number(parts[1])]?.[parts[2]!]);
  }
  return text(info[field]);
}
