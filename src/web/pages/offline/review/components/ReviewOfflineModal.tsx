// 审核 dialog of one offline request: the request (kind, dates, reason, 整合迁移后网址, 附件, the chain with the
// current step), then 通过, or 驳回 with a mandatory reason.
import { Alert, Descriptions, Form, Input, Modal, Steps, Tag } from 'antd';
import { ol } from '../../../../locales/offline.zh-CN.ts';
import { DecisionError, DecisionField, useReviewDialog } from '../../../../shared/ReviewDecision.tsx';
import { approveOffline, attachmentUrl, type OfflineRow, offlineReviewKey, returnOffline } from '../api.ts';

const text = ol.review.dialog;
type Decision = 'approve' | 'return';
interface Values {
  decision: Decision;
  reason?: string;
}

export function OfflineDetails({ row }: { row: OfflineRow }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 120 } }}
      items={[
        { key: 'site', label: ol.review.columns.siteName, children: `${row.siteName}（${row.siteCode ?? ''}）` },
        { key: 'kind', label: ol.review.columns.kind, children: <Tag>{row.kindLabel}</Tag> },
        {
          key: 'dates',
          label: ol.review.columns.dates,
          children: row.endDate ? `${row.plannedDate} → ${row.endDate}` : row.plannedDate,
        },
        { key: 'reason', label: ol.review.columns.reason, children: row.reason },
        ...(row.migrationUrl ? [{ key: 'url', label: text.migrationUrl, children: row.migrationUrl }] : []),
        ...(row.description ? [{ key: 'desc', label: text.description, children: row.description }] : []),
        ...(row.attachment
          ? [
              {
                key: 'file',
                label: ol.apply.attachment,
                children: (
                  <a href={attachmentUrl(row.id)} download>
                    {row.attachment.fileName}
                  </a>
                ),
              },
            ]
          : []),
        { key: 'list', label: ol.review.columns.listStatus, children: row.listStatus },
      ]}
    />
  );
}

export function ReviewOfflineModal({ row, onClose }: { row: OfflineRow | null; onClose: () => void }) {
  const { form, review, close } = useReviewDialog<Values>({
    onClose,
    mutationFn: (v) => {
      if (!row) throw new Error('no row');
      return v.decision === 'approve'
        ? approveOffline(row.id, row.version)
        : returnOffline(row.id, v.reason ?? '', row.version);
    },
    success: (v) => (v.decision === 'approve' ? text.approved : text.returned),
    // The run status may have changed too.
    invalidate: [offlineReviewKey, ['sites']],
  });
  const decision = Form.useWatch('decision', form);

  return (
    <Modal
      open={row !== null}
      title={text.title}
      width={680}
      okText={ol.common.confirm}
      cancelText={ol.common.cancel}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      {row ? (
        <>
          <OfflineDetails row={row} />
          <Steps
            size="small"
            style={{ margin: '16px 0' }}
            current={row.state === 'DONE' ? row.chain.length : row.stepIndex}
            items={row.chain.map((c) => ({ title: c.name }))}
          />
        </>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'approve' }}
        onFinish={(v) => review.mutate(v)}
        disabled={review.isPending}
      >
        <DecisionField text={text} abilities={row?.abilities} />
        {decision === 'return' ? (
          <Form.Item
            name="reason"
            label={text.reason}
            rules={[{ required: true, whitespace: true, message: text.reasonRequired }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        ) : (
          <Alert
            type="info"
            showIcon
            title={row?.kind === 'EMERGENCY' ? text.emergencyApproveHint : text.approveHint}
          />
        )}
      </Form>
      <DecisionError error={review.error} />
    </Modal>
  );
}
