// 工作年度报表专栏 (public): every site of a level-1 unit that must report for a year, with its published report's
// link once 已发布. Nothing internal is shown (no review states, no contacts).
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Result, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useParams } from 'react-router';
import { wr } from '../../../locales/work-report.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { PageSpin } from '../../../shared/PageSpin.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';
import { tablePagination, usePageParams } from '../../../shared/use-page-params.ts';
import { type ColumnList, getColumn } from './api.ts';

type Row = ColumnList['items'][number];
const text = wr.column;

const external = { target: '_blank', rel: 'noopener noreferrer nofollow' } as const;

const columns: ColumnsType<Row> = [
  { title: text.siteName, dataIndex: 'siteName' },
  {
    title: text.homeUrl,
    dataIndex: 'homeUrl',
    render: (url: string) => (
      <a href={url} {...external}>
        {url}
      </a>
    ),
  },
  {
    title: text.report,
    dataIndex: 'reportUrl',
    width: 120,
    render: (url: string | null) =>
      url ? (
        <a href={url} {...external}>
          {text.open}
        </a>
      ) : (
        '—'
      ),
  },
  {
    title: text.status,
    dataIndex: 'status',
    width: 100,
    render: (status: Row['status']) => <Tag color={status === '已发布' ? 'green' : 'default'}>{status}</Tag>,
  },
];

export default function WorkReportColumnPage() {
  const orgCode = useParams().orgCode ?? '';
  const params = usePageParams();
  const year = Number(params.get('year')) || undefined;
  const query = { year, page: params.page, pageSize: params.pageSize };
  const column = useQuery({
    queryKey: ['work-report-column', orgCode, query],
    queryFn: () => getColumn(orgCode, query),
  });
  const data = column.data;

  if (column.isPending) {
    return (
      <PublicFrame>
        <Card title={text.loading}>
          <PageSpin />
        </Card>
      </PublicFrame>
    );
  }
  if (!data) {
    return (
      <PublicFrame maxWidth={880}>
        <Card>
          <Result
            status="warning"
            title={text.notFound}
            subTitle={text.notFoundSub}
            extra={<LinkButton to="/">{t.app.backHome}</LinkButton>}
          />
        </Card>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{text.title(data.orgName, data.year)}</h1>}
        extra={
          <Select
            aria-label={text.year}
            value={data.year}
            style={{ width: 130 }}
            onChange={(v) => params.update({ year: v })}
            options={data.years.map((y) => ({ value: y, label: `${y}年度` }))}
          />
        }
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{text.intro}</Typography.Text>
          <Table<Row>
            rowKey="siteCode"
            loading={column.isFetching}
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: text.empty }}
            pagination={tablePagination(params, data.total, text.total)}
            scroll={{ x: 720 }}
          />
        </Flex>
      </Card>
    </PublicFrame>
  );
}
