// 例外 / 删除 / 恢复正常 of one site (SPEC §7.7, §8.1 #9), for the root and level-1 units only: the buttons with the
// server's abilities, and a dialog asking the mandatory reason. Renders nothing for other units.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { isOrgUser, useSession } from '../../../access.ts';
import { ol } from '../../../locales/offline.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { AbilityButton } from '../../sites/list/components/AbilityButton.tsx';
import { changeStatus, getStatusActions, type StatusAction } from './api.ts';

const text = ol.siteStatus;
const ACTIONS: StatusAction[] = ['EXCEPTION', 'DELETE', 'RESTORE'];

export function SiteStatusPanel({ siteId, siteName }: { siteId: number | null; siteName?: string }) {
  const actor = useSession().data?.actor;
  const manager = isOrgUser(actor) && actor.orgLevel <= 1;
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [form] = Form.useForm<{ reason: string }>();
  const [action, setAction] = useState<StatusAction | null>(null);
  const view = useQuery({
    queryKey: ['sites', 'status-actions', siteId],
    queryFn: () => getStatusActions(siteId ?? 0),
    enabled: manager && siteId !== null,
  });
  const change = useMutation({
    meta: { inlineError: true },
    mutationFn: (reason: string) => changeStatus(siteId ?? 0, action ?? 'RESTORE', reason),
    onSuccess: (result) => {
      notify.success(text.done(text[action ?? 'RESTORE']));
      if (result.warning) notify.warning(result.warning, 8);
      setAction(null);
      form.resetFields();
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sites'] }),
        queryClient.invalidateQueries({ queryKey: ['offline-review'] }),
      ]),
  });
  if (!manager || siteId === null || !view.data) return null;
  const abilities = view.data.abilities;
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text.title}：{text.hint}
      </Typography.Text>
      <Flex gap={8}>
        {ACTIONS.map((a) => (
          <AbilityButton key={a} danger={a === 'DELETE'} ability={abilities[a]} onClick={() => setAction(a)}>
            {text[a]}
          </AbilityButton>
        ))}
      </Flex>
      <Modal
        open={action !== null}
        title={action ? text.confirmTitle(text[action], siteName ?? '') : ''}
        okText={ol.common.confirm}
        cancelText={ol.common.cancel}
        okButtonProps={{ danger: action === 'DELETE' }}
        confirmLoading={change.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        afterOpenChange={(visible) => visible && change.reset()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v.reason)}>
          <Form.Item
            name="reason"
            label={text.reason}
            rules={[{ required: true, whitespace: true, message: text.reasonRequired }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
        {change.error ? <Alert type="error" showIcon title={errorMessage(change.error)} /> : null}
      </Modal>
    </Flex>
  );
}

/** The drawer footer holding the panel, or null (no empty footer) for units that cannot use it. */
export function useSiteStatusFooter(siteId: number | null, siteName?: string) {
  const actor = useSession().data?.actor;
  const manager = isOrgUser(actor) && actor.orgLevel <= 1;
  return manager && siteId !== null ? <SiteStatusPanel siteId={siteId} siteName={siteName} /> : null;
}
