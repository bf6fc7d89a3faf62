// 上报抽查情况 (SPEC §9): a level-1 unit fills in and submits its quarterly report; the root sees the national
// roll-up. The quarter is kept in the URL (?q=2026-4).
import { useQuery } from '@tanstack/react-query';
import { Select, Skeleton, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { isOrgUser, useSession } from '../../access.ts';
import { ot } from '../../locales/org-tools.zh-CN.ts';
import { formatDateTime } from '../../shared/format.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { getReport, ownReports, reportKey } from './api.ts';
import { ReportForm, StatusTags } from './components/ReportForm.tsx';
import { RollupView } from './components/RollupView.tsx';
import { parseQuarter, quarterOptions } from './quarters.ts';

const text = ot.spotChecks;

function UnitReport({ q }: { q: { year: number; quarter: number } }) {
  const report = useQuery({ queryKey: reportKey(q), queryFn: () => getReport(q) });
  const history = useQuery({ queryKey: ['spot-checks', 'mine'], queryFn: ownReports });
  if (!report.data) return <Skeleton active />;
  const r = report.data;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {text.window(formatDateTime(r.window.opensAt).slice(0, 10), r.window.lastDay)}
      </Typography.Paragraph>
      <ReportForm key={`${r.year}-${r.quarter}-${r.version}`} report={r} />
      <Typography.Title level={5} style={{ marginTop: 32 }}>
        {text.history}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={history.data?.items}
        columns={[
          { title: text.quarter, dataIndex: 'quarterLabel' },
          { title: text.colStatus, key: 's', render: (_, h) => <StatusTags status={h.status} late={h.late} /> },
          { title: text.checkedCount, dataIndex: 'checkedCount', align: 'right' },
          { title: text.passedCount, dataIndex: 'passedCount', align: 'right' },
          { title: text.colSubmittedAt, dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
        ]}
      />
    </>
  );
}

export default function SpotChecksPage() {
  const actor = useSession().data?.actor;
  const [params, setParams] = useSearchParams();
  const now = new Date();
  const q = parseQuarter(params.get('q') ?? undefined, now);
  const isRoot = isOrgUser(actor) && actor.orgLevel === 0;
  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Space>
            <Select
              aria-label={text.quarter}
              value={`${q.year}-${q.quarter}`}
              options={quarterOptions(now)}
              style={{ width: 180 }}
              onChange={(v: string) => setParams({ q: v })}
            />
            <LinkButton to="/org/spot-checks/help">{text.help}</LinkButton>
          </Space>
        }
      />
      {isRoot ? <RollupView q={q} /> : <UnitReport q={q} />}
    </>
  );
}
