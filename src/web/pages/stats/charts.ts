// ECharts options of the statistics page: horizontal bars for ranked counts, rings for shares.
import type { EChartsCoreOption } from 'echarts/core';

const PALETTE = ['#1d4f91', '#3a7bd5', '#36a3a0', '#f0a020', '#d9534f', '#8e6bbf', '#7f8c8d', '#5cb85c'];

export function barOption(rows: readonly { label: string; count: number }[]): EChartsCoreOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: { width: 170, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 22, label: { show: true, position: 'right' } },
    ],
  };
}

/** `color` fixes a slice's colour (empty slices are left out, so palette order cannot be relied on). */
export function pieOption(rows: readonly { label: string; count: number; color?: string }[]): EChartsCoreOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '44%'],
        data: rows
          .filter((r) => r.count > 0)
          .map((r) => ({ name: r.label, value: r.count, ...(r.color ? { itemStyle: { color: r.color } } : {}) })),
        label: { formatter: '{b}\n{c}' },
      },
    ],
  };
}
