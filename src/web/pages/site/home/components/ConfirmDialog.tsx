// A confirmation dialog that runs one request and shows its error in place (申请门户网站, 政务服务平台, 撤回申请).
import { useMutation } from '@tanstack/react-query';
import { Alert, Modal, Typography } from 'antd';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { errorMessage } from '../../../../request.ts';
import type { FiledRequest } from '../api.ts';

export interface ConfirmSpec {
  title: string;
  body: string;
  run: () => Promise<FiledRequest>;
}

export function ConfirmDialog({
  spec,
  onClose,
  onDone,
}: {
  spec: ConfirmSpec | null;
  onClose: () => void;
  onDone: (result: FiledRequest) => void;
}) {
  const run = useMutation({
    mutationFn: (s: ConfirmSpec) => s.run(),
    meta: { inlineError: true },
    onSuccess: (result) => {
      onDone(result);
      onClose();
    },
  });
  return (
    <Modal
      open={spec !== null}
      title={spec?.title}
      okText={sw.common.confirm}
      cancelText={sw.common.cancel}
      confirmLoading={run.isPending}
      onOk={() => spec && run.mutate(spec)}
      onCancel={onClose}
      afterOpenChange={(visible) => visible && run.reset()}
    >
      <Typography.Paragraph>{spec?.body}</Typography.Paragraph>
      {run.error ? <Alert type="error" showIcon title={errorMessage(run.error)} /> : null}
    </Modal>
  );
}
