// 工作年度报表进度 (units): per direct subordinate unit (and the unit's own sites) 应报数, 已提交, 已审核, 已发布 and
// the rates; a unit's name drills down (?org=code), the trail goes back up; the board exports as xlsx.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Flex, InputNumber, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { wr } from '../../../locales/work-report.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { downloadFile } from '../../../shared/download-file.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { usePageParams } from '../../../shared/use-page-params.ts';
import { getProgress, type ProgressBoard, workReportKey } from '../api.ts';

type Row = ProgressBoard['rows'][number];
const text = wr.progress;

export default function WorkReportProgressPage() {
  const params = usePageParams();
  const message = useNotify();
  const year = Number(params.get('year')) || undefined;
  const org = params.get('org');
  const query = { year, org };
  const board = useQuery({ queryKey: [...workReportKey, 'progress', query], queryFn: () => getProgress(query) });
  const data = board.data;
  const exporting = useMutation({
    mutationFn: () => downloadFile('/api/work-reports/progress/export', { year: data?.year ?? year, org }),
    onError: (e) => message.error(errorMessage(e)),
    meta: { inlineError: true },
  });
  // Real links (open in a new tab, keyboard, back button): the same page with another unit, the year kept.
  const linkTo = (code: string | undefined) => {
    const search = new URLSearchParams();
    if (year) search.set('year', String(year));
    if (code) search.set('org', code);
    return { search: search.toString() };
  };

  const cell = (key: Exclude<keyof Row, 'code' | 'name' | 'own' | 'drillable'>, title: string) => ({
    title,
    dataIndex: key,
    width: 100,
    align: 'right' as const,
  });
  const columns: ColumnsType<Row> = [
    {
      title: text.unit,
      dataIndex: 'name',
      render: (name: string, r) => (r.own || !r.drillable ? name : <Link to={linkTo(r.code)}>{name}</Link>),
    },
    cell('due', text.due),
    cell('submitted', text.submitted),
    cell('approved', text.approved),
    cell('published', text.published),
    cell('fillRate', text.fillRate),
    cell('reviewRate', text.reviewRate),
    cell('publishRate', text.publishRate),
  ];

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Space>
            {data?.unit.level === 1 && (
              <Button href={`/public/work-reports/${data.unit.code}?year=${data.year}`} target="_blank">
                {text.column}
              </Button>
            )}
            <Button onClick={() => exporting.mutate()} loading={exporting.isPending}>
              {text.export}
            </Button>
          </Space>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <InputNumber
          aria-label={text.year}
          min={2017}
          max={2100}
          value={data?.year ?? year}
          onChange={(v) => params.update({ year: v ?? undefined })}
          addonAfter="年度"
          style={{ width: 140 }}
        />
        {data && (
          <Breadcrumb
            items={data.trail.map((u, i) => ({
              key: u.code,
              title:
                i === data.trail.length - 1 ? u.name : <Link to={linkTo(i === 0 ? undefined : u.code)}>{u.name}</Link>,
            }))}
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
      <Table<Row>
        rowKey={(r) => `${r.own ? 'own' : 'unit'}-${r.code}`}
        loading={board.isPending}
        columns={columns}
        dataSource={data?.rows ?? []}
        pagination={false}
        summary={() =>
          data && (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{text.total}</Typography.Text>
                </Table.Summary.Cell>
                {(['due', 'submitted', 'approved', 'published', 'fillRate', 'reviewRate', 'publishRate'] as const).map(
                  (key, i) => (
                    <Table.Summary.Cell key={key} index={i + 1} align="right">
                      <Typography.Text strong>{data.total[key]}</Typography.Text>
                    </Table.Summary.Cell>
                  ),
                )}
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </>
  );
}
