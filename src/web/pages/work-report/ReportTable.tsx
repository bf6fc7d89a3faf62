// The 工作年度报表 as the official table (A4, print CSS): head, the sections with their rows, the signature line.
import type { ReportView } from './api.ts';

type Table = NonNullable<ReportView['table']>;

/** Print rules: A4 portrait, only the table on paper. Inline because the page is the only user. */
export const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
.wr-sheet { max-width: 186mm; margin: 0 auto; background: #fff; color: #000; font-size: 12px; }
.wr-sheet h1 { text-align: center; font-size: 20px; margin: 0 0 4px; }
.wr-sheet .wr-period { text-align: center; margin-bottom: 8px; }
.wr-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.wr-sheet td, .wr-sheet th { border: 1px solid #000; padding: 3px 6px; vertical-align: middle; word-break: break-all; }
.wr-sheet th { font-weight: normal; text-align: center; }
.wr-sheet .wr-value { text-align: center; }
@media print {
  body { background: #fff !important; }
  .no-print { display: none !important; }
  .wr-sheet tr { break-inside: avoid; }
}
`;

/** Rows of one section, with the section and group cells spanning their rows as in the template. */
function sectionRows(rows: Table['rows']) {
  const out: React.ReactNode[] = [];
  let i = 0;
  while (i < rows.length) {
    const section = rows[i]!.section;
    let end = i;
    while (end < rows.length && rows[end]!.section === section) end++;
    for (let j = i; j < end; j++) {
      const r = rows[j]!;
      const firstOfGroup = r.group !== '' && (j === i || rows[j - 1]!.group !== r.group);
      let groupSpan = 0;
      if (firstOfGroup) while (j + groupSpan < end && rows[j + groupSpan]!.group === r.group) groupSpan++;
      out.push(
        <tr key={`${section}-${j}`}>
          {j === i && section !== '' && <th rowSpan={end - i}>{section}</th>}
          {firstOfGroup && <th rowSpan={groupSpan}>{r.group}</th>}
          <td colSpan={(section === '' ? 1 : 0) + (r.group === '' ? 1 : 0) + 1}>{r.label}</td>
          <td className="wr-value">{r.value}</td>
        </tr>,
      );
    }
    i = end;
  }
  return out;
}

export function ReportTable({ table }: { table: Table }) {
  return (
    <div className="wr-sheet" data-testid="work-report-sheet">
      <h1>{table.title}</h1>
      <div className="wr-period">{table.period}</div>
      <table>
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '40%' }} />
          <col style={{ width: '28%' }} />
        </colgroup>
        <tbody>
          {table.head.map((h) => (
            <tr key={h.label}>
              <td colSpan={3}>{h.label}</td>
              <td className="wr-value">{h.value}</td>
            </tr>
          ))}
          {sectionRows(table.rows)}
          <tr>
            <td colSpan={4}>
              {table.signature.map((s) => (
                <span key={s.label} style={{ marginRight: 16 }}>
                  {s.label}：{s.value}
                </span>
              ))}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
