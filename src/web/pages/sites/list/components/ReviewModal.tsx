// 审核 dialog of one new-site application: 通过, or 退回 with a mandatory reason (1–500 characters).
import { Alert, Descriptions, Form, Modal, Tag } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import {
  DecisionError,
  DecisionField,
  ReturnReasonField,
  useReviewDialog,
} from '../../../../shared/ReviewDecision.tsx';
import { approveRequest, returnRequest, type SiteRow, sitesKey } from '../api.ts';

const text = t.sites.review;
type Decision = 'approve' | 'return';
interface FormValues {
  decision: Decision;
  reason?: string;
}

export function ReviewModal({ row, onClose }: { row: SiteRow | null; onClose: () => void }) {
  const { form, review, close } = useReviewDialog<FormValues>({
    onClose,
    mutationFn: (values) => {
      const request = row?.request;
      if (!request) throw new Error('no request');
      return values.decision === 'approve'
        ? approveRequest(request.id, request.version)
        : returnRequest(request.id, values.reason ?? '', request.version);
    },
    success: (values) => (values.decision === 'approve' ? text.approved : text.returned),
    invalidate: [sitesKey],
  });
  const decision = Form.useWatch('decision', form);
  const abilities = row?.abilities;
  // Units still to review after this one: none when the caller is the last step of the chain.
  const remaining = row?.request ? row.request.chain.length - row.request.stepIndex - 1 : 0;

  return (
    <Modal
      open={row !== null}
      title={text.title}
      okText={text.ok}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      {row ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'name', label: text.site, children: row.name },
            { key: 'org', label: text.org, children: [row.province, row.city, row.county].filter(Boolean).join(' / ') },
            { key: 'status', label: text.status, children: <Tag color="orange">{row.orgStatus}</Tag> },
          ]}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'approve' }}
        onFinish={(values) => review.mutate(values)}
        disabled={review.isPending}
      >
        <DecisionField text={text} abilities={abilities} />
        {decision === 'return' ? (
          <ReturnReasonField text={text} rows={4} />
        ) : (
          <Alert
            type="info"
            showIcon
            data-testid="approve-hint"
            title={remaining > 0 ? text.approveHint(remaining) : text.finalApproveHint}
          />
        )}
      </Form>
      <DecisionError error={review.error} />
    </Modal>
  );
}
