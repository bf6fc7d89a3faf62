// 链接健康: the scope's swept sites (正常 and 例外) by the class of their latest nightly check, with a link to the
// failing ones in 政府网站和栏目基本信息表 (filtered to the scope unit).
import { Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import type { SiteStats } from '../api.ts';
import { pieOption } from '../charts.ts';
import { EChart } from './EChart.tsx';
import { ExportButton } from './ExportButton.tsx';

const text = ot.stats;
const COLORS: Record<string, string> = { FAILING: '#d9534f', FOOTER: '#f0a020', OK: '#5cb85c', UNCHECKED: '#bfbfbf' };
const AREA_PARAM: Record<number, string> = { 1: 'province', 2: 'city', 3: 'county' };

/** The list URL of the scope's sites in one class; a unit below the caller's own becomes the list's area filter. */
function listUrl(scope: SiteStats['scope'], status: string): string {
  const params = new URLSearchParams({ linkHealth: status });
  const area = AREA_PARAM[scope.level];
  if (scope.trail.length > 1 && area) params.set(area, scope.code);
  return `/org/sites?${params}`;
}

export function LinkHealthCard({ stats, org }: { stats: SiteStats; org?: string | undefined }) {
  const h = stats.linkHealth;
  const option = useMemo(() => pieOption(h.statuses.map((s) => ({ ...s, color: COLORS[s.key] }))), [h.statuses]);
  return (
    <Card size="small" title={text.linkHealth} extra={<ExportButton table="linkHealth" org={org} />}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {text.linkHealthScope(h.swept)}
      </Typography.Paragraph>
      <EChart option={option} height={240} label={text.linkHealth} />
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={h.statuses}
        style={{ marginTop: 8 }}
        columns={[
          { title: text.linkHealth, dataIndex: 'label' },
          {
            title: text.colCount,
            dataIndex: 'count',
            width: 90,
            align: 'right',
            render: (count: number, row) =>
              // The list's 未检查 also holds applications and offline sites: only the problem classes link there.
              count > 0 && (row.key === 'FAILING' || row.key === 'FOOTER') ? (
                <Link to={listUrl(stats.scope, row.key)} data-testid={`link-health-${row.key}`}>
                  {count}
                </Link>
              ) : (
                count
              ),
          },
        ]}
      />
      {h.flagged > 0 && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {text.linkFlagged(h.flagged)}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
