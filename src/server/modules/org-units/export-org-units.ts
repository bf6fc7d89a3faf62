// 组织单位信息查询 — 导出: every unit matching the filters (up to 10,000) with 负责人/联系人, Chinese headers; audited.
// Streamed: rows are written in small batches with a turn of the event loop between them, so a whole-tree export
// never holds the server for seconds (issue 16: six concurrent root exports stalled /api/health for 7.7 s).
import { PassThrough, type Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PersonContact } from '../../../db/schema.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { type Cell, loadExcelJS, neutraliseCell, xlsxFileName } from '../../xlsx-table.ts';
import { type OrgQueryFilters, queryVisibleUnits } from './query-repository.ts';
import { RELATION_LABELS } from './query-schema.ts';

const MAX_ROWS = 10_000;
const ROWS_PER_TURN = 200;
const LEVELS: Record<number, string> = { 0: '国务院办公厅', 1: '省/部委', 2: '市/垂管省局', 3: '县/垂管分局' };

const person = (p: PersonContact | null | undefined): Cell[] => [
  p?.name ?? '',
  p?.officePhone ?? '',
  p?.mobile ?? '',
  p?.email ?? '',
];

const personHeaders = (who: string) =>
  ['姓名', '办公电话', '手机', '电子邮箱'].map((h) => ({ header: `${who}${h}`, width: h === '电子邮箱' ? 26 : 14 }));

export async function exportOrgUnits(
  ctx: AppContext,
  opts: { actor: OrgActor; filters: OrgQueryFilters; ip: string | null; onError: (error: unknown) => void },
): Promise<{ fileName: string; stream: Readable }> {
  const { items } = await queryVisibleUnits(ctx.db, opts.actor, opts.filters, { limit: MAX_ROWS, offset: 0 });
  const columns = [
    { header: '组织单位标识码', width: 14 },
    { header: '单位名称', width: 30 },
    { header: '显示名称', width: 16 },
    { header: '级别', width: 14 },
    { header: '上级单位', width: 16 },
    { header: '与本单位关系', width: 16 },
    { header: '状态', width: 8 },
    ...personHeaders('负责人'),
    ...personHeaders('联系人1'),
    ...personHeaders('联系人2'),
    ...personHeaders('联系人3'),
  ];
  const cells = (o: (typeof items)[number]): Cell[] => [
    o.code,
    o.name,
    o.display_name,
    LEVELS[o.level] ?? String(o.level),
    o.parent_name ?? '',
    RELATION_LABELS[o.relation],
    o.enabled ? '启用' : '停用',
    ...person(o.principal),
    ...person(o.contacts?.[0]),
    ...person(o.contacts?.[1]),
    ...person(o.contacts?.[2]),
  ];
  const now = ctx.clock.now();
  await writeAudit(
    ctx.db,
    now,
    opts.actor,
    {
      kind: 'ORG_UNITS_EXPORTED',
      entityType: 'ORG_QUERY',
      entityId: opts.actor.orgCode,
      comment: `导出 ${items.length} 个组织单位`,
      data: { ...opts.filters },
    },
    opts.ip,
  );
  const ExcelJS = await loadExcelJS();
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '政府网站信息报送系统';
  const sheet = workbook.addWorksheet('组织单位信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    for (let i = 0; i < items.length; i++) {
      const row = cells(items[i]!).map((v) => (typeof v === 'string' ? neutraliseCell(v) : v));
      sheet.addRow(row).commit();
      if ((i + 1) % ROWS_PER_TURN === 0) await nextTurn();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    opts.onError(error);
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { fileName: xlsxFileName('组织单位信息', opts.actor.orgCode, now), stream };
}
