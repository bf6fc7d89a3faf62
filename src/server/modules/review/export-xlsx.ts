// The xlsx form of the list: the list's columns in display order, then 链接健康 and 其他域名, cells neutralised
// against formula injection, the file name of SPEC §13 and its Content-Disposition.
import type { Workbook, Worksheet } from 'exceljs';
import type { RunStatus } from '../../../db/schema.ts';
import { compactDateTimeCN, formatDateTimeCN } from '../../../domain/dates.ts';
import { YES_NO } from '../../../domain/status-labels.ts';
import { writeAudit } from '../../audit.ts';
import type { Db, OrgActor } from '../../context.ts';
import { neutraliseCell } from '../../xlsx-table.ts';
import { presentLinkHealth } from '../link-checks/present-health.ts';
import { linkHealthBySiteIds } from '../link-checks/repository.ts';
import { otherDomainsBySiteIds } from './repository.ts';
import { SITE_COLUMN_TITLES, type SiteColumnKey, type SiteRowView } from './schema.ts';

export const SHEET_NAME = '政府网站基本信息';

/** The 审核流水 entry of an export of the list (REGISTER_EXPORTED on the actor's unit), with what was exported. */
export async function writeExportAudit(
  db: Db,
  now: Date,
  actor: OrgActor,
  data: Record<string, unknown>,
  ip: string | null,
): Promise<void> {
  await writeAudit(
    db,
    now,
    actor,
    { kind: 'REGISTER_EXPORTED', entityType: 'EXPORT', entityId: actor.orgCode, data },
    ip,
  );
}

const yesNo = (v: boolean) => (v ? YES_NO.yes : YES_NO.no);

function cellText(row: SiteRowView, key: SiteColumnKey): string {
  switch (key) {
    case 'siteCode':
      return row.siteCode ?? '';
    case 'isPortal':
      return yesNo(row.isPortal);
    case 'isServicePlatform':
      return yesNo(row.isServicePlatform);
    case 'updatedAt':
      return formatDateTimeCN(new Date(row.updatedAt));
    default:
      return row[key];
  }
}

/** Columns the export adds after the list's own: the nightly check's class and the site's other hosts. */
const EXTRA_COLUMNS = [
  { header: '链接健康', key: 'linkHealth', width: 14 },
  { header: '其他域名', key: 'otherDomains', width: 40 },
];

export interface ExportExtras {
  linkHealth: string;
  otherDomains: readonly string[];
}

const WIDTHS: Partial<Record<SiteColumnKey, number>> = { name: 36, homeUrl: 40, sponsorName: 30, updatedAt: 20 };
const COLUMN_KEYS = Object.keys(SITE_COLUMN_TITLES) as SiteColumnKey[];

/** Never 校验码 or 临时码: only the list's own columns, 链接健康 and 其他域名 are written. */
export function exportCells(row: SiteRowView, extras: ExportExtras): string[] {
  return [...COLUMN_KEYS.map((key) => cellText(row, key)), extras.linkHealth, extras.otherDomains.join('；')].map(
    neutraliseCell,
  );
}

/** 链接健康 and 其他域名 of a batch of rows: two queries by primary key, whatever the batch size. */
export async function loadExportExtras(
  db: Db,
  rows: readonly { id: number; runStatus: RunStatus }[],
): Promise<(id: number) => ExportExtras> {
  const ids = rows.map((r) => r.id);
  const [health, domains] = await Promise.all([linkHealthBySiteIds(db, ids), otherDomainsBySiteIds(db, ids)]);
  const status = new Map(rows.map((r) => [r.id, r.runStatus]));
  return (id) => ({
    linkHealth: presentLinkHealth(status.get(id) ?? 'APPLYING', health.get(id)).label,
    otherDomains: domains.get(id) ?? [],
  });
}

export function setUpSheet(sheet: Worksheet): void {
  sheet.columns = [
    ...COLUMN_KEYS.map((key) => ({ header: SITE_COLUMN_TITLES[key], key, width: WIDTHS[key] ?? 16 })),
    ...EXTRA_COLUMNS,
  ];
  sheet.getRow(1).font = { bold: true };
}

/** Worksheet options: the heading row stays in view (the streaming writer takes views only here). */
export const SHEET_OPTIONS = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

/** Adds the list's sheet to a workbook (in memory or streamed): frozen header row, the columns set up. */
export function addListSheet(workbook: Workbook): Worksheet {
  const sheet = workbook.addWorksheet(SHEET_NAME, SHEET_OPTIONS);
  setUpSheet(sheet);
  return sheet;
}

export function exportFileName(orgCode: string, at: Date, suffix: string): string {
  return `政府网站基本信息_${orgCode}_${compactDateTimeCN(at)}_${suffix}.xlsx`;
}
