// 工作年度报表审核 (units): the subtree's reports of a year with filters and pagination; the site's 本级组织单位
// 通过 / 退回 (with a reason) one report or 当页数据全部审核; every unit above may 查看 and print.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { WORK_REPORT_STATE_LABELS, WORK_REPORT_STATES } from '../../../../domain/annual-report/work-report-states.ts';
import { useSession } from '../../../access.ts';
import { wr } from '../../../locales/work-report.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { downloadFile } from '../../../shared/download-file.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { tablePagination, usePageParams } from '../../../shared/use-page-params.ts';
import {
  approvePage,
  approveReport,
  getReport,
  listReports,
  type ReportList,
  returnReport,
  workReportKey,
} from '../api.ts';
import { ReportTable } from '../ReportTable.tsx';
import { WindowSettings } from './WindowSettings.tsx';

type Row = ReportList['items'][number];
const text = wr.review;

function ReturnModal({ row, onClose }: { row: Row | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const message = useNotify();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (reason: string) => returnReport(row!.id, row!.version, reason),
    onSuccess: () => {
      message.success(text.returned);
      form.resetFields();
      onClose();
      void queryClient.invalidateQueries({ queryKey: workReportKey });
    },
    onError: (e) => message.error(errorMessage(e)),
    meta: { inlineError: true },
  });
  return (
    <Modal
      open={row !== null}
      title={`${text.returnTitle}：${row?.siteName ?? ''}`}
      okText={text.return}
      cancelText="取消"
      okButtonProps={{ danger: true, loading: send.isPending }}
      onOk={() => form.validateFields().then((v) => send.mutate(v.reason))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={text.reason}
          rules={[{ required: true, whitespace: true, message: text.reasonRequired }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ViewDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const view = useQuery({
    queryKey: [...workReportKey, 'view', id],
    queryFn: () => getReport(id!),
    enabled: id !== null,
  });
  const data = view.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={data ? `${data.head.siteName}（${data.stateLabel}）` : ''}
    >
      {data && (
        <Flex vertical gap={12}>
          {data.returnReason && <Tag color="red">退回原因：{data.returnReason}</Tag>}
          {data.warnings.map((w) => (
            <Tag key={w.field} color="orange">
              {w.message}
            </Tag>
          ))}
          {(data.state === 'APPROVED' || data.state === 'PUBLISHED') && (
            <Button onClick={() => window.open(`/work-report/print?id=${data.id}`, '_blank')}>{wr.print}</Button>
          )}
          <ReportTable
            table={
              data.table ?? {
                title: wr.title,
                period: `${data.period.from} 至 ${data.period.to}`,
                head: [],
                rows: [],
                signature: [],
              }
            }
          />
        </Flex>
      )}
    </Drawer>
  );
}

export default function WorkReportReviewPage() {
  const params = usePageParams();
  const actor = useSession().data?.actor;
  const isRoot = actor?.kind === 'ORG_USER' && actor.orgLevel === 0;
  const message = useNotify();
  const queryClient = useQueryClient();
  const year = Number(params.get('year')) || undefined;
  // URL text narrowed to the values the API takes; anything else means "no filter".
  const state = WORK_REPORT_STATES.find((s) => s === params.get('state'));
  const mine: 'true' | 'false' = params.get('mine') === 'false' ? 'false' : 'true';
  const query = { year, state, q: params.q || undefined, mine, page: params.page, pageSize: params.pageSize };
  const list = useQuery({ queryKey: [...workReportKey, 'list', query], queryFn: () => listReports(query) });
  const [returning, setReturning] = useState<Row | null>(null);
  // `view=<id>` (the 待办 link) opens that report at once; the list beside it is narrowed to its site.
  const [viewing, setViewing] = useState<number | null>(() => Number(params.get('view')) || null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: workReportKey });
  const approve = useMutation({
    mutationFn: (row: Row) => approveReport(row.id, row.version),
    onSuccess: () => {
      message.success(text.approved);
      void refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
    meta: { inlineError: true },
  });
  const exporting = useMutation({
    mutationFn: () => downloadFile('/api/work-reports/export', { year: list.data?.year ?? year }),
    onError: (e) => message.error(errorMessage(e)),
    meta: { inlineError: true },
  });
  const reviewable = (list.data?.items ?? []).filter((r) => r.reviewable);
  const batch = useMutation({
    mutationFn: () => approvePage(reviewable.map((r) => ({ id: r.id, version: r.version }))),
    onSuccess: (r) => {
      message.success(text.approvedPage(r.approved, r.skipped.length));
      void refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
    meta: { inlineError: true },
  });

  const columns: ColumnsType<Row> = [
    { title: text.site, dataIndex: 'siteName' },
    { title: text.siteCode, dataIndex: 'siteCode', width: 120 },
    { title: text.org, dataIndex: 'orgName', width: 160 },
    {
      title: text.state,
      dataIndex: 'stateLabel',
      width: 150,
      render: (label: string, r) => (
        <Tag color={r.state === 'SUBMITTED' ? 'blue' : r.state === 'RETURNED' ? 'red' : 'green'}>{label}</Tag>
      ),
    },
    {
      title: text.submittedAt,
      dataIndex: 'submittedAt',
      width: 160,
      render: (v: string | null) => (v ? formatDateTime(v) : ''),
    },
    {
      title: text.publishedUrl,
      dataIndex: 'publishedUrl',
      render: (v: string | null, r) =>
        v ? (
          <Space size={4} wrap>
            <a href={v} target="_blank" rel="noreferrer noopener">
              {v}
            </a>
            {r.linkCheck && (
              <Tag
                color={r.linkCheck.reachable && r.linkCheck.titleFound ? 'green' : 'orange'}
                title={r.linkCheck.message}
              >
                {r.linkCheck.reachable && r.linkCheck.titleFound ? wr.linkOk : wr.linkBad}
              </Tag>
            )}
          </Space>
        ) : (
          ''
        ),
    },
    {
      title: text.actions,
      width: 180,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" onClick={() => setViewing(r.id)}>
            {text.view}
          </Button>
          {r.reviewable && (
            <>
              <Popconfirm
                title={text.approveConfirm}
                onConfirm={() => approve.mutate(r)}
                okText={text.approve}
                cancelText="取消"
              >
                <Button type="link">{text.approve}</Button>
              </Popconfirm>
              <Button type="link" danger onClick={() => setReturning(r)}>
                {text.return}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Space>
            {isRoot && list.data && <WindowSettings year={list.data.year} />}
            <Button onClick={() => exporting.mutate()} loading={exporting.isPending}>
              {text.export}
            </Button>
            <Popconfirm
              title={reviewable.length > 0 ? text.approvePageConfirm(reviewable.length) : text.approvePageNone}
              onConfirm={() => reviewable.length > 0 && batch.mutate()}
              okText="确认"
              cancelText="取消"
            >
              <Button type="primary" loading={batch.isPending} disabled={reviewable.length === 0}>
                {text.approvePage}
              </Button>
            </Popconfirm>
          </Space>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <InputNumber
          aria-label="年度"
          min={2017}
          max={2100}
          value={list.data?.year ?? year}
          onChange={(v) => params.update({ year: v ?? undefined })}
          addonAfter="年度"
          style={{ width: 140 }}
        />
        <Select
          aria-label={text.state}
          style={{ width: 180 }}
          value={state ?? ''}
          onChange={(v) => params.update({ state: v || undefined })}
          options={[
            { value: '', label: text.allStates },
            ...WORK_REPORT_STATES.map((s) => ({ value: s, label: WORK_REPORT_STATE_LABELS[s] })),
          ]}
        />
        <Input.Search
          aria-label={text.search}
          placeholder={text.search}
          defaultValue={params.q}
          allowClear
          onSearch={(v) => params.update({ q: v.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Space>
          <Switch checked={mine === 'true'} onChange={(v) => params.update({ mine: v ? undefined : 'false' })} />
          {text.mine}
        </Space>
      </Flex>
      <Table<Row>
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: text.empty }}
        pagination={tablePagination(params, list.data?.total ?? 0, text.total)}
      />
      <ReturnModal row={returning} onClose={() => setReturning(null)} />
      <ViewDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
