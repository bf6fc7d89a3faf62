// Columns of 下线审核: the site, the kind and its dates, the reason, 列表状态 and 申报状态 as this unit sees them.
import type { TableColumnsType } from 'antd';
import { Flex, Tag, Typography } from 'antd';
import { ol } from '../../../locales/offline.zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { OfflineRow } from './api.ts';

const text = ol.review.columns;

const STATUS_COLORS: Record<string, string> = {
  未提交: 'gold',
  未审核: 'orange',
  审核中: 'blue',
  已审核: 'cyan',
  已办结: 'green',
  审核未通过: 'red',
};
const KIND_COLORS: Record<string, string> = { TEMP: 'blue', PERM: 'volcano', EMERGENCY: 'red' };

/** 临时: start → restore day; 紧急: today → online day; 永久: the planned day. */
function datesOf(row: OfflineRow): string {
  return row.endDate ? `${row.plannedDate} → ${row.endDate}` : `${row.plannedDate} 起`;
}

export const offlineColumns: TableColumnsType<OfflineRow> = [
  {
    title: text.siteCode,
    dataIndex: 'siteCode',
    width: 112,
    fixed: 'left',
    render: (code: string | null) => (code ? <Typography.Text code>{code}</Typography.Text> : null),
  },
  {
    title: text.siteName,
    dataIndex: 'siteName',
    width: 220,
    fixed: 'left',
    render: (name: string, row) => (
      <Flex vertical>
        <Typography.Text strong>{name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.orgName}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: text.kind,
    dataIndex: 'kindLabel',
    width: 96,
    render: (label: string, row) => (
      <Flex vertical gap={4} align="start">
        <Tag color={KIND_COLORS[row.kind]}>{label}</Tag>
        {row.rejected ? <Tag color="red">{ol.review.rejectedTag}</Tag> : null}
      </Flex>
    ),
  },
  { title: text.dates, key: 'dates', width: 200, render: (_, row) => datesOf(row) },
  { title: text.listStatus, dataIndex: 'listStatus', width: 210 },
  { title: text.reason, dataIndex: 'reason', width: 180, ellipsis: true },
  {
    title: text.submittedAt,
    dataIndex: 'submittedAt',
    width: 164,
    render: (iso: string) => formatDateTime(iso),
  },
  {
    title: text.orgStatus,
    dataIndex: 'orgStatus',
    width: 100,
    fixed: 'right',
    render: (label: string) => <Tag color={STATUS_COLORS[label] ?? 'default'}>{label}</Tag>,
  },
];
