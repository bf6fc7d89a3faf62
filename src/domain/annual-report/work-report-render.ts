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
