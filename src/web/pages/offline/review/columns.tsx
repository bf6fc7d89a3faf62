// Columns of 下线审核: the site, the kind and its dates, the reason, 列表状态 and 申报状态 as this unit sees them.
import type { TableColumnsType } from 'antd';
import { Flex, Tag, Typography } from 'antd';
import { ol } from '../../../locales/offline.zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { orgStatusColor } from '../../../shared/status-colors.ts';
import type { OfflineRow } from './api.ts';

const text = ol.review.columns;

const KIND_COLORS: Record<string, string> = { TEMP: 'blue', PERM: 'volcano', EMERGENCY: 'red' };

const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

/** 临时: start → restore day; 紧急: today → online day; 永久: the planned day. Each day stays whole on its line. */
function datesOf(row: OfflineRow) {
  return row.endDate ? (
    <>
      {nowrap(`${row.plannedDate} →`)} {nowrap(row.endDate)}
    </>
  ) : (
    nowrap(`${row.plannedDate} 起`)
  );
}

/** A status text such as 「暂时下线恢复开通时间：2026-11-20」 may wrap, but never inside its date. */
function keepDatesWhole(text: string) {
  const parts = text.split(/(\d{4}-\d{2}-\d{2})/);
  return parts.map((part) =>
    /^\d{4}-\d{2}-\d{2}$/.test(part) ? (
      <span key={part} style={{ whiteSpace: 'nowrap' }}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/**
 * Widths that fit a 1366 px screen without sideways scrolling: 网站名称 and 下线原因 take the room left, and the
 * reason is shown whole (it wraps) rather than cut off.
 */
export const OFFLINE_TABLE_WIDTH = 1000;

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
    width: 88,
    render: (label: string, row) => (
      <Flex vertical gap={4} align="start">
        <Tag color={KIND_COLORS[row.kind]}>{label}</Tag>
        {row.rejected ? <Tag color="red">{ol.review.rejectedTag}</Tag> : null}
      </Flex>
    ),
  },
  { title: text.dates, key: 'dates', width: 120, render: (_, row) => datesOf(row) },
  { title: text.listStatus, dataIndex: 'listStatus', width: 150, render: (status: string) => keepDatesWhole(status) },
  {
    title: text.reason,
    dataIndex: 'reason',
    render: (reason: string) => <Typography.Paragraph style={{ margin: 0 }}>{reason}</Typography.Paragraph>,
  },
  {
    title: text.submittedAt,
    dataIndex: 'submittedAt',
    width: 100,
    // The day and the time on two lines, each whole.
    render: (iso: string) => {
      const [day, time] = formatDateTime(iso).split(' ');
      return (
        <>
          {nowrap(day ?? '')} {nowrap(time ?? '')}
        </>
      );
    },
  },
  {
    title: text.orgStatus,
    dataIndex: 'orgStatus',
    width: 92,
    render: (label: string) => <Tag color={orgStatusColor(label)}>{label}</Tag>,
  },
];
