// 阅读情况: which units of the audience have opened the notice (with the first reading time) and which not.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Modal, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { formatDateTime, levelLabel } from '../../../shared/format.ts';
import { getReceipts, type ReceiptsPage } from '../api.ts';

const text = ot.notices;
type Row = ReceiptsPage['items'][number];

export function ReceiptsModal({
  notice,
  onClose,
}: {
  notice: { id: number; title: string } | null;
  onClose: () => void;
}) {
  const [status, setStatus] = useState<'read' | 'unread'>('read');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { status, q: q || undefined, page, pageSize: 20 };
  const result = useQuery({
    queryKey: ['notices', 'receipts', notice?.id, query],
    queryFn: () => getReceipts(notice?.id ?? 0, query),
    enabled: notice !== null,
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  return (
    <Modal
      title={notice ? text.receiptsTitle(notice.title) : ''}
      open={notice !== null}
      onCancel={onClose}
      footer={null}
      width={760}
    >
      {data && (
        <Typography.Paragraph strong data-testid="receipts-summary">
          {text.receiptsSummary(data.readUnits, data.audienceUnits)}
        </Typography.Paragraph>
      )}
      <Tabs
        activeKey={status}
        onChange={(k) => {
          setStatus(k as 'read' | 'unread');
          setPage(1);
        }}
        items={[
          { key: 'read', label: text.tabRead },
          { key: 'unread', label: text.tabUnread },
        ]}
        tabBarExtraContent={
          <Input.Search
            allowClear
            size="small"
            placeholder={text.unitSearch}
            style={{ width: 220 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        }
      />
      <Table<Row>
        size="small"
        rowKey="code"
        loading={result.isFetching}
        dataSource={data?.items}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => ot.common.total(n),
        }}
        columns={[
          { title: text.colUnit, dataIndex: 'displayName' },
          { title: text.colCode, dataIndex: 'code', width: 100 },
          { title: text.colLevel, dataIndex: 'level', width: 130, render: (l: number) => levelLabel(l) },
          ...(status === 'read'
            ? [
                {
                  title: text.colReadAt,
                  dataIndex: 'firstReadAt',
                  width: 170,
                  render: (v: string | null) => formatDateTime(v),
                },
              ]
            : []),
        ]}
      />
    </Modal>
  );
}
