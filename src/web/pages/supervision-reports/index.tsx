// 监管年度报表 (issue 21): a level-1 unit fills in and submits its report of a year; the root lists the year's
// reports and approves or returns each. `?year=` picks the year, `?id=` opens one report, `&print=1` shows the
// official table alone for printing (A4).
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Select, Skeleton, Space, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { shanghaiParts } from '../../../domain/dates.ts';
import { isOrgUser, useSession } from '../../access.ts';
import { sr } from '../../locales/supervision-report.zh-CN.ts';
import { errorMessage, queryClient } from '../../request.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import {
  getMine,
  getReport,
  listKey,
  listReports,
  mineKey,
  openReport,
  type ReportListItem,
  type ReportView,
  reportKey,
} from './api.ts';
import { ReportForm, StateTag } from './components/ReportForm.tsx';
import { ReportTable } from './components/ReportTable.tsx';
import { ReviewActions } from './components/ReviewActions.tsx';

/** The year being reported: the previous one in January (reports are due by 31 January), else the current one. */
function defaultYear(now: Date): number {
  const { year, month } = shanghaiParts(now);
  return month === 1 ? year - 1 : year;
}

function yearOptions(now: Date) {
  const current = shanghaiParts(now).year;
  const years: number[] = [];
  for (let y = current; y >= Math.max(2017, current - 8); y--) years.push(y);
  return years.map((y) => ({ value: y, label: sr.yearOption(y) }));
}

function UnitYear({ year }: { year: number }) {
  const mine = useQuery({ queryKey: mineKey(year), queryFn: () => getMine(year) });
  const create = useMutation({
    meta: { inlineError: true },
    mutationFn: () => openReport(year),
    // The new report opens in place: changing the URL here would mount a second form beside a refetched first one,
    // and whichever mounted last would drop what the user had begun to type.
    onSuccess: (r) => {
      queryClient.setQueryData(reportKey(r.id), r);
      queryClient.setQueryData(mineKey(year), { report: r });
      void queryClient.invalidateQueries({ queryKey: listKey(year) });
    },
  });
  if (!mine.data) return <Skeleton active />;
  if (mine.data.report)
    return <OneReport key={mine.data.report.id} id={mine.data.report.id} initial={mine.data.report} />;
  return (
    <Empty description={sr.notCreated(year)}>
      {create.error && (
        <Alert type="error" showIcon message={errorMessage(create.error)} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
        {sr.create}
      </Button>
    </Empty>
  );
}

function OneReport({ id, initial }: { id: number; initial?: ReportView }) {
  const [params, setParams] = useSearchParams();
  const report = useQuery({ queryKey: reportKey(id), queryFn: () => getReport(id), initialData: initial });
  if (!report.data) return <Skeleton active />;
  const r = report.data;
  const print = params.get('print') === '1';
  const setPrint = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('print', '1');
    else next.delete('print');
    setParams(next);
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <StateTag state={r.state} label={r.stateLabel} />
        {r.submittedAt && (
          <span>
            {sr.colSubmittedAt}：{formatDateTime(r.submittedAt)}
          </span>
        )}
        {print ? (
          <>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {sr.print}
            </Button>
            <Button onClick={() => setPrint(false)}>{sr.exitPrint}</Button>
          </>
        ) : (
          <Button icon={<PrinterOutlined />} onClick={() => setPrint(true)}>
            {sr.print}
          </Button>
        )}
      </Space>
      {print && <ReportTable report={r} />}
      {r.abilities.save.allowed ? (
        // Hidden rather than unmounted while printing, so that 退出打印 finds what was typed but not yet saved.
        <div hidden={print}>
          <ReportForm key={`${r.id}-${r.version}`} report={r} />
        </div>
      ) : print ? null : (
        <>
          <ReviewActions report={r} />
          {r.state === 'RETURNED' && r.returnReason && (
            <Alert type="warning" showIcon style={{ margin: '12px 0' }} message={sr.returnedBecause(r.returnReason)} />
          )}
          <div style={{ marginTop: 16 }}>
            <ReportTable report={r} />
          </div>
        </>
      )}
    </>
  );
}

function RootYear({ year, onOpen }: { year: number; onOpen: (id: number) => void }) {
  const list = useQuery({ queryKey: listKey(year), queryFn: () => listReports(year) });
  return (
    <Table<ReportListItem>
      size="small"
      rowKey="orgCode"
      loading={!list.data}
      dataSource={list.data?.items}
      pagination={false}
      columns={[
        { title: sr.colOrg, dataIndex: 'orgName' },
        { title: sr.colState, key: 'state', render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
        { title: sr.colSubmittedAt, dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
        { title: sr.colDecidedAt, dataIndex: 'decidedAt', render: (v: string | null) => formatDateTime(v) },
        {
          title: '',
          key: 'open',
          render: (_, r) =>
            r.reportId !== null && (
              <Button type="link" size="small" onClick={() => onOpen(r.reportId as number)}>
                {sr.view}
              </Button>
            ),
        },
      ]}
    />
  );
}

export default function SupervisionReportsPage() {
  const actor = useSession().data?.actor;
  const [params, setParams] = useSearchParams();
  const now = new Date();
  const year = Number(params.get('year')) || defaultYear(now);
  const id = Number(params.get('id')) || null;
  const isRoot = isOrgUser(actor) && actor.orgLevel === 0;
  const open = (reportId: number) => setParams({ year: String(year), id: String(reportId) });
  return (
    <>
      <PageHeader
        title={sr.title}
        extra={
          <Space>
            {id !== null && isRoot && <Button onClick={() => setParams({ year: String(year) })}>{sr.back}</Button>}
            <Select
              aria-label={sr.year}
              value={year}
              options={yearOptions(now)}
              style={{ width: 140 }}
              onChange={(v: number) => setParams({ year: String(v) })}
            />
          </Space>
        }
      />
      {id !== null ? (
        <OneReport key={id} id={id} />
      ) : isRoot ? (
        <RootYear year={year} onOpen={open} />
      ) : (
        <UnitYear year={year} />
      )}
    </>
  );
}
