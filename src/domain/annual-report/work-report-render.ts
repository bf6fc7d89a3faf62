// The 工作年度报表 as the official table (the printable page and the xlsx): rows in the template's order.
import {
  displayValue,
  fieldApplies,
  fieldTitle,
  WORK_REPORT_FIELDS,
  WORK_REPORT_HEAD_LABELS,
  WORK_REPORT_SECTIONS,
  type WorkReportData,
  type WorkReportHead,
  workReportTitle,
} from './work-report-fields.ts';

export interface WorkReportTable {
  title: string;
  /** 统计周期 text. */
  period: string;
  head: { label: string; value: string }[];
  /** Section and group are repeated on each row; the page merges equal neighbours. */
  rows: { section: string; group: string; label: string; value: string }[];
  /** 单位负责人 … 填报日期, the table's last line. */
  signature: { label: string; value: string }[];
}

export function workReportTable(o: {
  year: number;
  head: WorkReportHead;
  data: WorkReportData;
  period: { from: string; to: string };
  filledOn: string | null;
}): WorkReportTable {
  const head = (Object.keys(WORK_REPORT_HEAD_LABELS) as (keyof WorkReportHead)[]).map((k) => ({
    label: WORK_REPORT_HEAD_LABELS[k],
    value: o.head[k],
  }));
  const rows: WorkReportTable['rows'] = [];
  const signature: WorkReportTable['signature'] = [];
  for (const f of WORK_REPORT_FIELDS) {
    const value = fieldApplies(f, o.data) ? displayValue(f, o.data[f.key]) : '';
    if (f.section === 'signature') {
      signature.push({ label: f.label, value });
      continue;
    }
    const section = WORK_REPORT_SECTIONS.find((s) => s.key === f.section)?.label ?? '';
    rows.push({ section, group: f.group ?? '', label: fieldTitle(f), value });
  }
  signature.push({ label: '填报日期', value: o.filledOn ?? '' });
  return {
    title: workReportTitle(o.year),
    period: `统计周期：${o.period.from} 至 ${o.period.to}`,
    head,
    rows,
    signature,
  };
}

/** The columns of the xlsx of many reports: the head, then every field in the template's order, then the workflow. */
export function workReportColumns(): { key: string; header: string }[] {
  const head = (Object.keys(WORK_REPORT_HEAD_LABELS) as (keyof WorkReportHead)[]).map((k) => ({
    key: `head.${k}`,
    header: WORK_REPORT_HEAD_LABELS[k],
  }));
  const fields = WORK_REPORT_FIELDS.map((f) => {
    const section = WORK_REPORT_SECTIONS.find((s) => s.key === f.section)?.label ?? '';
    const path = [section, f.group, fieldTitle(f)].filter((p) => p !== undefined && p !== '').join('·');
    return { key: f.key, header: path };
  });
  return [
    ...head,
    { key: 'period', header: '统计周期' },
    ...fields,
    { key: 'filledOn', header: '填报日期' },
    { key: 'state', header: '状态' },
    { key: 'publishedUrl', header: '发布地址' },
    { key: 'linkCheck', header: '发布地址检查' },
  ];
}

/** One report's cells by column key (values as the printed table shows them). */
export function workReportCells(o: {
  head: WorkReportHead;
  data: WorkReportData;
  period: { from: string; to: string };
  filledOn: string | null;
  stateLabel: string;
  publishedUrl: string | null;
  linkCheckMessage: string | null;
}): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const k of Object.keys(WORK_REPORT_HEAD_LABELS) as (keyof WorkReportHead)[]) cells[`head.${k}`] = o.head[k];
  cells.period = `${o.period.from} 至 ${o.period.to}`;
  for (const f of WORK_REPORT_FIELDS) cells[f.key] = fieldApplies(f, o.data) ? displayValue(f, o.data[f.key]) : '';
  cells.filledOn = o.filledOn ?? '';
  cells.state = o.stateLabel;
  cells.publishedUrl = o.publishedUrl ?? '';
  cells.linkCheck = o.linkCheckMessage ?? '';
  return cells;
}
