// The root's view: every level-1 unit's report of the quarter, national sums and weighted pass rate; 查看 and 退回.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Drawer, Form, Input, Modal, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { queryClient } from '../../../request.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { getReport, getRollup, type QuarterKey, type RollupRow, returnReport } from '../api.ts';
import { ReportForm, StatusTags } from './ReportForm.tsx';

const text = ot.spotChecks;
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const num = (v: number | null) => (v === null ? '—' : v);

function ReportDrawer({ q, org, onClose }: { q: QuarterKey; org: string | null; onClose: () => void }) {
  const report = useQuery({
    queryKey: ['spot-checks', 'report', q.year, q.quarter, org],
    queryFn: () => getReport(q, org ?? ''),
    enabled: org !== null,
  });
  return (
    <Drawer
      open={org !== null}
      onClose={onClose}
      width={900}
      title={report.data ? `${report.data.orgName} ${report.data.quarterLabel}` : ''}
    >
      {report.data ? <ReportForm report={report.data} /> : <Skeleton active />}
    </Drawer>
  );
}

export function RollupView({ q }: { q: QuarterKey }) {
  const notify = useNotify();
  const rollup = useQuery({ queryKey: ['spot-checks', 'rollup', q.year, q.quarter], queryFn: () => getRollup(q) });
  const [viewing, setViewing] = useState<string | null>(null);
  const [returning, setReturning] = useState<RollupRow | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const doReturn = useMutation({
    mutationFn: (reason: string) => returnReport(returning?.reportId ?? 0, reason),
    onSuccess: async () => {
      notify.success(text.returnedDone);
      setReturning(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['spot-checks'] });
    },
  });
  const data = rollup.data;
  if (!data) return <Skeleton active />;
  const t = data.totals;
  return (
    <>
      <Typography.Title level={5}>{`${text.rollup} · ${data.quarterLabel}`}</Typography.Title>
      <Table<RollupRow>
        size="small"
        rowKey="orgCode"
        dataSource={data.rows}
        pagination={false}
        scroll={{ x: 1100, y: 560 }}
        columns={[
          { title: text.colUnit, dataIndex: 'orgName', fixed: 'left', width: 160 },
          {
            title: text.colStatus,
            key: 'status',
            width: 130,
            render: (_, r) => <StatusTags status={r.status} late={r.late} />,
          },
          { title: text.runningTotal, dataIndex: 'runningTotal', align: 'right', render: num },
          { title: text.newSites, dataIndex: 'newSites', align: 'right', render: num },
          { title: text.closedSites, dataIndex: 'closedSites', align: 'right', render: num },
          { title: text.checkedCount, dataIndex: 'checkedCount', align: 'right', render: num },
          { title: text.passedCount, dataIndex: 'passedCount', align: 'right', render: num },
          { title: text.samplingRatio, dataIndex: 'samplingRatio', align: 'right', render: pct },
          { title: text.passRate, dataIndex: 'passRate', align: 'right', render: pct },
          {
            title: text.colSubmittedAt,
            dataIndex: 'submittedAt',
            width: 170,
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: ot.notices.actions,
            key: 'actions',
            fixed: 'right',
            width: 130,
            render: (_, r) =>
              r.reportId && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setViewing(r.orgCode)}>
                    {text.view}
                  </Button>
                  {r.status === 'SUBMITTED' && (
                    <Button type="link" size="small" danger onClick={() => setReturning(r)}>
                      {text.return}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{text.totals}</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{`${t.submitted} / ${t.units}`}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {t.runningTotal}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {t.newSites}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {t.closedSites}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {t.checkedCount}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {t.passedCount}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {pct(t.samplingRatio)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                {pct(t.passRate)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={9} colSpan={2} />
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <ReportDrawer q={q} org={viewing} onClose={() => setViewing(null)} />
      <Modal
        title={`${text.return}：${returning?.orgName ?? ''}`}
        open={returning !== null}
        onCancel={() => setReturning(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: doReturn.isPending, danger: true }}
        okText={text.return}
      >
        <Form form={form} layout="vertical" onFinish={(v) => doReturn.mutate(v.reason)}>
          <Form.Item
            name="reason"
            label={text.returnReason}
            rules={[{ required: true, whitespace: true, message: text.returnReasonRequired }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 3 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
