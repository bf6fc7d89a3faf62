// 重要通知 (SPEC §11.2): notices addressed to the caller's unit, pinned first, unread ones marked; the root and
// level-1 units publish. The open notice is kept in the URL (?open=<id>).
import { PaperClipOutlined, PlusOutlined, PushpinOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isOrgUser, useSession } from '../../access.ts';
import { ot } from '../../locales/org-tools.zh-CN.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { tablePagination, usePageParams } from '../../shared/use-page-params.ts';
import { listNotices, type NoticeItem } from './api.ts';
import { NoticeDrawer } from './components/NoticeDrawer.tsx';
import { PublishModal } from './components/PublishModal.tsx';
import { ReceiptsModal } from './components/ReceiptsModal.tsx';

const text = ot.notices;

export default function NoticesPage() {
  const actor = useSession().data?.actor;
  const params = usePageParams();
  const query = { q: params.q || undefined, page: params.page, pageSize: params.pageSize };
  const list = useQuery({
    queryKey: ['notices', 'list', query],
    queryFn: () => listNotices(query),
    placeholderData: keepPreviousData,
  });
  const [publishing, setPublishing] = useState(false);
  const [receipts, setReceipts] = useState<{ id: number; title: string } | null>(null);
  const openId = Number(params.get('open')) || null;
  const open = (id: number | null) => params.update({ open: id ?? undefined, page: params.page });

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          list.data?.canPublish && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
              {text.publish}
            </Button>
          )
        }
      />
      <Flex style={{ marginBottom: 16 }}>
        <Input.Search
          key={params.q}
          defaultValue={params.q}
          allowClear
          enterButton
          placeholder={text.searchPlaceholder}
          style={{ width: 320, maxWidth: '100%' }}
          onSearch={(v) => params.update({ q: v.trim() })}
        />
      </Flex>
      <Table<NoticeItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} /> }}
        pagination={tablePagination(params, list.data?.total ?? 0, ot.common.total)}
        onRow={(n) => ({ onClick: () => open(n.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: text.colTitle,
            key: 'title',
            render: (_, n) => (
              <Space size={6} wrap>
                {!n.read && <Badge status="error" title={text.unread} />}
                {n.pinned && (
                  <Tag color="red" icon={<PushpinOutlined />}>
                    {text.pinned}
                  </Tag>
                )}
                <Typography.Link strong={!n.read}>{n.title}</Typography.Link>
                {n.attachmentCount > 0 && (
                  <Typography.Text type="secondary" title={text.attachmentCount(n.attachmentCount)}>
                    <PaperClipOutlined /> {n.attachmentCount}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: text.colPublisher, dataIndex: 'publisherOrgName', width: 180 },
          {
            title: text.colAudience,
            dataIndex: 'audience',
            width: 140,
            render: (a: string) => (a === 'ALL' ? text.audienceAll : text.audienceSubtree),
          },
          { title: text.colTime, dataIndex: 'publishedAt', width: 180, render: (v: string) => formatDateTime(v) },
        ]}
      />
      <NoticeDrawer id={openId} onClose={() => open(null)} onReceipts={setReceipts} />
      <ReceiptsModal notice={receipts} onClose={() => setReceipts(null)} />
      <PublishModal
        open={publishing}
        isRoot={isOrgUser(actor) && actor.orgLevel === 0}
        onClose={() => setPublishing(false)}
      />
    </>
  );
}
