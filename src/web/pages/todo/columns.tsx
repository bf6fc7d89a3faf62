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

/** A date or time never breaks inside itself (「2026-」 on one line and the rest on the next). */
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

/**
 * The open-step table's width: its fixed columns plus room for the site's name. 待办 fits a 1366 px screen without
 * sideways scrolling; 下级超期 adds the holding unit.
 */
export const openStepWidth = (options: { showHolder: boolean }) => (options.showHolder ? 1120 : 992);

export function openStepColumns(options: { showHolder: boolean }): TableColumnsType<InboxItem> {
  return [
    { title: c.type, dataIndex: 'typeLabel', width: 120, render: (label: string) => <Tag color="blue">{label}</Tag> },
    { title: c.site, key: 'site', render: (_: unknown, row) => siteCell(row.siteName, row.siteCode) },
    { title: c.siteOrg, dataIndex: 'siteOrgName', width: 128 },
    ...(options.showHolder ? [{ title: c.holder, dataIndex: 'holderName', width: 128 }] : []),
    { title: c.status, dataIndex: 'orgStatus', width: 96 },
    {
      title: c.arrived,
      dataIndex: 'stepEnteredAt',
      width: 160,
      render: (iso: string) => nowrap(formatDateTime(iso)),
    },
    {
      title: c.waiting,
      key: 'waiting',
      width: 120,
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          <span>{it.waitingDays(row.waitingDays)}</span>
          {row.overdue && <Tag color="red">{it.overdue}</Tag>}
          {row.escalated && <Tag color="volcano">{it.escalated}</Tag>}
        </Space>
      ),
    },
    { title: c.due, dataIndex: 'dueDate', width: 100, render: (day: string) => nowrap(day) },
    {
      title: c.action,
      key: 'action',
      width: 72,
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
  { title: c.at, dataIndex: 'at', width: 170, render: (iso: string) => nowrap(formatDateTime(iso)) },
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
