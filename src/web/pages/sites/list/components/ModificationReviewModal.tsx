// 办结修改审核通过 / 办结修改审核退回 (SPEC §8.1 1.6–1.7) of one modification, flag or 其他域名 request: the reviewer
// sees exactly what would change, then approves it or returns it with a reason.
import { Alert, Form, Modal } from 'antd';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { DecisionError, ReturnReasonField, useReviewDialog } from '../../../../shared/ReviewDecision.tsx';
import { approveRequest, returnRequest, type SiteRow, sitesKey } from '../api.ts';
import { ChangeSetDiff } from './ChangeSetDiff.tsx';

const text = sw.review;
export type ModificationDecision = 'approve' | 'return';

export function ModificationReviewModal({
  row,
  decision,
  onClose,
}: {
  row: SiteRow | null;
  decision: ModificationDecision;
  onClose: () => void;
}) {
  const request = row?.request ?? null;
  const { form, review, close } = useReviewDialog<{ reason?: string }>({
    onClose,
    mutationFn: ({ reason }) => {
      if (!request) throw new Error('no request');
      return decision === 'approve'
        ? approveRequest(request.id, request.version)
        : returnRequest(request.id, reason ?? '', request.version);
    },
    success: () => (decision === 'approve' ? text.approved : text.returned),
    invalidate: [sitesKey],
  });

  return (
    <Modal
      open={row !== null && request !== null}
      title={`${decision === 'approve' ? text.approveTitle : text.returnTitle}：${row?.name ?? ''}`}
      okText={decision === 'approve' ? text.approve : text.return}
      okButtonProps={{ danger: decision === 'return' }}
      cancelText={sw.common.cancel}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      width={1000}
      // The dialog fits the window; a long diff scrolls inside it, the decision buttons stay in view.
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 4 } }}
      destroyOnHidden
    >
      {request && <ChangeSetDiff requestId={request.id} onlyChanged />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => review.mutate(values)}
        disabled={review.isPending}
        style={{ marginTop: 16 }}
      >
        {decision === 'return' ? (
          <ReturnReasonField text={text} rows={3} />
        ) : (
          <Alert type="info" showIcon title={text.approveHint} />
        )}
      </Form>
      <DecisionError error={review.error} />
    </Modal>
  );
}
