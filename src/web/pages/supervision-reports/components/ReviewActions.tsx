// The root's decision on a submitted report: 通过, or 退回 with a reason (both need the version read).
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { sr } from '../../../locales/supervision-report.zh-CN.ts';
import { errorMessage, queryClient } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { approveReport, type ReportView, reportsKey, returnReport } from '../api.ts';

export function ReviewActions({ report }: { report: ReportView }) {
  const notify = useNotify();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const settle = (r: ReportView, text: string) => {
    notify.success(text);
    queryClient.setQueryData([...reportsKey, 'report', r.id], r);
    void queryClient.invalidateQueries({ queryKey: reportsKey });
  };
  const approve = useMutation({
    meta: { inlineError: true },
    mutationFn: () => approveReport(report.id, report.version),
    onSuccess: (r) => settle(r, sr.approved),
    onError: () => void queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
  const ret = useMutation({
    meta: { inlineError: true },
    mutationFn: (reason: string) => returnReport(report.id, report.version, reason),
    onSuccess: (r) => {
      setReturning(false);
      settle(r, sr.returned);
    },
  });
  if (!report.abilities.approve.allowed && !report.abilities.return.allowed) return null;
  const error = approve.error ?? ret.error;
  return (
    <>
      {error && !returning && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(error)} />
      )}
      <Space>
        <Popconfirm title={sr.approveConfirm} onConfirm={() => approve.mutate()}>
          <Button type="primary" loading={approve.isPending}>
            {sr.approve}
          </Button>
        </Popconfirm>
        <Button danger onClick={() => setReturning(true)}>
          {sr.returnAction}
        </Button>
      </Space>
      <Modal
        open={returning}
        title={sr.returnAction}
        okText={sr.returnAction}
        confirmLoading={ret.isPending}
        onCancel={() => setReturning(false)}
        onOk={() => void form.validateFields().then((v) => ret.mutate(v.reason))}
        destroyOnHidden
      >
        {ret.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(ret.error)} />}
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={sr.returnReason}
            rules={[{ required: true, whitespace: true, message: sr.returnReasonRequired }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
