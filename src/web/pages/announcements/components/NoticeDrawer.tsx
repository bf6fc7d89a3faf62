// The detail of a notice: opening it records the read; the publisher can pin, withdraw and see who read it.
import { PaperClipOutlined, PushpinOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Divider, Drawer, Empty, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { attachmentUrl, getNotice, manageNotice, refreshNotices } from '../api.ts';

const text = ot.notices;
const BODY_CSS = '.notice-body p{margin:0 0 .6em}.notice-body ul,.notice-body ol{padding-left:1.6em}';

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function NoticeDrawer(props: {
  id: number | null;
  onClose: () => void;
  onReceipts: (n: { id: number; title: string }) => void;
}) {
  const notify = useNotify();
  const detail = useQuery({
    queryKey: ['notices', 'detail', props.id],
    queryFn: () => getNotice(props.id ?? 0),
    enabled: props.id !== null,
  });
  // The server recorded the read when it answered: the list's dots and the badge are now stale.
  useEffect(() => {
    if (detail.data) void refreshNotices();
  }, [detail.data]);
  const manage = useMutation({
    mutationFn: (action: 'PIN' | 'UNPIN' | 'WITHDRAW') => manageNotice(props.id ?? 0, action),
    onSuccess: async (_, action) => {
      notify.success(action === 'WITHDRAW' ? text.withdrawn : action === 'PIN' ? text.pinnedDone : text.unpinnedDone);
      await refreshNotices();
      if (action === 'WITHDRAW') props.onClose();
    },
  });
  const n = detail.data;
  return (
    <Drawer open={props.id !== null} onClose={props.onClose} width={720} title={n?.title ?? text.title} destroyOnHidden>
      <style>{BODY_CSS}</style>
      {!n ? (
        <Skeleton active />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {n.pinned && (
              <Tag color="red" icon={<PushpinOutlined />}>
                {text.pinned}
              </Tag>
            )}
            <Typography.Text type="secondary">{text.publishedBy(n.publisherOrgName, n.publisherName)}</Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(n.publishedAt)}</Typography.Text>
            <Tag>{n.audience === 'ALL' ? text.audienceAll : `${n.publisherOrgName}${text.audienceSubtree}`}</Tag>
          </Space>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server with an allow-list (sanitize-html) */}
          <div className="notice-body" data-testid="notice-body" dangerouslySetInnerHTML={{ __html: n.bodyHtml }} />
          <Divider titlePlacement="start" plain>
            {text.attachments}
          </Divider>
          {n.attachments.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ot.common.none} />
          ) : (
            <List
              size="small"
              dataSource={n.attachments}
              renderItem={(a) => (
                <List.Item>
                  <a href={attachmentUrl(n.id, a.id)} download={a.fileName}>
                    <PaperClipOutlined /> {a.fileName}
                  </a>
                  <Typography.Text type="secondary">{size(a.sizeBytes)}</Typography.Text>
                </List.Item>
              )}
            />
          )}
          {n.canManage && (
            <Space style={{ marginTop: 24 }}>
              <Button onClick={() => props.onReceipts({ id: n.id, title: n.title })}>{text.receipts}</Button>
              <Button loading={manage.isPending} onClick={() => manage.mutate(n.pinned ? 'UNPIN' : 'PIN')}>
                {n.pinned ? text.unpin : text.pin}
              </Button>
              <Popconfirm title={text.withdrawConfirm} onConfirm={() => manage.mutate('WITHDRAW')}>
                <Button danger>{text.withdraw}</Button>
              </Popconfirm>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
