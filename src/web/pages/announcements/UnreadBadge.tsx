// The unread 重要通知 count beside the menu entry, refreshed every minute and after reading a notice.
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { unreadCount, unreadKey } from './api.ts';

export function NoticesUnreadBadge() {
  const count = useQuery({ queryKey: unreadKey, queryFn: unreadCount, refetchInterval: 60_000 }).data?.count ?? 0;
  return (
    <Badge count={count} size="small" offset={[6, -2]} title={`${count} 条未读通知`} data-testid="notices-unread" />
  );
}
