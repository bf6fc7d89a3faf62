// 待办: what waits for the caller's unit (with waiting working days and 「逾期」), what it decided (已办), and steps
// and 年度报表 stuck at units below it (下级超期); the tab, page and 下级超期 level are kept in the URL. The digest
// switch below.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Empty, Radio, Table, Tabs } from 'antd';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { type PageParams, tablePagination, usePageParams } from '../../shared/use-page-params.ts';
import { inboxCount, inboxCountKey, inboxKey, listDone, listInbox, listOverdueBelow } from './api.ts';
import { doneColumns, openStepColumns, openStepWidth } from './columns.tsx';
import { DigestSettings } from './components/DigestSettings.tsx';
import { inboxTexts as it } from './texts.ts';

type Tab = 'waiting' | 'done' | 'below';
type Level = 'escalated' | 'overdue';
const TABS: readonly Tab[] = ['waiting', 'done', 'below'];
const total = (n: number) => `共 ${n} 条`;

function WaitingTable({ params }: { params: PageParams }) {
  const page = { page: params.page, pageSize: params.pageSize };
  const result = useQuery({
    queryKey: [...inboxKey, 'waiting', page],
    queryFn: () => listInbox(page),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  return (
    <>
      {result.data && (
        <Alert type="info" showIcon title={it.deadlineHint(result.data.deadlineDays)} style={{ marginBottom: 12 }} />
      )}
      <Table
        rowKey="key"
        size="middle"
        loading={result.isFetching && !result.data}
        columns={openStepColumns({ showHolder: false })}
        dataSource={result.data?.items ?? []}
        rowClassName={(row) => (row.overdue ? 'inbox-row-overdue' : '')}
        pagination={tablePagination(params, result.data?.total ?? 0, total)}
        locale={{ emptyText: <Empty description={it.empty.waiting} /> }}
        scroll={{ x: openStepWidth({ showHolder: false }) }}
      />
    </>
  );
}

function DoneTable({ params }: { params: PageParams }) {
  const page = { page: params.page, pageSize: params.pageSize };
  const result = useQuery({
    queryKey: [...inboxKey, 'done', page],
    queryFn: () => listDone(page),
    placeholderData: keepPreviousData,
  });
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={result.isFetching && !result.data}
      columns={doneColumns}
      dataSource={result.data?.items ?? []}
      pagination={tablePagination(params, result.data?.total ?? 0, total)}
      locale={{ emptyText: <Empty description={it.empty.done} /> }}
      scroll={{ x: 960 }}
    />
  );
}

function BelowTable({ params }: { params: PageParams }) {
  const level: Level = params.get('level') === 'overdue' ? 'overdue' : 'escalated';
  const query = { page: params.page, pageSize: params.pageSize, level };
  const result = useQuery({
    queryKey: [...inboxKey, 'below', query],
    queryFn: () => listOverdueBelow(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Alert type="info" showIcon title={it.belowHint} style={{ marginBottom: 12 }} />
      <Radio.Group
        value={level}
        optionType="button"
        style={{ marginBottom: 12 }}
        onChange={(e) => params.update({ level: e.target.value === 'escalated' ? undefined : e.target.value })}
        options={[
          { value: 'escalated', label: it.belowLevel.escalated },
          { value: 'overdue', label: it.belowLevel.overdue },
        ]}
      />
      <Table
        rowKey="key"
        size="middle"
        loading={result.isFetching && !result.data}
        columns={openStepColumns({ showHolder: true })}
        dataSource={result.data?.items ?? []}
        pagination={tablePagination(params, result.data?.total ?? 0, total)}
        locale={{ emptyText: <Empty description={it.empty.below} /> }}
        scroll={{ x: openStepWidth({ showHolder: true }) }}
      />
    </>
  );
}

export default function InboxPage() {
  const params = usePageParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.find((t) => t === raw) ?? 'waiting';
  const count = useQuery({ queryKey: inboxCountKey, queryFn: inboxCount, refetchInterval: 30_000 }).data;
  const body = {
    waiting: <WaitingTable params={params} />,
    done: <DoneTable params={params} />,
    below: <BelowTable params={params} />,
  }[tab];
  return (
    <>
      <style>{'.inbox-row-overdue > td { background: #fff1f0 !important; }'}</style>
      <PageHeader title={it.title} />
      <Tabs
        activeKey={tab}
        onChange={(key) => params.update({ tab: key === 'waiting' ? undefined : key, level: undefined })}
        items={TABS.map((key) => ({
          key,
          label:
            key === 'waiting' ? (
              <span>
                {it.tabs.waiting} <Badge count={count?.count ?? 0} size="small" showZero={false} />
              </span>
            ) : (
              it.tabs[key]
            ),
          children: key === tab ? body : null,
        }))}
      />
      <DigestSettings />
    </>
  );
}
