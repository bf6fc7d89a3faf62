// 查看: the record's basic information (with the pending proposal marked), its 栏目 and its 审核流水.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { PERSON_LABELS, SITE_INFO_LABELS } from '../../../../../domain/site-info.ts';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageSpin } from '../../../../shared/PageSpin.tsx';
import { OfflineDetails } from '../../../offline/review/components/ReviewOfflineModal.tsx';
import { useSiteStatusFooter } from '../../../offline/site-status/SiteStatusPanel.tsx';
import { type AuditTrail, getSite, getSiteAudit, type SiteDetail, sitesKey } from '../api.ts';
import { CHANGE_REQUEST_TYPES } from '../change-set-api.ts';
import { ChangeSetDiff } from './ChangeSetDiff.tsx';
import { ResetCheckCodeModal, type ResetTarget } from './ResetCheckCodeModal.tsx';

const text = t.sites.view;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function Person({ person }: { person: Record<string, unknown> }) {
  const field = (key: keyof typeof PERSON_LABELS) =>
    typeof person[key] === 'string' && person[key] ? `${PERSON_LABELS[key]}：${person[key]}` : null;
  const title = typeof person.title === 'string' && person.title ? `（${person.title}）` : '';
  return (
    <Flex vertical>
      <Typography.Text>
        {String(person.name ?? '')}
        {title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[field('officePhone'), field('mobile'), field('email')].filter(Boolean).join('　')}
      </Typography.Text>
    </Flex>
  );
}

function valueNode(value: unknown): ReactNode {
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">{text.none}</Typography.Text>;
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (Array.isArray(value)) {
    return (
      <Flex vertical gap={6}>
        {value.map((item, i) => (
          // Contacts have no id; their order is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={i}>{isRecord(item) ? <Person person={item} /> : String(item)}</div>
        ))}
      </Flex>
    );
  }
  if (isRecord(value)) return <Person person={value} />;
  return String(value);
}

