// 数据质量提示: units without a portal, missing filing numbers, non-government hosts, several sites of one sponsor.
import { Badge, Card, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import type { AlertStats, StatsTable } from '../api.ts';
import { ExportButton } from './ExportButton.tsx';

const text = ot.stats;

function tab<T extends object>(
  key: StatsTable,
  label: string,
  data: { total: number; items: T[] },
  columns: ColumnsType<T>,
  org: string,
  note?: ReactNode,
) {
  return {
    key,
    label: (
      <span>
        {label} <Badge count={data.total} overflowCount={9999} showZero color={data.total ? '#d46b08' : '#52c41a'} />
      </span>
    ),
    children: (
      <>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Text type="secondary">
            {data.total ? text.shown(data.items.length, data.total) : text.allClear}
          </Typography.Text>
          <ExportButton table={key} org={org} />
        </div>
        {note}
        <Table<T>
          size="small"
          rowKey={(_, i) => String(i)}
          dataSource={data.items}
          columns={columns}
          pagination={{ pageSize: 10, showSizeChanger: false }}
        />
      </>
    ),
  };
}

export function AlertsCard({ alerts }: { alerts: AlertStats }) {
  const org = alerts.scope.code;
  const f = alerts.missingFilings;
  return (
    <Card size="small" title={text.alerts}>
      <Tabs
        items={[
          tab(
            'noPortal',
            text.noPortal,
            alerts.noPortal,
            [
              { title: text.colUnit, dataIndex: 'displayName' },
              { title: ot.notices.colCode, dataIndex: 'code', width: 110 },
            ],
            org,
          ),
          tab(
            'missingFilings',
            text.missingFilings,
            f,
            [
              { title: text.colSiteCode, dataIndex: 'siteCode', width: 120 },
              { title: text.colSite, dataIndex: 'name' },
              { title: text.colUnit, dataIndex: 'orgName', width: 140 },
              { title: text.missing, dataIndex: 'missing', render: (m: string[]) => m.join('、') },
            ],
            org,
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              ICP备案号 {f.icp} 个 · 公安机关备案号 {f.psb} 个（含「办理中」） · 党政机关网站标识 {f.conac} 个
            </Typography.Paragraph>,
          ),
          tab(
            'nonGovHosts',
            text.nonGovHosts,
            alerts.nonGovHosts,
            [
              { title: text.colSiteCode, dataIndex: 'siteCode', width: 120 },
              { title: text.colSite, dataIndex: 'name' },
              { title: text.colUrl, dataIndex: 'homeUrl' },
              { title: text.colUnit, dataIndex: 'orgName', width: 140 },
            ],
            org,
          ),
          tab(
            'duplicateSponsors',
            text.duplicateSponsors,
            alerts.duplicateSponsors,
            [
              { title: text.colUnit, dataIndex: 'orgName', width: 160 },
              { title: text.colSponsor, dataIndex: 'sponsorName' },
              { title: text.colCount, dataIndex: 'count', width: 90, align: 'right' },
            ],
            org,
          ),
        ]}
      />
    </Card>
  );
}
