// 审核结果提醒 on the 填报单位's home page: the decisions on its requests (in-app copies of the mails), newest first,
// with 标为已读 per notice and for all.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Collapse, Empty, Flex, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format.ts';
import { listSiteNotices, markSiteNoticesRead, siteNoticesKey } from '../api.ts';
import { siteNoticeTexts as st } from '../texts.ts';

export function SiteNoticesCard() {
  const client = useQueryClient();
  const notices = useQuery({ queryKey: siteNoticesKey, queryFn: listSiteNotices, refetchInterval: 60_000 });
  const mark = useMutation({
    mutationFn: (ids?: number[]) => markSiteNoticesRead(ids),
    onSuccess: () => client.invalidateQueries({ queryKey: siteNoticesKey }),
  });
  const data = notices.data;
  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          {st.title}
          <Badge count={data?.unread ?? 0} size="small" title={st.unread(data?.unread ?? 0)} />
        </Flex>
      }
      loading={notices.isPending}
      style={{ marginTop: 16 }}
      data-testid="site-notices"
      extra={
        data && data.unread > 0 ? (
          <Button size="small" loading={mark.isPending} onClick={() => mark.mutate(undefined)}>
            {st.markAll}
          </Button>
        ) : null
      }
    >
      {data && data.items.length === 0 ? (
        <Empty description={st.empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Collapse
          size="small"
          items={(data?.items ?? []).map((n) => ({
            key: n.id,
            label: (
              <Flex justify="space-between" gap={12} wrap>
                <span>
                  {!n.read && <Tag color="red">{st.unreadTag}</Tag>}
                  {n.title}
                </span>
                <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
              </Flex>
            ),
            children: (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                  {n.body}
                </Typography.Paragraph>
                {!n.read && (
                  <Button size="small" type="link" onClick={() => mark.mutate([n.id])}>
                    {st.markRead}
                  </Button>
                )}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
