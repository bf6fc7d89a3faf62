// 查看审核流水 of the selected request's site: every submission, decision and run-status change, oldest first.
import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Table, Tag } from 'antd';
import { ol } from '../../../../locales/offline.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { getSiteAudit, type OfflineRow, offlineReviewKey } from '../api.ts';
import { OfflineDetails } from './ReviewOfflineModal.tsx';

const text = t.sites.view;

export function OfflineAuditDrawer({ row, onClose }: { row: OfflineRow | null; onClose: () => void }) {
  const trail = useQuery({
    queryKey: [...offlineReviewKey, 'audit', row?.siteId],
    queryFn: () => getSiteAudit(row?.siteId ?? 0),
    enabled: row !== null,
  });
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      title={row ? `${ol.review.actions.audit}：${row.siteName}` : ol.review.actions.audit}
      size={900}
    >
      {row ? <OfflineDetails row={row} /> : null}
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        pagination={false}
        loading={trail.isPending}
        dataSource={trail.data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.auditEmpty} /> }}
        columns={[
          { title: text.colAt, dataIndex: 'at', width: 160, render: (iso: string) => formatDateTime(iso) },
          { title: text.colUnit, dataIndex: 'unitName', width: 110 },
          { title: text.colPerson, dataIndex: 'person', width: 120 },
          { title: text.colAction, dataIndex: 'action', width: 110, render: (a: string) => <Tag>{a}</Tag> },
          {
            title: text.colChange,
            key: 'change',
            width: 220,
            render: (_, e) => (e.from || e.to ? `${e.from || '—'} → ${e.to || '—'}` : ''),
          },
          { title: text.colComment, dataIndex: 'comment' },
        ]}
      />
    </Drawer>
  );
}
