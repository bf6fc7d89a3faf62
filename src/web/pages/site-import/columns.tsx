// The 预检 table: row, 标识码, name, result, and what is wrong or what changes.
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { si } from '../../locales/site-import.zh-CN.ts';
import type { PlanView } from './api.ts';

type Row = PlanView['rows'][number];

const ACTION_COLORS: Record<Row['action'], string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  error: 'red',
};

function where(e: Row['errors'][number]): string {
  const column = e.column ? `${e.column}列` : '';
  const header = e.header ? `（${e.header}）` : '';
  return `${column}${header}${column || header ? '：' : ''}${e.message}`;
}

function Detail({ row }: { row: Row }) {
  return (
    <div>
      {row.errors.map((e) => (
        <div key={where(e)}>
          <Typography.Text type="danger">{where(e)}</Typography.Text>
        </div>
      ))}
      {row.changes.map((c) => (
        <div key={c.label}>{`${c.label}：“${c.before}”→“${c.after}”`}</div>
      ))}
      {row.warnings.map((w) => (
        <div key={where(w)}>
          <Typography.Text type="warning">{`提示 ${where(w)}`}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

export const planColumns: ColumnsType<Row> = [
  { title: si.columns.row, dataIndex: 'rowNumber', width: 72 },
  { title: si.columns.siteCode, dataIndex: 'siteCode', width: 120 },
  { title: si.columns.name, dataIndex: 'name', width: 220, ellipsis: true },
  {
    title: si.columns.action,
    dataIndex: 'action',
    width: 96,
    render: (action: Row['action']) => <Tag color={ACTION_COLORS[action]}>{si.counts[action]}</Tag>,
  },
  { title: si.columns.detail, key: 'detail', render: (_: unknown, row: Row) => <Detail row={row} /> },
];
