// 当页数据全部审核 / 当页数据全部提交: a confirmation naming the row count, then the result of every row.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Modal, Table, Tag, Typography } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import { errorMessage } from '../../../../request.ts';
import { type BulkResult, bulkApprove, bulkSubmit, sitesKey } from '../api.ts';

const text = t.sites.bulk;

export type BulkKind = 'approve' | 'submit';
export interface BulkPlan {
  kind: BulkKind;
  /** Request ids of the page's new-site rows that are still open. */
  ids: number[];
  /** How many of them the caller's unit can act on now. */
  ready: number;
}

export function BulkDialog({ plan, onClose }: { plan: BulkPlan | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (p: BulkPlan) => (p.kind === 'approve' ? bulkApprove(p.ids) : bulkSubmit(p.ids)),
    meta: { inlineError: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sitesKey }),
  });
  const close = () => {
    run.reset();
    onClose();
  };
  const result: BulkResult | undefined = run.data;
  const title = plan?.kind === 'submit' ? text.submitTitle : text.reviewTitle;

  if (result) {
    return (
      <Modal
        key="result"
        open={plan !== null}
        title={text.resultTitle(result.done, result.skipped)}
        onCancel={close}
        onOk={close}
        okText={text.close}
        cancelButtonProps={{ style: { display: 'none' } }}
        width={720}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={result.results}
          scroll={{ y: 400 }}
          columns={[
            { title: text.colName, dataIndex: 'siteName', render: (name: string) => name || '—' },
            {
              title: text.colResult,
              dataIndex: 'result',
              width: 90,
              render: (r: string) => (r === 'done' ? <Tag color="green">{text.done}</Tag> : <Tag>{text.skipped}</Tag>),
            },
            {
              title: text.colReason,
              dataIndex: 'reason',
              render: (reason?: string) => <Typography.Text type="secondary">{reason ?? ''}</Typography.Text>,
            },
          ]}
        />
      </Modal>
    );
  }

  return (
    <Modal
      key="confirm"
      open={plan !== null}
      title={title}
      okText={text.ok}
      confirmLoading={run.isPending}
      onOk={() => plan && run.mutate(plan)}
      onCancel={close}
    >
      {plan ? (
        <Typography.Paragraph>
          {plan.kind === 'approve'
            ? text.reviewConfirm(plan.ids.length, plan.ready)
            : text.submitConfirm(plan.ids.length, plan.ready)}
        </Typography.Paragraph>
      ) : null}
      {run.error ? <Alert type="error" showIcon title={errorMessage(run.error)} /> : null}
    </Modal>
  );
}
