// 完成下线 (SPEC §7.6.3): the evidence checklist — migration notice and its date, ICP / 公安 / 党政机关网站标识 / domain
// cancelled. What is missing (or a notice up less than 30 days) is listed and must be acknowledged, not fixed.
import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { completionWarnings } from '../../../../../domain/offline.ts';
import { ol } from '../../../../locales/offline.zh-CN.ts';
import { errorMessage } from '../../../../request.ts';
import { useNotify } from '../../../../shared/notify.tsx';
import { completeOffline, type StatusResult } from '../api.ts';

const text = ol.complete;
const DAY = 'YYYY-MM-DD';

interface Values {
  noticeUrl?: string;
  noticePostedDate?: Dayjs;
  icpCancelled?: boolean;
  psbCancelled?: boolean;
  conacCancelled?: boolean;
  domainCancelled?: boolean;
  acknowledge?: boolean;
}

function checklistOf(v: Values) {
  return {
    noticeUrl: v.noticeUrl?.trim() || null,
    noticePostedDate: v.noticePostedDate ? v.noticePostedDate.format(DAY) : null,
    icpCancelled: v.icpCancelled === true,
    psbCancelled: v.psbCancelled === true,
    conacCancelled: v.conacCancelled === true,
    domainCancelled: v.domainCancelled === true,
  };
}

export function CompleteOfflineModal({
  open,
  today,
  onClose,
  onDone,
}: {
  open: boolean;
  today: string;
  onClose: () => void;
  onDone: (result: StatusResult) => void;
}) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const values = Form.useWatch([], form) ?? {};
  const warnings = completionWarnings(checklistOf(values), today);
  const complete = useMutation({
    meta: { inlineError: true },
    mutationFn: (v: Values) => {
      const c = checklistOf(v);
      return completeOffline({
        noticeUrl: c.noticeUrl ?? undefined,
        noticePostedDate: c.noticePostedDate ?? undefined,
        icpCancelled: c.icpCancelled,
        psbCancelled: c.psbCancelled,
        conacCancelled: c.conacCancelled,
        domainCancelled: c.domainCancelled,
        acknowledgeWarnings: v.acknowledge === true,
      });
    },
    onSuccess: (result) => {
      notify.success(text.done);
      form.resetFields();
      onDone(result);
      onClose();
    },
  });

  return (
    <Modal
      title={text.title}
      open={open}
      width={640}
      onCancel={onClose}
      okText={text.submit}
      okButtonProps={{ danger: true, loading: complete.isPending }}
      cancelText={ol.common.cancel}
      onOk={() => form.submit()}
      afterOpenChange={(visible) => visible && complete.reset()}
      destroyOnHidden
    >
      <Typography.Paragraph>{text.intro}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => complete.mutate(v)} disabled={complete.isPending}>
        <Form.Item name="noticeUrl" label={text.noticeUrl}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="noticePostedDate" label={text.noticePostedDate}>
          <DatePicker format={DAY} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />
        </Form.Item>
        <Form.Item label={text.evidence} style={{ marginBottom: 8 }}>
          {(['icp', 'psb', 'conac', 'domain'] as const).map((key) => (
            <Form.Item key={key} name={`${key}Cancelled`} valuePropName="checked" noStyle>
              <Checkbox style={{ display: 'flex', marginBottom: 4 }}>{text[key]}</Checkbox>
            </Form.Item>
          ))}
        </Form.Item>
        {warnings.length > 0 ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={text.warningsTitle}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
            <Form.Item
              name="acknowledge"
              valuePropName="checked"
              rules={[
                {
                  validator: (_, v: boolean | undefined) =>
                    v ? Promise.resolve() : Promise.reject(new Error(text.acknowledgeRequired)),
                },
              ]}
            >
              <Checkbox>{text.acknowledge}</Checkbox>
            </Form.Item>
          </>
        ) : null}
      </Form>
      {complete.error ? <Alert type="error" showIcon title={errorMessage(complete.error)} /> : null}
    </Modal>
  );
}
