// Columns of the 标识码生成 ledger: when, cut-off, how started, outcome, the codes issued and any errors.
import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { IssuanceRun } from './api.ts';

const text = t.issuance;
const STATUS_COLORS: Record<string, string> = {
  RUNNING: 'processing',
  DONE: 'green',
  FAILED: 'red',
  SKIPPED: 'default',
};
const SHOWN_CODES = 3;

export const runColumns: TableColumnsType<IssuanceRun> = [
  { title: text.colStartedAt, dataIndex: 'startedAt', width: 170, render: (at: string) => formatDateTime(at) },
  { title: text.colCutoff, dataIndex: 'cutoff', width: 170, render: (at: string) => formatDateTime(at) },
  {
    title: text.colTrigger,
    key: 'trigger',
    width: 120,
    render: (_, r) => (
      <>
        {text.triggers[r.trigger] ?? r.trigger}
        {r.dryRun && <Tag style={{ marginInlineStart: 6 }}>{text.dryRun}</Tag>}
      </>
    ),
  },
  {
    title: text.colStatus,
    key: 'status',
    width: 100,
    render: (_, r) => {
      const tag = <Tag color={STATUS_COLORS[r.status]}>{text.statuses[r.status] ?? r.status}</Tag>;
      return r.message ? <Tooltip title={r.message}>{tag}</Tooltip> : tag;
    },
  },
  { title: text.colIssued, dataIndex: 'issuedCount', width: 90, align: 'right' },
  {
    title: text.colCodes,
    key: 'codes',
    render: (_, r) =>
      r.codes.length === 0 ? (
        '—'
      ) : (
        <Tooltip title={r.codes.length > SHOWN_CODES ? r.codes.join('、') : undefined}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>
            {r.codes.slice(0, SHOWN_CODES).join('、')}
            {r.codes.length > SHOWN_CODES && ` ${text.codesMore(r.codes.length)}`}
          </Typography.Text>
        </Tooltip>
      ),
  },
  {
    title: text.colErrors,
    key: 'errors',
    width: 240,
    render: (_, r) =>
      r.errors.length === 0 ? (
        '—'
      ) : (
        <Typography.Text type="danger">
          {r.errors.map((e) => `${e.name ?? e.requestId ?? ''}：${e.message}`).join('；')}
        </Typography.Text>
      ),
  },
  { title: text.colBy, dataIndex: 'triggeredBy', width: 150, render: (by: string | null) => by ?? '—' },
];
