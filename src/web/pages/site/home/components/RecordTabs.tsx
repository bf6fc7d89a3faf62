// The live record of the site: basic information, 栏目（系统）信息 and 其他域名, as registered now.
import { Descriptions, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { PERSON_LABELS, SITE_INFO_LABELS } from '../../../../../domain/site-info.ts';
import { SITE_TYPE_LABELS } from '../../../../../domain/status-labels.ts';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { SiteHome } from '../api.ts';

const text = sw.home;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function personText(p: unknown, withTitle: boolean): string {
  if (!isRecord(p)) return '';
  const title = withTitle && str(p.title) ? `（${str(p.title)}）` : '';
  const parts = (['officePhone', 'mobile', 'email'] as const)
    .filter((k) => str(p[k]))
    .map((k) => `${PERSON_LABELS[k]}：${str(p[k])}`);
  return [`${str(p.name)}${title}`, ...parts].join('　');
}

function basicItems(home: SiteHome) {
  const { site } = home;
  const info = site.info;
  const value = (key: keyof typeof SITE_INFO_LABELS) => str(info[key]) || sw.common.notFilled;
  const contacts = Array.isArray(info.contacts) ? info.contacts : [];
  return [
    {
      key: 'siteCode',
      label: text.siteCode,
      children: (
        <Typography.Text strong copyable>
          {site.siteCode}
        </Typography.Text>
      ),
    },
    { key: 'name', label: SITE_INFO_LABELS.name, children: site.name },
    {
      key: 'homeUrl',
      label: SITE_INFO_LABELS.homeUrl,
      children: (
        <a href={site.homeUrl} target="_blank" rel="noopener noreferrer nofollow">
          {site.homeUrl}
        </a>
      ),
    },
    { key: 'org', label: text.org, children: `${site.orgName}（${site.orgCode}）` },
    { key: 'orgLine', label: text.orgLine, children: site.orgLine.join(' / ') },
    {
      key: 'type',
      label: text.siteType,
      children: site.isPortal ? SITE_TYPE_LABELS.portal : SITE_TYPE_LABELS.department,
    },
    {
      key: 'service',
      label: SITE_INFO_LABELS.isServicePlatform,
      children: site.isServicePlatform ? sw.common.yes : sw.common.no,
    },
    { key: 'sponsorName', label: SITE_INFO_LABELS.sponsorName, children: value('sponsorName') },
    { key: 'sponsorAddress', label: SITE_INFO_LABELS.sponsorAddress, children: value('sponsorAddress') },
    { key: 'organizerName', label: SITE_INFO_LABELS.organizerName, children: value('organizerName') },
    { key: 'maintainerName', label: SITE_INFO_LABELS.maintainerName, children: value('maintainerName') },
    { key: 'principal', label: SITE_INFO_LABELS.principal, children: personText(info.principal, true) },
    ...contacts.map((c, i) => ({
      key: `contact${i}`,
      label: `${SITE_INFO_LABELS.contacts}${i + 1}`,
      children: personText(c, false),
    })),
    { key: 'icpNo', label: SITE_INFO_LABELS.icpNo, children: value('icpNo') },
    { key: 'psbNo', label: SITE_INFO_LABELS.psbNo, children: value('psbNo') },
    { key: 'conacCode', label: SITE_INFO_LABELS.conacCode, children: value('conacCode') },
    { key: 'chineseDomain', label: SITE_INFO_LABELS.chineseDomain, children: value('chineseDomain') },
    { key: 'issuedAt', label: text.issuedAt, children: formatDateTime(site.codeIssuedAt) || '—' },
  ];
}

const splitList = (s: string) => s.split(/[；;]/).map((p) => p.trim());

function ColumnsTable({ columns }: { columns: SiteHome['site']['columns'] }) {
  if (columns.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noColumns} />;
  return (
    <Table
      rowKey="category"
      size="small"
      pagination={false}
      dataSource={columns}
      columns={[
        { title: text.columnCategory, dataIndex: 'categoryName', width: 140 },
        { title: text.columnNames, dataIndex: 'names', width: 260 },
        {
          title: text.columnAddresses,
          dataIndex: 'addresses',
          render: (addresses: string) =>
            addresses === '无'
              ? addresses
              : splitList(addresses).map((a) => (
                  <div key={a} style={{ wordBreak: 'break-all' }}>
                    {a}
                  </div>
                )),
        },
      ]}
    />
  );
}

export function RecordTabs({ home }: { home: SiteHome }) {
  return (
    <Tabs
      items={[
        {
          key: 'basic',
          label: text.tabs.basic,
          children: (
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 200 } }}
              items={basicItems(home)}
            />
          ),
        },
        { key: 'columns', label: text.tabs.columns, children: <ColumnsTable columns={home.site.columns} /> },
        {
          key: 'domains',
          label: `${text.tabs.domains}（${home.site.domains.length}）`,
          children:
            home.site.domains.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noDomains} />
            ) : (
              home.site.domains.map((d) => (
                <Tag key={d} style={{ marginBottom: 8, fontSize: 14 }}>
                  {d}
                </Tag>
              ))
            ),
        },
      ]}
    />
  );
}
