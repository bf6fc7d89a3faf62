// 待审核申请: open requests of the scope's sites by type and by the unit holding them, with median waiting days.
import { Card, Col, Row, Table, Typography } from 'antd';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import type { RequestStats } from '../api.ts';
import { ExportButton } from './ExportButton.tsx';

type Group = RequestStats['byType'][number];
const text = ot.stats;

function GroupTable({ rows, first }: { rows: Group[]; first: string }) {
  return (
    <Table<Group>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: ot.common.none }}
      columns={[
        { title: first, dataIndex: 'label' },
        { title: text.colOpen, dataIndex: 'count', align: 'right', width: 110 },
        {
          title: text.colMedian,
          dataIndex: 'medianWaitDays',
          align: 'right',
          width: 150,
          render: (v: number | null) => v ?? '—',
        },
      ]}
    />
  );
}

export function RequestsCard({ stats }: { stats: RequestStats }) {
  const org = stats.scope.code;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={text.requestsByType} extra={<ExportButton table="requestTypes" org={org} />}>
          <GroupTable rows={stats.byType} first={text.colType} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={text.requestsByHolder} extra={<ExportButton table="requestHolders" org={org} />}>
          <GroupTable rows={stats.byHolder} first={text.colHolder} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {text.colMedian}：当前环节自进入之日起的等待天数
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
