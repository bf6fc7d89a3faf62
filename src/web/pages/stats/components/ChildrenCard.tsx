// 下级单位汇总: the scope unit's own sites and each child's subtree totals, with 下钻 into a child.
import { Button, Card, Table } from 'antd';
import { useMemo } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import type { SiteStats } from '../api.ts';
import { barOption } from '../charts.ts';
import { EChart } from './EChart.tsx';
import { ExportButton } from './ExportButton.tsx';

type Child = SiteStats['children'][number];
const text = ot.stats;

export function ChildrenCard({ stats, onDrill }: { stats: SiteStats; onDrill: (code: string) => void }) {
  const top = useMemo(
    () =>
      barOption(
        [...stats.children]
          .filter((c) => c.total > 0)
          .sort((a, b) => b.total - a.total)
          .slice(0, 15)
          .map((c) => ({ label: c.displayName, count: c.total })),
      ),
    [stats.children],
  );
  const shown = stats.children.filter((c) => c.total > 0).length;
  return (
    <Card size="small" title={text.children} extra={<ExportButton table="children" org={stats.scope.code} />}>
      {shown > 0 && <EChart option={top} height={Math.max(140, Math.min(shown, 15) * 30)} label={text.children} />}
      <Table<Child>
        size="small"
        rowKey={(c) => c.code ?? 'self'}
        dataSource={stats.children}
        pagination={stats.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        style={{ marginTop: 8 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{ot.common.total(stats.children.length)}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="children-total">{stats.children.reduce((s, c) => s + c.total, 0)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={5} />
          </Table.Summary.Row>
        )}
        columns={[
          { title: text.colUnit, dataIndex: 'displayName' },
          { title: text.colTotal, dataIndex: 'total', align: 'right', width: 100 },
          { title: text.colNormal, dataIndex: 'normal', align: 'right', width: 100 },
          { title: text.colPortals, dataIndex: 'portals', align: 'right', width: 100 },
          { title: text.colPlatforms, dataIndex: 'platforms', align: 'right', width: 120 },
          { title: text.colLinkFailing, dataIndex: 'linkFailing', align: 'right', width: 100 },
          {
            title: '',
            key: 'drill',
            width: 80,
            render: (_, c) =>
              c.code && c.hasChildren ? (
                <Button type="link" size="small" onClick={() => onDrill(c.code ?? '')}>
                  {text.drill}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
