// The 待办 count: beside the menu entry and as a bell in the header, refreshed every 30 s and after every successful
// action anywhere in the workspace (an approval on the site list clears it at once).
import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { inboxCount, inboxCountKey, inboxKey } from './api.ts';
import { inboxTexts as it } from './texts.ts';

function useInboxCount() {
  const client = useQueryClient();
  useEffect(
    () =>
      client.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') {
          void client.invalidateQueries({ queryKey: inboxKey });
        }
      }),
    [client],
  );
  return useQuery({ queryKey: inboxCountKey, queryFn: inboxCount, refetchInterval: 30_000, staleTime: 5_000 }).data;
}

/** Menu entry badge (WorkspacePage.badge). */
export function InboxMenuBadge() {
  const data = useInboxCount();
  const count = data?.count ?? 0;
  return (
    <Badge
      count={count}
      size="small"
      offset={[6, -2]}
      color={data && data.overdue > 0 ? 'red' : 'blue'}
      title={it.badgeTitle(count, data?.overdue ?? 0)}
      data-testid="inbox-menu-count"
    />
  );
}

/** Header bell linking to 待办. */
export function InboxHeaderBadge() {
  const data = useInboxCount();
  const count = data?.count ?? 0;
  return (
    <Link
      to="/org/inbox"
      aria-label={`${it.headerLink}：${it.badgeTitle(count, data?.overdue ?? 0)}`}
      title={it.badgeTitle(count, data?.overdue ?? 0)}
      style={{ display: 'inline-flex', alignItems: 'center' }}
      data-testid="inbox-header"
    >
      <Badge count={count} size="small" overflowCount={99} data-testid="inbox-header-count">
        <BellOutlined style={{ fontSize: 18, color: 'rgba(255,255,255,0.92)' }} />
      </Badge>
    </Link>
  );
}
