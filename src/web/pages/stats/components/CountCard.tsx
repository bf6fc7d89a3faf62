// One count breakdown of the statistics page: its chart above, its table below, exportable.

import { Card, Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import type { StatsTable } from '../api.ts';
import { barOption, pieOption } from '../charts.ts';
import { EChart } from './EChart.tsx';
import { ExportButton } from './ExportButton.tsx';

interface Row {
  key: string;
  label: string;
  count: number;
}

export function CountCard(props: {
  title: string;
  first: string;
  rows: Row[];
  kind: 'bar' | 'pie';
  table: StatsTable;
  org?: string | undefined;
}) {
  const option: EChartsCoreOption = useMemo(
    () => (props.kind === 'bar' ? barOption(props.rows) : pieOption(props.rows)),
    [props.kind, props.rows],
  );
  const height = props.kind === 'bar' ? Math.max(160, props.rows.length * 34) : 260;
  return (
    <Card size="small" title={props.title} extra={<ExportButton table={props.table} org={props.org} />}>
      <EChart option={option} height={height} label={props.title} />
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={props.rows}
        style={{ marginTop: 8 }}
        columns={[
          { title: props.first, dataIndex: 'label' },
          { title: ot.stats.colCount, dataIndex: 'count', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}
