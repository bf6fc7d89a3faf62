// 基本信息统计 (SPEC §10): the caller's subtree — or a unit below it (drill-down, kept in the URL as ?org=) —
// counted by national category, run status, 政务服务平台 and level, with open requests and data-quality alerts.
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Result, Row, Skeleton, Statistic } from 'antd';
import { useSearchParams } from 'react-router';
import { ot } from '../../locales/org-tools.zh-CN.ts';
import { errorMessage } from '../../request.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { getAlerts, getRequestStats, getSiteStats } from './api.ts';
import { AlertsCard } from './components/AlertsCard.tsx';
import { ChildrenCard } from './components/ChildrenCard.tsx';
import { CountCard } from './components/CountCard.tsx';
import { LinkHealthCard } from './components/LinkHealthCard.tsx';
import { RequestsCard } from './components/RequestsCard.tsx';

const text = ot.stats;

export default function StatsPage() {
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ?? undefined;
  const sites = useQuery({ queryKey: ['stats', 'sites', org], queryFn: () => getSiteStats(org) });
  const requests = useQuery({ queryKey: ['stats', 'requests', org], queryFn: () => getRequestStats(org) });
  const alerts = useQuery({ queryKey: ['stats', 'alerts', org], queryFn: () => getAlerts(org) });
  const drill = (code: string) => setParams(code ? { org: code } : {});
  const s = sites.data;
  const trail = s?.scope.trail ?? [];

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Breadcrumb
            aria-label={text.scope}
            items={trail.map((u, i) => ({
              key: u.code,
              title:
                i < trail.length - 1 ? (
                  <a
                    href={`?org=${u.code}`}
                    onClick={(e) => {
                      e.preventDefault();
                      drill(i === 0 ? '' : u.code);
                    }}
                  >
                    {u.displayName}
                  </a>
                ) : (
                  u.displayName
                ),
            }))}
          />
        }
      />
      {/* A unit outside the caller's subtree (or any failure): say so and offer a way out, not a skeleton forever. */}
      {!s && sites.isError ? (
        <Result
          status="warning"
          title={text.failedTitle}
          subTitle={errorMessage(sites.error)}
          extra={[
            org ? (
              <Button key="own" type="primary" onClick={() => drill('')}>
                {text.backToOwn}
              </Button>
            ) : null,
            <Button key="retry" onClick={() => void sites.refetch()}>
              {text.retry}
            </Button>,
          ]}
        />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {[
            { key: 'registered', title: text.registered, value: s.registered },
            { key: 'open', title: text.openRequests, value: requests.data?.openTotal ?? '—' },
            {
              key: 'new',
              title: text.newThisQuarter(requests.data?.quarter.label ?? '本季度'),
              value: requests.data?.quarter.newSites ?? '—',
            },
            {
              key: 'closed',
              title: text.closedThisQuarter(requests.data?.quarter.label ?? '本季度'),
              value: requests.data?.quarter.closedSites ?? '—',
            },
          ].map((figure) => (
            <Col key={figure.key} xs={12} lg={6}>
              <Card size="small">
                <Statistic title={figure.title} value={figure.value} />
              </Card>
            </Col>
          ))}
          {(
            [
              { table: 'categories', title: text.categories, first: text.colCategory, kind: 'bar' },
              { table: 'runStatus', title: text.runStatus, first: text.runStatus.slice(1), kind: 'pie' },
              { table: 'servicePlatform', title: text.servicePlatform, first: '是否政务服务平台', kind: 'pie' },
              { table: 'levels', title: text.levels, first: '级别', kind: 'bar' },
            ] as const
          ).map((count) => (
            <Col key={count.table} xs={24} xl={12}>
              <CountCard
                title={count.title}
                first={count.first}
                rows={s[count.table]}
                kind={count.kind}
                table={count.table}
                org={org}
              />
            </Col>
          ))}
          <Col xs={24} xl={12}>
            <LinkHealthCard stats={s} org={org} />
          </Col>
          <Col span={24}>
            <ChildrenCard stats={s} onDrill={drill} />
          </Col>
          <Col span={24}>
            {requests.data ? <RequestsCard stats={requests.data} /> : requests.isError ? null : <Skeleton active />}
          </Col>
          <Col span={24}>
            {alerts.data ? <AlertsCard alerts={alerts.data} /> : alerts.isError ? null : <Skeleton active />}
          </Col>
        </Row>
      )}
    </>
  );
}
