// What the list pages with rows waiting for the caller's unit share: the orange row tint, the selected-row theme,
// the single-row selection and the legend under the table.
import { Typography } from 'antd';
import type { Key, ReactNode } from 'react';

/** CSS tinting the rows of class `rowClass` orange (they wait for this unit). */
export function waitingRowCss(rowClass: string): string {
  return `
.ant-table-wrapper .ant-table-tbody > tr.${rowClass} > td { background: #fff7e6; }
.ant-table-wrapper .ant-table-tbody > tr.${rowClass}:hover > td { background: #ffe7ba; }
`;
}

/** The selected row in a light tint of the brand blue (the derived default is a heavy grey with this theme). */
export const SELECTED_ROW_THEME = {
  components: { Table: { rowSelectedBg: '#e6eef8', rowSelectedHoverBg: '#d9e5f4' } },
};

/** One row at a time, chosen by a radio in a fixed first column. */
export function singleRowSelection(selectedId: number | null, onSelect: (id: number | null) => void) {
  return {
    type: 'radio' as const,
    selectedRowKeys: selectedId === null ? [] : [selectedId],
    onChange: (keys: Key[]) => onSelect(typeof keys[0] === 'number' ? keys[0] : null),
    columnWidth: 40,
    fixed: true,
  };
}

/** The table's footer: an orange swatch and what it means. */
export function WaitingLegend({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <span
        style={{
          display: 'inline-block',
          width: 12,
          height: 12,
          background: '#fff7e6',
          border: '1px solid #ffd591',
          marginInlineEnd: 6,
          verticalAlign: -2,
        }}
      />
      {children}
    </Typography.Text>
  );
}
