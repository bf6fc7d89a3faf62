// 下线审核 (SPEC §8.1 #2): the offline requests of the caller's subtree; rows waiting for this unit are orange and
// first; single-select → 审核 (通过 / 驳回) or 查看审核流水.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Checkbox, ConfigProvider, Empty, Flex, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { ol } from '../../../locales/offline.zh-CN.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { tablePagination, usePageParams } from '../../../shared/use-page-params.ts';
import { SELECTED_ROW_THEME, singleRowSelection, WaitingLegend, waitingRowCss } from '../../../shared/WaitingTable.tsx';
import { AbilityButton } from '../../sites/list/components/AbilityButton.tsx';
import { FILTER_PARAMS, listOfflineRequests, type OfflineRow, offlineReviewKey } from './api.ts';
import { OFFLINE_TABLE_WIDTH, offlineColumns } from './columns.tsx';
import { OfflineAuditDrawer } from './components/OfflineAuditDrawer.tsx';
import { ReviewOfflineModal } from './components/ReviewOfflineModal.tsx';

const text = ol.review;
const WAITING_CSS = waitingRowCss('offline-row-waiting');

interface FilterValues {
  kind?: string;
  status?: string;
  name?: string;
  siteCode?: string;
  includeDeleted?: boolean;
}

export default function OfflineReviewPage() {
  const params = usePageParams();
  const [form] = Form.useForm<FilterValues>();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [reviewing, setReviewing] = useState<OfflineRow | null>(null);
  const [auditing, setAuditing] = useState<OfflineRow | null>(null);
  const filters = Object.fromEntries(FILTER_PARAMS.map((k) => [k, params.get(k)]).filter(([, v]) => v));
  const query = { ...filters, page: params.page, pageSize: params.pageSize };
  const result = useQuery({
    queryKey: [...offlineReviewKey, 'list', query],
    queryFn: () => listOfflineRequests(query),
    placeholderData: keepPreviousData,
  });
  const rows = result.data?.items ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const none = { allowed: false, reason: text.actions.selectFirst };
  const reviewAbility = selected
    ? selected.abilities.approve.allowed || selected.abilities.return.allowed
      ? { allowed: true }
      : selected.abilities.approve
    : none;
  const waiting = params.get('status') === 'WAITING';

  return (
    <>
      <style>{WAITING_CSS}</style>
      <PageHeader title={text.title} />
      <Form<FilterValues>
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        initialValues={{ ...filters, includeDeleted: params.get('includeDeleted') === 'true' }}
        onFinish={(v) =>
          params.update({
            kind: v.kind,
            status: v.status,
            name: v.name?.trim(),
            siteCode: v.siteCode?.trim(),
            includeDeleted: v.includeDeleted ? 'true' : undefined,
          })
        }
      >
        <Form.Item name="name" label={text.filters.name}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="siteCode" label={text.filters.siteCode}>
          <Input allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="kind" label={text.filters.kind}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={Object.entries(ol.kinds).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="status" label={text.filters.status}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={Object.entries(text.statusOptions).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="includeDeleted" valuePropName="checked">
          <Checkbox>{text.filters.includeDeleted}</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {text.filters.search}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              params.update({
                kind: undefined,
                status: undefined,
                name: undefined,
                siteCode: undefined,
                includeDeleted: undefined,
              });
            }}
          >
            {text.filters.reset}
          </Button>
        </Space>
      </Form>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space wrap>
          <AbilityButton type="primary" ability={reviewAbility} onClick={() => setReviewing(selected)}>
            {text.actions.review}
          </AbilityButton>
          <AbilityButton ability={selected ? { allowed: true } : none} onClick={() => setAuditing(selected)}>
            {text.actions.audit}
          </AbilityButton>
        </Space>
        <Badge count={result.data?.waitingCount ?? 0} overflowCount={999} size="small">
          <Button
            type={waiting ? 'primary' : 'default'}
            ghost={waiting}
            onClick={() => {
              form.setFieldValue('status', waiting ? undefined : 'WAITING');
              params.update({ status: waiting ? undefined : 'WAITING' });
            }}
          >
            {text.waitingForMe}
          </Button>
        </Badge>
      </Flex>
      <ConfigProvider theme={SELECTED_ROW_THEME}>
        <Table
          rowKey="id"
          size="middle"
          columns={offlineColumns}
          dataSource={rows}
          loading={result.isFetching}
          tableLayout="fixed"
          scroll={{ x: OFFLINE_TABLE_WIDTH }}
          rowSelection={singleRowSelection(selected?.id ?? null, setSelectedId)}
          onRow={(row) => ({ onClick: () => setSelectedId(row.id), onDoubleClick: () => setAuditing(row) })}
          rowClassName={(row) => (row.waitingForMe ? 'offline-row-waiting' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} /> }}
          pagination={tablePagination(params, result.data?.total ?? 0, ol.common.total)}
          footer={() => <WaitingLegend>{text.legend}</WaitingLegend>}
        />
      </ConfigProvider>
      <ReviewOfflineModal row={reviewing} onClose={() => setReviewing(null)} />
      <OfflineAuditDrawer row={auditing} onClose={() => setAuditing(null)} />
    </>
  );
}