function BasicInfo({ detail }: { detail: SiteDetail }) {
  const proposed = detail.proposed ?? {};
  const labels: Record<string, string> = SITE_INFO_LABELS;
  const keys = [...Object.keys(labels), ...Object.keys({ ...detail.info, ...proposed }).filter((k) => !(k in labels))];
  const changed = (key: string) =>
    key in proposed && JSON.stringify(proposed[key]) !== JSON.stringify(detail.info[key]);
  return (
    <>
      {detail.returnReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${text.returnReason}：${detail.returnReason}`}
        />
      ) : null}
      {detail.proposed ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={text.proposedHint} />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 180 } }}
        items={[
          ...keys.map((key) => ({
            key,
            label: labels[key] ?? key,
            children: changed(key) ? (
              <Flex vertical gap={4}>
                <span>
                  <Tag color="orange">{text.pending}</Tag>
                  {valueNode(proposed[key])}
                </span>
                <Typography.Text delete type="secondary">
                  {valueNode(detail.info[key])}
                </Typography.Text>
              </Flex>
            ) : (
              valueNode(detail.info[key])
            ),
          })),
          {
            key: 'otherDomains',
            label: text.otherDomains,
            children:
              detail.otherDomains.length > 0 ? (
                <Flex wrap gap={4}>
                  {detail.otherDomains.map((host) => (
                    <Tag key={host}>{host}</Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{text.noOtherDomains}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}

function ColumnsInfo({ columns }: { columns: unknown[] }) {
  const rows = columns.filter(isRecord);
  return (
    <Table
      rowKey={(r) => String(r.category ?? JSON.stringify(r))}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.columnsEmpty} /> }}
      columns={[
        { title: text.columnCategory, render: (_, r) => String(r.categoryName ?? r.category ?? '') },
        { title: text.columnName, render: (_, r) => String(r.names ?? '') },
        { title: text.columnUrl, render: (_, r) => String(r.addresses ?? '') },
      ]}
    />
  );
}

function AuditTable({ trail }: { trail: AuditTrail | undefined }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={trail?.items}
      loading={!trail}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.auditEmpty} /> }}
      columns={[
        { title: text.colAt, dataIndex: 'at', width: 160, render: (iso: string) => formatDateTime(iso) },
        { title: text.colUnit, dataIndex: 'unitName', width: 100 },
        { title: text.colPerson, dataIndex: 'person', width: 120 },
        { title: text.colAction, dataIndex: 'action', width: 90, render: (a: string) => <Tag>{a}</Tag> },
        {
          title: text.colChange,
          key: 'change',
          width: 240,
          render: (_, e) => (e.from || e.to ? `${e.from || '—'} → ${e.to || '—'}` : ''),
        },
        { title: text.colComment, dataIndex: 'comment' },
      ]}
    />
  );
}

/**
 * The requests the record shows, each in its own tab: the 修改内容对比 of a modification, flag or 其他域名 request
 * still to be decided or corrected, and the details of an open offline request (an emergency offline may be open
 * beside a modification, issue 17).
 */
function requestTabs(detail: SiteDetail) {
  const several = detail.requests.length > 1;
  return detail.requests.flatMap((r) => {
    if (CHANGE_REQUEST_TYPES.has(r.type) && ['SUBMITTED', 'IN_REVIEW', 'RETURNED'].includes(r.state)) {
      const label = several ? `${sw.diff.title}（${r.typeLabel}）` : sw.diff.title;
      return [{ key: `diff-${r.id}`, label, children: <ChangeSetDiff requestId={r.id} /> }];
    }
    if (r.offline && r.open) {
      return [{ key: `offline-${r.id}`, label: r.typeLabel, children: <OfflineDetails row={r.offline} /> }];
    }
    return [];
  });
}

export function SiteDrawer({ siteId, onClose }: { siteId: number | null; onClose: () => void }) {
  const detail = useQuery({
    queryKey: [...sitesKey, 'detail', siteId],
    queryFn: () => getSite(siteId ?? 0),
    enabled: siteId !== null,
  });
  const audit = useQuery({
    queryKey: [...sitesKey, 'audit', siteId],
    queryFn: () => getSiteAudit(siteId ?? 0),
    enabled: siteId !== null,
  });
  const data = detail.data;
  const [resetting, setResetting] = useState<ResetTarget | null>(null);
  // 例外 / 删除 / 恢复正常 for the root and level-1 units (offline module), on registered sites only.
  const statusFooter = useSiteStatusFooter(data?.site.siteCode ? siteId : null, data?.site.name);
  return (
    <Drawer
      open={siteId !== null}
      onClose={onClose}
      title={data ? `${text.title}：${data.site.name}` : text.title}
      size={880}
      footer={statusFooter}
      extra={
        data ? (
          <Flex gap={4}>
            {data.site.siteCode ? <Tag>{data.site.siteCode}</Tag> : null}
            {data.site.listStatus ? <Tag>{data.site.listStatus}</Tag> : null}
            {data.site.orgStatus ? <Tag color="blue">{data.site.orgStatus}</Tag> : null}
            {data.abilities.resetCheckCode.allowed && data.site.siteCode ? (
              <Button
                size="small"
                danger
                onClick={() =>
                  data.site.siteCode &&
                  setResetting({ id: data.site.id, name: data.site.name, siteCode: data.site.siteCode })
                }
              >
                {t.sites.resetCheckCode.action}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      {!data ? (
        <PageSpin />
      ) : (
        <Tabs
          items={[
            ...requestTabs(data),
            { key: 'basic', label: text.basic, children: <BasicInfo detail={data} /> },
            {
              key: 'columns',
              label: data.columns.length > 0 ? `${text.columns}（${data.columns.length}）` : text.columns,
              children: <ColumnsInfo columns={data.columns} />,
            },
            {
              key: 'audit',
              label: audit.data ? `${text.audit}（${audit.data.items.length}）` : text.audit,
              children: <AuditTable trail={audit.data} />,
            },
          ]}
        />
      )}
      <ResetCheckCodeModal target={resetting} onClose={() => setResetting(null)} />
    </Drawer>
  );
}
