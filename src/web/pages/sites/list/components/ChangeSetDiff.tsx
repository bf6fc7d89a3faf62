// 修改内容对比: the live record (当前登记) and the proposal (申请修改为) side by side; changed fields, 栏目 entries
// added / removed / changed and hosts added / removed are highlighted (SPEC §7.2).
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageSpin } from '../../../../shared/PageSpin.tsx';
import { type ChangeSet, changeSetKey, getChangeSet } from '../change-set-api.ts';

const text = sw.diff;
const CSS = `
.diff-table .ant-table-tbody > tr.diff-changed > td { background: #fff7e6; }
.diff-table .ant-table-tbody > tr.diff-changed:hover > td { background: #ffe7ba; }
.diff-after { color: #ad4e00; font-weight: 600; }
.diff-entry { padding: 1px 0; word-break: break-all; }
.diff-entry-added { color: #237804; background: #f6ffed; }
.diff-entry-removed { color: #a8071a; background: #fff1f0; text-decoration: line-through; }
.diff-entry-changed { color: #ad4e00; background: #fff7e6; }
`;

type Entry = ChangeSet['columns'][number]['entries'][number];
const KIND_TAG: Record<Entry['kind'], { color: string; label: string } | null> = {
  added: { color: 'green', label: text.added },
  removed: { color: 'red', label: text.removed },
  changed: { color: 'orange', label: text.modified },
  unchanged: null,
};

function empty(value: string) {
  return value === '' ? <Typography.Text type="secondary">{text.empty}</Typography.Text> : value;
}

function EntryList({ entries, side }: { entries: Entry[]; side: 'before' | 'after' }) {
  const shown = entries.filter((e) => e[side] !== null);
  if (shown.length === 0) return <Typography.Text type="secondary">{sw.common.none}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {shown.map((e, i) => {
        const entry = e[side];
        // The old side marks what goes away, the new side what comes or changes.
        const tag = side === 'before' ? (e.kind === 'removed' ? KIND_TAG.removed : null) : KIND_TAG[e.kind];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries may repeat; their position is their identity here.
          <div key={i} className={`diff-entry diff-entry-${e.kind}`} data-kind={e.kind}>
            {tag && <Tag color={tag.color}>{tag.label}</Tag>}
            {entry?.name}：{entry?.address}
          </div>
        );
      })}
    </Flex>
  );
}

function FieldsTable({ data, onlyChanged }: { data: ChangeSet; onlyChanged: boolean }) {
  const rows = onlyChanged ? data.fields.filter((f) => f.changed) : data.fields;
  return (
    <Table
      className="diff-table"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
      columns={[
        {
          title: text.field,
          dataIndex: 'label',
          width: 200,
          render: (label: string, r) => (
            <Space size={4}>
              {label}
              {r.changed && <Tag color="orange">{text.changed}</Tag>}
            </Space>
          ),
        },
        { title: text.live, dataIndex: 'before', render: (v: string) => empty(v) },
        {
          title: text.proposed,
          dataIndex: 'after',
          render: (v: string, r) => (r.changed ? <span className="diff-after">{empty(v)}</span> : empty(v)),
        },
      ]}
    />
  );
}

function ColumnsTable({ data, onlyChanged }: { data: ChangeSet; onlyChanged: boolean }) {
  const rows = onlyChanged ? data.columns.filter((c) => c.changed) : data.columns;
  return (
    <Table
      className="diff-table"
      rowKey="category"
      size="small"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
      columns={[
        {
          title: sw.home.columnCategory,
          dataIndex: 'categoryName',
          width: 160,
          render: (name: string, r) => (
            <Space size={4} wrap>
              {name}
              {r.changed && <Tag color="orange">{text.changed}</Tag>}
            </Space>
          ),
        },
        {
          title: text.live,
          render: (_, r) => (r.before.names === '' ? empty('') : <EntryList entries={r.entries} side="before" />),
        },
        { title: text.proposed, render: (_, r) => <EntryList entries={r.entries} side="after" /> },
      ]}
    />
  );
}

function DomainsList({ data }: { data: ChangeSet }) {
  return (
    <Flex wrap gap={8}>
      {data.domains.map((d) => (
        <Tag key={d.host} color={d.kind === 'added' ? 'green' : d.kind === 'removed' ? 'red' : 'default'}>
          {d.kind === 'added' ? `${text.added} ` : d.kind === 'removed' ? `${text.removed} ` : ''}
          {d.host}
        </Tag>
      ))}
    </Flex>
  );
}

/** `onlyChanged`: start with the changed rows only (the decision dialog); the switch shows everything. */
export function ChangeSetDiff({ requestId, onlyChanged: initial }: { requestId: number; onlyChanged?: boolean }) {
  const query = useQuery({ queryKey: changeSetKey(requestId), queryFn: () => getChangeSet(requestId), staleTime: 0 });
  const [onlyChanged, setOnlyChanged] = useState<boolean | null>(null);
  const data = query.data;
  if (!data) return <PageSpin />;
  const only = onlyChanged ?? initial ?? data.type !== 'MODIFY';
  return (
    <Flex vertical gap={12} data-testid="change-set-diff">
      <style>{CSS}</style>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Tag color="blue">{data.typeLabel}</Tag>
          <Typography.Text type="secondary">
            {text.submittedAt}：{formatDateTime(data.submittedAt)}
          </Typography.Text>
          <Tag color={data.changeCount > 0 ? 'orange' : 'default'}>
            {data.changeCount > 0 ? text.count(data.changeCount) : text.noChange}
          </Tag>
        </Space>
        <Space>
          <Switch size="small" checked={only} onChange={setOnlyChanged} aria-label={text.onlyChanged} />
          {text.onlyChanged}
        </Space>
      </Flex>
      {data.staleWarning && <Alert type="warning" showIcon title={data.staleWarning} />}
      {data.type !== 'DOMAINS' && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {text.basic}
          </Typography.Title>
          <FieldsTable data={data} onlyChanged={only} />
        </>
      )}
      {data.columns.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {text.columns}
          </Typography.Title>
          <ColumnsTable data={data} onlyChanged={only} />
        </>
      )}
      {data.type === 'DOMAINS' && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {text.domains}
          </Typography.Title>
          <DomainsList data={data} />
        </>
      )}
    </Flex>
  );
}
