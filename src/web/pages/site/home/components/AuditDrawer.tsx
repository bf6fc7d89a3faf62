// 查看审核流水: every 提交 / 审核 / 退回 / 撤回 of the site, oldest first (SPEC §12).
import { Drawer, Empty, Table, Tag } from 'antd';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { SiteHome } from '../api.ts';

const text = sw.audit;

export function AuditDrawer({
  open,
  items,
  onClose,
}: {
  open: boolean;
  items: SiteHome['audit'];
  onClose: () => void;
}) {
  return (
    <Drawer open={open} onClose={onClose} title={text.title} size={860}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} /> }}
        columns={[
          { title: text.at, dataIndex: 'at', width: 160, render: (iso: string) => formatDateTime(iso) },
          { title: text.unit, dataIndex: 'unitName', width: 140 },
          { title: text.person, dataIndex: 'person', width: 110 },
          { title: text.action, dataIndex: 'action', width: 150, render: (a: string) => <Tag>{a}</Tag> },
          {
            title: text.change,
            key: 'change',
            width: 200,
            render: (_, e) => (e.from || e.to ? `${e.from || '—'} → ${e.to || '—'}` : ''),
          },
          { title: text.comment, dataIndex: 'comment' },
        ]}
      />
    </Drawer>
  );
}
