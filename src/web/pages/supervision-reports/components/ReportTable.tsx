// The official table of 《政府网站监管年度报表》, rendered from the field definition: the printable page (A4) and
// the read-only view of the root's review. Blank cells print as 「—」.
import {
  SPOT_CHECK_PERIOD_LABELS,
  SPOT_CHECK_PERIODS,
  SUPERVISION_REPORT_TITLE,
  SUPERVISION_SECTIONS,
} from '../../../../domain/annual-report/supervision-report-fields.ts';
import { sr } from '../../../locales/supervision-report.zh-CN.ts';
import type { ReportView } from '../api.ts';

const value = (v: number | null | undefined) => (v === null || v === undefined ? sr.empty : String(v));

/** Print rules: A4 portrait, only the table on paper (the workspace around it is hidden). */
export const PRINT_CSS = `
@page { size: A4 portrait; margin: 15mm 12mm; }
.sr-sheet { max-width: 186mm; margin: 0 auto; background: #fff; color: #000; font-size: 12pt; }
.sr-sheet h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm; font-weight: bold; }
.sr-sheet .sr-year { text-align: center; margin: 0 0 4mm; }
.sr-sheet .sr-unit { margin: 0 0 2mm; }
.sr-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.sr-sheet th, .sr-sheet td { border: 1px solid #000; padding: 1.6mm 2mm; text-align: center; vertical-align: middle; }
.sr-sheet th.sr-section { width: 26%; font-weight: bold; }
.sr-sheet td.sr-label { text-align: left; }
.sr-sheet .sr-notes { font-size: 10pt; margin-top: 4mm; }
.sr-sheet .sr-notes p { margin: 0 0 1mm; }
@media print {
  body * { visibility: hidden; }
  .sr-sheet, .sr-sheet * { visibility: visible; }
  .sr-sheet { position: absolute; left: 0; top: 0; width: 100%; max-width: none; }
  .sr-sheet tr { break-inside: avoid; }
}
`;

export function ReportTable({ report }: { report: ReportView }) {
  const prefill = report.prefill;
  const notes: string[] = [];
  const rows = SUPERVISION_SECTIONS.flatMap((section) => {
    if (section.kind === 'SPOT_CHECKS') {
      const head = (
        <tr key={`${section.key}-head`}>
          <th className="sr-section" rowSpan={section.metrics.length + 1}>
            {section.title}
          </th>
          <th>{sr.metric}</th>
          {SPOT_CHECK_PERIODS.map((p) => (
            <th key={p}>{SPOT_CHECK_PERIOD_LABELS[p]}</th>
          ))}
        </tr>
      );
      notes.push(...section.metrics.map((m) => `${m.label}：${m.note}`));
      return [
        head,
        ...section.metrics.map((m) => (
          <tr key={`${section.key}-${m.key}`}>
            <td className="sr-label">
              {m.label}（{m.unit}）
            </td>
            {SPOT_CHECK_PERIODS.map((p) => (
              <td key={p} data-testid={`cell-${m.key}-${p}`}>
                {value(prefill.spotChecks[p][m.key])}
              </td>
            ))}
          </tr>
        )),
      ];
    }
    const cells = [
      ...section.fields.map((f) => ({
        key: f.key,
        label: `${f.label}（${f.unit}）`,
        v: f.source === 'PREFILL' ? prefill.values[f.key] : report.data[f.key],
        note: f.note,
      })),
      ...(section.rates ?? []).map((r) => ({
        key: r.key,
        label: `${r.label}（%）`,
        v: report.rates[r.key],
        note: r.note,
      })),
    ];
    for (const c of cells) if (c.note) notes.push(`${c.label.replace(/（.*）$/, '')}：${c.note}`);
    return cells.map((c, i) => (
      <tr key={`${section.key}-${c.key}`}>
        {i === 0 && (
          <th className="sr-section" rowSpan={cells.length}>
            {section.title}
          </th>
        )}
        <td className="sr-label">{c.label}</td>
        <td colSpan={SPOT_CHECK_PERIODS.length} data-testid={`cell-${c.key}`}>
          {value(c.v)}
        </td>
      </tr>
    ));
  });
  return (
    <div className="sr-sheet" data-testid="supervision-sheet">
      <style>{PRINT_CSS}</style>
      <h1>{SUPERVISION_REPORT_TITLE}</h1>
      <p className="sr-year">{sr.yearTitle(report.year)}</p>
      <p className="sr-unit">{sr.reportingUnit(report.orgName)}</p>
      <table>
        <tbody>{rows}</tbody>
      </table>
      <div className="sr-notes">
        <p>{sr.notes}：</p>
        {notes.map((n, i) => (
          <p key={n}>
            {i + 1}. {n}
          </p>
        ))}
      </div>
    </div>
  );
}
