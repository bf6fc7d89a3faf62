// The number of 工作年度报表 waiting for this unit's decision, beside the menu entry (its 待办), refreshed every 30 s
// and after every decision.
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { waitingCount, waitingKey } from './api.ts';

export function WorkReportMenuBadge() {
  const data = useQuery({
    queryKey: waitingKey,
    queryFn: waitingCount,
    refetchInterval: 30_000,
    staleTime: 5_000,
  }).data;
  const count = data?.count ?? 0;
  return (
    <Badge
      count={count}
      size="small"
      offset={[6, -2]}
      title={`${count} 份年度报表待审核`}
      data-testid="work-report-menu-count"
    />
  );
}
