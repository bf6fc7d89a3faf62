// The dry-run result: the applications a run now would issue, with the code each would get, and those that wait.
import { Alert, Button, Modal, Table, type TableColumnsType, Typography } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { IssuancePreview } from '../api.ts';

const text = t.issuance;
type Item = IssuancePreview['items'][number];
type Waiting = IssuancePreview['waiting'][number];

const itemColumns: TableColumnsType<Item> = [
  {
    title: text.colCode,
    dataIndex: 'siteCode',
    width: 130,
    render: (code: string | null, item) =>
      code ? (
        <Typography.Text strong style={{ fontFamily: 'monospace' }}>
          {code}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger">{item.error}</Typography.Text>
      ),
  },
  { title: text.colName, dataIndex: 'name' },
  { title: text.colOrg, dataIndex: 'orgName', width: 180 },
  { title: text.colApprovedAt, dataIndex: 'finalApprovedAt', width: 170, render: (at: string) => formatDateTime(at) },
];

const waitingColumns: TableColumnsType<Waiting> = [
  { title: text.colName, dataIndex: 'name' },
  { title: text.colOrg, dataIndex: 'orgName', width: 180 },
  { title: text.colApprovedAt, dataIndex: 'finalApprovedAt', width: 170, render: (at: string) => formatDateTime(at) },
  { title: text.colScheduledAt, dataIndex: 'scheduledAt', width: 170, render: (at: string) => formatDateTime(at) },
];

export function PreviewModal({ preview, onClose }: { preview: IssuancePreview | null; onClose: () => void }) {
  return (
    <Modal
      open={preview !== null}
      title={text.previewTitle}
      width={900}
      onCancel={onClose}
      destroyOnHidden
      footer={<Button onClick={onClose}>{text.close}</Button>}
    >
      {preview && (
        <>
          <Typography.Paragraph>{text.previewCutoff(formatDateTime(preview.cutoff))}</Typography.Paragraph>
          <Alert type="info" showIcon title={text.previewNote} style={{ marginBottom: 12 }} />
          <Typography.Title level={5}>{text.previewTotal(preview.total)}</Typography.Title>
          <Table
            rowKey="requestId"
            size="small"
            columns={itemColumns}
            dataSource={preview.items}
            pagination={false}
            scroll={{ y: 320 }}
            locale={{ emptyText: text.previewEmpty }}
          />
          {preview.waitingTotal > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {text.waitingTitle(preview.waitingTotal)}
              </Typography.Title>
              <Table
                rowKey="requestId"
                size="small"
                columns={waitingColumns}
                dataSource={preview.waiting}
                pagination={false}
                scroll={{ y: 200 }}
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
