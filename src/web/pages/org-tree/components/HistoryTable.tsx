// 变更记录: the ORG_UNIT audit entries (新建、更名、迁移、停用、启用), for one unit or all.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { type HistoryPage, history } from '../api.ts';

const text = ot.orgTree;
type Row = HistoryPage['items'][number];

export function HistoryTable({ code }: { code?: string | undefined }) {
  const [page, setPage] = useState(1);
  const query = { code, page, pageSize: 10 };
  const result = useQuery({
    queryKey: ['org-tree', 'history', query],
    queryFn: () => history(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      loading={result.isFetching}
      dataSource={result.data?.items}
      pagination={{
        current: page,
        pageSize: 10,
        total: result.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        { title: text.colAt, dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
        { title: text.code, dataIndex: 'code', width: 120 },
        { title: text.colAction, dataIndex: 'action', width: 130 },
        { title: text.colComment, dataIndex: 'comment' },
        { title: text.colActor, dataIndex: 'actorName', width: 120 },
      ]}
    />
  );
}
