// 发布重要通知: title, rich-text body, audience (the root only), pinned, attachments uploaded one by one first.
import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal, Radio, type UploadFile } from 'antd';
import { Suspense, useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { AttachmentUpload } from '../../../shared/AttachmentUpload.tsx';
import { lazyPage } from '../../../shared/lazy-page.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { publishNotice, refreshNotices, uploadAttachment } from '../api.ts';

const text = ot.notices.form;
// TipTap (~100 kB gzip) loads with the dialog: the notice list itself does not need it.
const RichTextEditor = lazyPage(() => import('./RichTextEditor.tsx'));

interface Values {
  title: string;
  bodyHtml: string;
  audience: 'ALL' | 'SUBTREE';
  pinned: boolean;
}

export function PublishModal({ open, isRoot, onClose }: { open: boolean; isRoot: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const notify = useNotify();
  const publish = useMutation({
    meta: { inlineError: true },
    mutationFn: (v: Values) =>
      publishNotice({
        title: v.title,
        bodyHtml: v.bodyHtml,
        audience: isRoot ? v.audience : 'SUBTREE',
        pinned: v.pinned,
        attachmentIds: files.flatMap((f) =>
          f.status === 'done' && typeof f.response?.id === 'number' ? [f.response.id] : [],
        ),
      }),
    onSuccess: async () => {
      notify.success(text.done);
      await refreshNotices();
      form.resetFields();
      setFiles([]);
      onClose();
    },
  });
  const uploading = files.some((f) => f.status === 'uploading');

  return (
    <Modal
      title={text.title}
      open={open}
      width={760}
      onCancel={onClose}
      okText={text.submit}
      cancelText={ot.common.cancel}
      okButtonProps={{ loading: publish.isPending, disabled: uploading }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {publish.isError && (
        <Alert type="error" showIcon message={errorMessage(publish.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ audience: isRoot ? 'ALL' : 'SUBTREE', pinned: false, bodyHtml: '' }}
        onFinish={(v) => publish.mutate(v)}
      >
        <Form.Item
          name="title"
          label={text.titleLabel}
          rules={[{ required: true, whitespace: true, message: text.titleRequired }]}
        >
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item
          name="bodyHtml"
          label={text.body}
          rules={[
            {
              validator: (_, v: string) =>
                (v ?? '').replace(/<[^>]*>|&nbsp;|\s/g, '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(text.bodyRequired)),
            },
          ]}
        >
          <SuspendedEditor />
        </Form.Item>
        {isRoot && (
          <Form.Item name="audience" label={text.audience}>
            <Radio.Group
              options={[
                { value: 'ALL', label: ot.notices.audienceAll },
                { value: 'SUBTREE', label: ot.notices.audienceSubtree },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="pinned" valuePropName="checked">
          <Checkbox>{text.pinned}</Checkbox>
        </Form.Item>
        <Form.Item label={text.attachments} extra={text.uploadHint}>
          <AttachmentUpload
            files={files}
            onChange={setFiles}
            upload={uploadAttachment}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.zip"
            maxCount={10}
            multiple
            tooLarge={text.tooLarge}
            label={text.upload}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Form.Item hands value/onChange/id to its child: passed through to the editor once its code is there. */
function SuspendedEditor(props: { value?: string; onChange?: (html: string) => void; id?: string }) {
  return (
    <Suspense fallback={<div style={{ minHeight: 220, border: '1px solid #d9d9d9', borderRadius: 6 }} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
