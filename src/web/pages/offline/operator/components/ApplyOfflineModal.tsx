// 下线申请 (SPEC §7.6): 下线类型, 原因, dates by kind, 整合迁移后网址 and the closure document; the rules of the chosen
// kind are explained above the fields (limits, and for 永久下线 the duties and the consolidation note of §7.6.3).
import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Flex, Form, Input, Modal, Radio, Tooltip, Typography, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { checkOfflineLimits, daysBetween, type OfflineKind } from '../../../../../domain/offline.ts';
import { ol } from '../../../../locales/offline.zh-CN.ts';
import { ApiError, errorMessage } from '../../../../request.ts';
import { AttachmentUpload } from '../../../../shared/AttachmentUpload.tsx';
import { useNotify } from '../../../../shared/notify.tsx';
import { type ApplyResult, applyOffline, type OperatorView, uploadOfflineAttachment } from '../api.ts';

const text = ol.apply;
const DAY = 'YYYY-MM-DD';

interface Values {
  kind: OfflineKind;
  reason: string;
  plannedDate?: Dayjs;
  restoreDate?: Dayjs;
  onlineDate?: Dayjs;
  migrationUrl?: string;
  description?: string;
}

const dayOf = (d: Dayjs | undefined) => (d ? d.format(DAY) : undefined);

function KindRules({ kind, view }: { kind: OfflineKind; view: OperatorView }) {
  const { limits } = view;
  if (kind === 'EMERGENCY')
    return <Alert type="warning" showIcon title={text.emergencyRules(limits.emergencyMaxDays)} />;
  if (kind === 'PERM') {
    return (
      <Flex vertical gap={8}>
        <Alert type="info" showIcon title={text.permRules} />
        <Alert type="warning" showIcon title={text.permConsolidated} />
      </Flex>
    );
  }
  const used = limits.approvedTempYears;
  return (
    <Alert
      type="info"
      showIcon
      title={text.tempRules(limits.tempMaxDays, limits.tempPerYear)}
      description={used.length > 0 ? text.tempUsed(used.join('、')) : undefined}
    />
  );
}

