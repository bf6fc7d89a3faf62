// Columns of 政府网站和栏目基本信息表, in the order and with the headings of SPEC §8.1 (shared with the xlsx export).

import type { TableColumnsType } from 'antd';
import { Tag, Typography } from 'antd';
import { SITE_COLUMN_TITLES as titles } from '../../../../server/modules/review/schema.ts';
import { t } from '../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { SiteRow } from './api.ts';
import { LinkHealthTag } from './components/LinkHealthTag.tsx';

const STATUS_COLORS: Record<string, string> = {
  未提交: 'gold',
  未审核: 'orange',
  审核中: 'blue',
  已审核: 'cyan',
  已办结: 'green',
  审核未通过: 'red',
  办结后修改: 'purple',
  修改后审核未通过: 'red',
};

const yesNo = (value: boolean) => (value ? t.sites.view.yes : t.sites.view.no);
const dim = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

export const siteColumns: TableColumnsType<SiteRow> = [
  {
    title: titles.siteCode,
    dataIndex: 'siteCode',
    width: 112,
    fixed: 'left',
    render: (code: string | null) => (code ? <Typography.Text code>{code}</Typography.Text> : dim('—')),
  },
  {
    title: titles.name,
    dataIndex: 'name',
    width: 240,
    fixed: 'left',
    render: (name: string, row) => (
      <>
        <Typography.Text strong>{name}</Typography.Text>
        {row.request && row.request.type !== 'NEW_SITE' ? (
          <Tag style={{ marginInlineStart: 6 }}>{row.request.typeLabel}</Tag>
        ) : null}
      </>
    ),
  },
  {
    title: titles.homeUrl,
    dataIndex: 'homeUrl',
    width: 220,
    ellipsis: true,
    render: (url: string) => (
      <Typography.Link href={url} target="_blank" rel="noopener noreferrer">
        {url}
      </Typography.Link>
    ),
  },
  { title: titles.province, dataIndex: 'province', width: 110 },
  { title: titles.city, dataIndex: 'city', width: 120 },
  { title: titles.county, dataIndex: 'county', width: 120 },
  { title: titles.sponsorName, dataIndex: 'sponsorName', width: 180, ellipsis: true },
  { title: titles.isPortal, dataIndex: 'isPortal', width: 96, align: 'center', render: yesNo },
  { title: titles.isServicePlatform, dataIndex: 'isServicePlatform', width: 96, align: 'center', render: yesNo },
  { title: titles.listStatus, dataIndex: 'listStatus', width: 130, render: (text: string) => text || dim('') },
  // Not in the exports: the nightly check's class, with its details on click.
  { title: t.sites.linkHealth.column, key: 'linkHealth', width: 112, render: (_, row) => <LinkHealthTag row={row} /> },
  {
    title: titles.orgStatus,
    dataIndex: 'orgStatus',
    width: 110,
    // 申报状态 and 最后更新时间 stay in view while the middle columns scroll.
    fixed: 'right',
    // 「逾期」 (issue 9) comes first so the status stays the row's last tag.
    render: (label: string, row: SiteRow) => (
      <>
        {row.overdue && <Tag color="red">逾期</Tag>}
        {label ? <Tag color={STATUS_COLORS[label] ?? 'default'}>{label}</Tag> : null}
      </>
    ),
  },
  {
    title: titles.updatedAt,
    dataIndex: 'updatedAt',
    width: 164,
    fixed: 'right',
    render: (iso: string) => formatDateTime(iso),
  },
];
