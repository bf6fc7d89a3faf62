// The offline part of the 填报单位 home: handlers for its 下线申请 / 完成下线 / 恢复上线 buttons (keys sent by the
// server with the other actions) and the dialogs and status card they need, rendered where the page puts `element`.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { ol } from '../../../locales/offline.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { getOfflineView, offlineViewKey, restoreOnline } from './api.ts';
import { ApplyOfflineModal } from './components/ApplyOfflineModal.tsx';
import { CompleteOfflineModal } from './components/CompleteOfflineModal.tsx';
import { OfflineStatusCard } from './components/OfflineStatusCard.tsx';

type Dialog = 'apply' | 'complete' | 'restore' | null;

export function useOfflineActions(enabled: boolean): {
  handlers: Record<'offlineApply' | 'offlineComplete' | 'offlineRestore', () => void>;
  element: ReactNode;
} {
  const [dialog, setDialog] = useState<Dialog>(null);
  const queryClient = useQueryClient();
  const notify = useNotify();
  const view = useQuery({ queryKey: offlineViewKey, queryFn: getOfflineView, enabled });
  // The home and this view share the ['site'] key: one invalidation refreshes the run status everywhere.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['site'] });
  const close = () => setDialog(null);
  const restore = useMutation({
    meta: { inlineError: true },
    mutationFn: restoreOnline,
    onSuccess: () => {
      notify.success(ol.restore.done);
      close();
      void refresh();
    },
  });
  const today = view.data?.limits.today ?? '';
  const element = (
    <>
      <OfflineStatusCard view={view.data} />
      <ApplyOfflineModal view={view.data} open={dialog === 'apply'} onClose={close} onDone={() => void refresh()} />
      <CompleteOfflineModal open={dialog === 'complete'} today={today} onClose={close} onDone={() => void refresh()} />
      <Modal
        open={dialog === 'restore'}
        title={ol.restore.title}
        okText={ol.common.confirm}
        cancelText={ol.common.cancel}
        confirmLoading={restore.isPending}
        onOk={() => restore.mutate()}
        onCancel={close}
        afterOpenChange={(visible) => visible && restore.reset()}
      >
        <Typography.Paragraph>{ol.restore.body(view.data?.site.runStatusUntil ?? '')}</Typography.Paragraph>
        {restore.error ? <Alert type="error" showIcon title={errorMessage(restore.error)} /> : null}
      </Modal>
    </>
  );
  return {
    handlers: {
      offlineApply: () => setDialog('apply'),
      offlineComplete: () => setDialog('complete'),
      offlineRestore: () => setDialog('restore'),
    },
    element,
  };
}
