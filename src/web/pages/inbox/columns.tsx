// Columns of 待办 / 下级超期 (open steps) and 已办 (decisions), driven by the API's rows.
import { Space, type TableColumnsType, Tag, Typography } from 'antd';
import { formatDateTime } from '../../shared/format.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import type { DoneItem, InboxItem } from './api.ts';
import { inboxTexts as it } from './texts.ts';

const c = it.columns;

function siteCell(name: string, code: string | null) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{name}</Typography.Text>
      {code && <Typography.Text type="secondary">{code}</Typography.Text>}
    </Space>
  );
}

export function openStepColumns(options: { showHolder: boolean }): TableColumnsType<InboxItem> {
  return [
    { title: c.type, dataIndex: 'typeLabel', width: 140, render: (label: string) => <Tag color="blue">{label}</Tag> },
    { title: c.site, key: 'site', render: (_: unknown, row) => siteCell(row.siteName, row.siteCode) },
    { title: c.siteOrg, dataIndex: 'siteOrgName', width: 140 },
    ...(options.showHolder ? [{ title: c.holder, dataIndex: 'holderName', width: 140 }] : []),
    { title: c.status, dataIndex: 'orgStatus', width: 120 },
    { title: c.arrived, dataIndex: 'stepEnteredAt', width: 170, render: (iso: string) => formatDateTime(iso) },
    {
      title: c.waiting,
      key: 'waiting',
      width: 150,
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          <span>{it.waitingDays(row.waitingDays)}</span>
          {row.overdue && <Tag color="red">{it.overdue}</Tag>}
          {row.escalated && <Tag color="volcano">{it.escalated}</Tag>}
        </Space>
      ),
    },
    { title: c.due, dataIndex: 'dueDate', width: 120 },
    {
      title: c.action,
      key: 'action',
      width: 110,
      fixed: 'right',
      render: (_: unknown, row) => (
        <LinkButton type="link" size="small" to={row.link}>
          {options.showHolder ? it.view : it.go}
        </LinkButton>
      ),
    },
  ];
}

export const doneColumns: TableColumnsType<DoneItem> = [
  { title: c.at, dataIndex: 'at', width: 170, render: (iso: string) => formatDateTime(iso) },
  { title: c.type, dataIndex: 'typeLabel', width: 140, render: (label: string) => <Tag>{label}</Tag> },
  { title: c.site, key: 'site', render: (_: unknown, row) => siteCell(row.siteName, row.siteCode) },
  { title: c.what, dataIndex: 'action', width: 160 },
  { title: c.person, dataIndex: 'person', width: 120 },
  { title: c.comment, dataIndex: 'comment', ellipsis: true },
  {
    title: c.action,
    key: 'action',
    width: 90,
    fixed: 'right',
    render: (_: unknown, row) => (
      <LinkButton type="link" size="small" to={row.link}>
        {it.view}
      </LinkButton>
    ),
  },
];
