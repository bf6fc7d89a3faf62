// 每日待办汇总: the switch and the address it goes to, saved for the signed-in user.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { getInboxSettings, type InboxSettings, saveInboxSettings } from '../api.ts';
import { inboxTexts as it } from '../texts.ts';

const settingsKey = ['inbox', 'settings'] as const;

export function DigestSettings() {
  const client = useQueryClient();
  const notify = useNotify();
  const [form] = Form.useForm<InboxSettings>();
  const settings = useQuery({ queryKey: settingsKey, queryFn: getInboxSettings });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (values: InboxSettings) =>
      saveInboxSettings({ digestEnabled: values.digestEnabled, email: values.email?.trim() || null }),
    meta: { inlineError: true },
    onSuccess: (data) => {
      client.setQueryData(settingsKey, data);
      notify.success(it.digest.saved);
    },
    onError: (error) =>
      form.setFields([{ name: 'email', errors: [error instanceof ApiError ? error.message : String(error)] }]),
  });
  return (
    <Card size="small" title={it.digest.title} loading={settings.isPending} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{it.digest.description}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="digestEnabled" label={it.digest.enabled} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="email" label={it.digest.email}>
          <Input placeholder={it.digest.emailPlaceholder} style={{ width: 260 }} allowClear />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {it.digest.save}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
