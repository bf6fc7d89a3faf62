// The 填报单位's latest offline request on its home: kind, dates, how far it has got (审核中 / 下线申请通过 /
// 审核未通过：<reason>), and the read-only notice after 完成下线. Nothing when the site never applied.
import { Alert, Card, Descriptions, Tag } from 'antd';
import { ol } from '../../../../locales/offline.zh-CN.ts';
import type { OperatorView } from '../api.ts';

const text = ol.status;

function stateColor(state: string): string {
  if (state === 'RETURNED') return 'red';
  if (state === 'DONE') return 'green';
  return 'blue';
}

export function OfflineStatusCard({ view }: { view: OperatorView | undefined }) {
  const latest = view?.requests[0];
  if (!view || !latest) return null;
  const dates = [
    text.planned(latest.plannedDate),
    latest.endDate ? (latest.kind === 'TEMP' ? text.restore(latest.endDate) : text.online(latest.endDate)) : null,
  ].filter(Boolean);
  return (
    <Card size="small" title={text.title} style={{ marginTop: 16 }} data-testid="offline-status">
      {view.site.readOnly ? <Alert type="warning" showIcon title={text.readOnly} style={{ marginBottom: 12 }} /> : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'kind', label: text.kind, children: latest.kindLabel },
          {
            key: 'state',
            label: text.state,
            children: (
              <Tag color={stateColor(latest.state)} data-testid="offline-request-label">
                {latest.label}
              </Tag>
            ),
          },
          { key: 'dates', label: text.dates, children: dates.join('，') },
          { key: 'reason', label: text.reason, children: latest.reason },
        ]}
      />
      {latest.rejected ? <Alert type="error" showIcon title={text.rejected} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}