export function ApplyOfflineModal({
  view,
  open,
  onClose,
  onDone,
}: {
  view: OperatorView | undefined;
  open: boolean;
  onClose: () => void;
  onDone: (result: ApplyResult) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const notify = useNotify();
  const kind = Form.useWatch('kind', form) ?? 'TEMP';
  const planned = Form.useWatch('plannedDate', form);
  const restore = Form.useWatch('restoreDate', form);
  const today = view?.limits.today ?? dayjs().format(DAY);
  const apply = useMutation({
    meta: { inlineError: true },
    mutationFn: (v: Values) => {
      const attachment = files.find((f) => f.status === 'done')?.response as { id?: number } | undefined;
      return applyOffline({
        kind: v.kind,
        reason: v.reason,
        plannedDate: v.kind === 'EMERGENCY' ? today : dayOf(v.plannedDate),
        restoreDate: v.kind === 'TEMP' ? dayOf(v.restoreDate) : undefined,
        onlineDate: v.kind === 'EMERGENCY' ? dayOf(v.onlineDate) : undefined,
        migrationUrl: v.kind === 'PERM' && v.migrationUrl ? v.migrationUrl : undefined,
        description: v.description || undefined,
        attachmentId: typeof attachment?.id === 'number' ? attachment.id : undefined,
      });
    },
    onSuccess: (result, values) => {
      notify.success(text.done(values.kind, result.runStatusLabel));
      form.resetFields();
      setFiles([]);
      onDone(result);
      onClose();
    },
    onError: (error) => {
      // The server names the field a limit belongs to: show it under that field as well.
      const fields = error instanceof ApiError ? error.details?.fields : undefined;
      if (Array.isArray(fields)) {
        form.setFields(
          fields.flatMap((f: { field?: unknown; message?: unknown }) =>
            typeof f.field === 'string' && typeof f.message === 'string'
              ? [{ name: f.field as keyof Values, errors: [f.message] }]
              : [],
          ),
        );
      }
    },
  });
  const abilities = view?.abilities.apply;
  const firstAllowed = (['TEMP', 'PERM', 'EMERGENCY'] as const).find((k) => abilities?.[k].allowed) ?? 'TEMP';
  const tempDays = planned && restore ? daysBetween(planned.format(DAY), restore.format(DAY)) : null;
  /**
   * The server's date limits, checked as the dates are picked (the per-year count is the server's, shown on the
   * disabled kind): a 临时下线 over the limit is marked at once, not only on submit.
   */
  const dateRule = (field: 'restoreDate' | 'onlineDate') => ({
    validator: async (_rule: unknown, value: Dayjs | undefined) => {
      const plannedDate = kind === 'EMERGENCY' ? today : dayOf(form.getFieldValue('plannedDate') as Dayjs | undefined);
      if (!value || !plannedDate) return;
      const errors = checkOfflineLimits(
        { kind, plannedDate, [field]: value.format(DAY) },
        { today, emergencyMaxDays: view?.limits.emergencyMaxDays ?? 0, approvedTempInYear: 0 },
      );
      const mine = errors.find((e) => e.field === field);
      if (mine) throw new Error(mine.message);
    },
  });
  const uploading = files.some((f) => f.status === 'uploading');

  return (
    <Modal
      title={text.title}
      open={open}
      width={720}
      onCancel={onClose}
      okText={text.submit}
      cancelText={ol.common.cancel}
      okButtonProps={{ loading: apply.isPending, disabled: uploading }}
      onOk={() => form.submit()}
      afterOpenChange={(visible) => visible && apply.reset()}
      destroyOnHidden
    >
      {view ? (
        <Typography.Paragraph type="secondary">{`${view.site.name}（${view.site.siteCode}）`}</Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: firstAllowed }}
        onFinish={(v) => apply.mutate(v)}
        disabled={apply.isPending}
      >
        <Form.Item name="kind" label={text.kind} rules={[{ required: true }]}>
          <Radio.Group>
            {(['TEMP', 'PERM', 'EMERGENCY'] as const).map((k) => {
              const ability = abilities?.[k];
              const radio = (
                <Radio key={k} value={k} disabled={ability ? !ability.allowed : false}>
                  {ol.kinds[k]}
                </Radio>
              );
              return ability && !ability.allowed ? (
                <Tooltip key={k} title={ability.reason}>
                  {radio}
                </Tooltip>
              ) : (
                radio
              );
            })}
          </Radio.Group>
        </Form.Item>
        {view ? (
          <div style={{ marginBottom: 16 }}>
            <KindRules kind={kind} view={view} />
          </div>
        ) : null}
        <Form.Item
          name="reason"
          label={text.reason}
          rules={[{ required: true, whitespace: true, message: text.reasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={text.reasonPlaceholder} />
        </Form.Item>
        <Flex gap={16} wrap>
          {kind === 'EMERGENCY' ? (
            <Form.Item label={text.plannedDate} extra={text.emergencyToday(today)}>
              <DatePicker value={dayjs(today)} disabled format={DAY} />
            </Form.Item>
          ) : (
            <Form.Item
              name="plannedDate"
              label={text.plannedDate}
              rules={[{ required: true, message: text.plannedRequired }]}
            >
              <DatePicker format={DAY} disabledDate={(d) => d.format(DAY) < today} />
            </Form.Item>
          )}
          {kind === 'TEMP' ? (
            <Form.Item
              name="restoreDate"
              label={text.restoreDate}
              dependencies={['plannedDate']}
              rules={[{ required: true, message: text.restoreRequired }, dateRule('restoreDate')]}
              extra={tempDays !== null && tempDays > 0 ? text.tempDays(tempDays) : undefined}
            >
              <DatePicker format={DAY} disabledDate={(d) => d.format(DAY) <= (planned?.format(DAY) ?? today)} />
            </Form.Item>
          ) : null}
          {kind === 'EMERGENCY' ? (
            <Form.Item
              name="onlineDate"
              label={text.onlineDate}
              rules={[{ required: true, message: text.onlineRequired }, dateRule('onlineDate')]}
            >
              <DatePicker format={DAY} disabledDate={(d) => d.format(DAY) <= today} />
            </Form.Item>
          ) : null}
        </Flex>
        {kind === 'PERM' ? (
          <Form.Item name="migrationUrl" label={text.migrationUrl} extra={text.migrationHelp}>
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
        ) : null}
        <Form.Item name="description" label={text.description}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={text.attachment} extra={text.attachmentHelp}>
          <AttachmentUpload
            files={files}
            onChange={setFiles}
            upload={uploadOfflineAttachment}
            accept=".pdf,.jpg,.png,.doc,.docx"
            maxCount={1}
            tooLarge={text.tooLarge}
            label={text.upload}
          />
        </Form.Item>
      </Form>
      {apply.error ? <Alert type="error" showIcon title={errorMessage(apply.error)} style={{ marginTop: 4 }} /> : null}
    </Modal>
  );
}
