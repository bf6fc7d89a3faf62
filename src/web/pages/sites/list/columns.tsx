// Columns of 政府网站和栏目基本信息表, in the order and with the headings of SPEC §8.1 (shared with the xlsx export),
// and the ones each level sees by default.

import type { TableColumnsType } from 'antd';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { SITE_COLUMN_TITLES as titles } from '../../../../shared/site-list.ts';
import { t } from '../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { orgStatusColor } from '../../../shared/status-colors.ts';
import type { SiteRow } from './api.ts';
import { LinkHealthTag } from './components/LinkHealthTag.tsx';

const yesNo = (value: boolean) => (value ? t.sites.view.yes : t.sites.view.no);
const dim = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

/** Every column a user can show, in the order of SPEC §8.1; 链接健康 is not in the exports. */
export const SITE_LIST_COLUMNS = [
  'siteCode',
  'name',
  'homeUrl',
  'province',
  'city',
  'county',
  'sponsorName',
  'isPortal',
  'isServicePlatform',
  'listStatus',
  'linkHealth',
  'orgStatus',
  'updatedAt',
] as const;
export type SiteListColumn = (typeof SITE_LIST_COLUMNS)[number];

/** Columns that are always shown: without them a row cannot be identified or acted on. */
export const REQUIRED_COLUMNS: ReadonlySet<SiteListColumn> = new Set(['name', 'orgStatus']);

const COMMON: SiteListColumn[] = ['siteCode', 'name', 'listStatus', 'orgStatus', 'updatedAt'];
/**
 * What each level sees by default, chosen to fit a 1366 px screen without sideways scrolling: the area columns of
 * the levels below the viewer (its own level is the same on every row), and at the county level, where the sites
 * are its own, the address and its 链接健康 instead.
 */
const LEVEL_DEFAULTS: Record<number, SiteListColumn[]> = {
  0: ['province', 'city'],
  1: ['city', 'county'],
  2: ['county', 'sponsorName'],
  3: ['homeUrl', 'linkHealth'],
};

export function defaultColumns(orgLevel: number): SiteListColumn[] {
  const extra = LEVEL_DEFAULTS[orgLevel] ?? LEVEL_DEFAULTS[3] ?? [];
  return SITE_LIST_COLUMNS.filter((key) => COMMON.includes(key) || extra.includes(key));
}

export const COLUMN_TITLES: Record<SiteListColumn, string> = { ...titles, linkHealth: t.sites.linkHealth.column };

const nowrap = (node: ReactNode) => <span style={{ whiteSpace: 'nowrap' }}>{node}</span>;

/** The columns by key; `name` has no width, so it takes the room the chosen columns leave. */
const COLUMNS: Record<SiteListColumn, TableColumnsType<SiteRow>[number]> = {
  siteCode: {
    width: 116,
    sorter: true,
    render: (_, row) => (row.siteCode ? <Typography.Text code>{row.siteCode}</Typography.Text> : dim('—')),
  },
  name: {
    sorter: true,
    render: (_, row) => (
      <>
        <Typography.Text strong>{row.name}</Typography.Text>
        {/* Every open request's type (an emergency offline may be open beside another one, issue 17). */}
        {(row.requests.length > 0 ? row.requests : row.request ? [row.request] : [])
          .filter((r) => r.type !== 'NEW_SITE')
          .map((r) => (
            <Tag key={r.id} style={{ marginInlineStart: 6 }}>
              {r.typeLabel}
            </Tag>
          ))}
      </>
    ),
  },
  homeUrl: {
    width: 180,
    ellipsis: { showTitle: true },
    render: (_, row) => (
      <Typography.Link href={row.homeUrl} target="_blank" rel="noopener noreferrer">
        {row.homeUrl}
      </Typography.Link>
    ),
  },
  province: { width: 110, render: (_, row) => row.province },
  city: { width: 120, render: (_, row) => row.city },
  county: { width: 120, render: (_, row) => row.county },
  sponsorName: { width: 160, render: (_, row) => row.sponsorName },
  isPortal: { width: 96, align: 'center', render: (_, row) => yesNo(row.isPortal) },
  isServicePlatform: { width: 96, align: 'center', render: (_, row) => yesNo(row.isServicePlatform) },
  listStatus: { width: 112, render: (_, row) => row.listStatus },
  // Not in the exports: the nightly check's class, with its details on click.
  linkHealth: { width: 104, render: (_, row) => <LinkHealthTag row={row} /> },
  orgStatus: {
    width: 124,
    // 「逾期」 (issue 9) comes first so the status stays the row's last tag.
    render: (_, row) => (
      <>
        {row.overdue && <Tag color="red">逾期</Tag>}
        {row.requests.length > 1 ? (
          // Two open requests: each one's 申报状态 after its type, in the row's order.
          row.requests.map((r) => (
            <Tag
              key={r.id}
              color={orgStatusColor(r.orgStatus)}
              data-request-id={r.id}
              style={{ whiteSpace: 'normal', marginBottom: 2 }}
            >
              {`${r.typeLabel}：${r.orgStatus}`}
            </Tag>
          ))
        ) : row.orgStatus ? (
          <Tag color={orgStatusColor(row.orgStatus)}>{row.orgStatus}</Tag>
        ) : null}
      </>
    ),
  },
  updatedAt: { width: 164, sorter: true, render: (_, row) => nowrap(formatDateTime(row.updatedAt)) },
};

/** Widths of the fixed-width columns plus a floor for 网站名称; past the page width the table scrolls. */
export function columnsWidth(keys: readonly SiteListColumn[]): number {
  return keys.reduce((sum, key) => sum + (Number(COLUMNS[key].width) || 180), 40);
}

/** The table's columns for the chosen keys; when they scroll, 标识码 and 名称 stay in view on the left. */
export function siteColumns(
  keys: readonly SiteListColumn[],
  sort: { key: string; order: 'ascend' | 'descend' } | null,
): TableColumnsType<SiteRow> {
  return SITE_LIST_COLUMNS.filter((key) => keys.includes(key)).map((key) => ({
    ...COLUMNS[key],
    key,
    title: COLUMN_TITLES[key],
    ...(COLUMNS[key].sorter ? { sortOrder: sort?.key === key ? sort.order : null } : {}),
    ...(key === 'siteCode' || key === 'name' ? { fixed: 'left' as const } : {}),
  }));
}
