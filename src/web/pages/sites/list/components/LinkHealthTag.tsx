// The 链接健康 cell of the site list: the class as a tag; clicking it shows the latest nightly check of the site —
// the addresses that failed and the footer identifiers that differ from the register (loaded when opened).
import { useQuery } from '@tanstack/react-query';
import { Popover, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../../locales/zh-CN.ts';
import { errorMessage } from '../../../../request.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { getLinkHealth, type SiteRow, sitesKey } from '../api.ts';

const text = t.sites.linkHealth;
const COLORS: Record<SiteRow['linkHealth']['status'], string> = {
  FAILING: 'red',
  FOOTER: 'orange',
  OK: 'green',
  UNCHECKED: 'default',
};
const KIND_LABELS: Record<string, string> = { HOME: '首页', DOMAIN: '其他域名', COLUMN: '栏目' };

/** What the row's figures say, one line each. */
function summaryLines(h: SiteRow['linkHealth']): string[] {
  if (h.status === 'UNCHECKED') return [text.unchecked];
  const lines = [text.checkedAt(formatDateTime(h.checkedAt))];
  if (h.homeOk === false) lines.push(text.homeDown(h.homeConsecutiveFailures));
  lines.push(h.urlsFailed > 0 ? text.urlsFailed(h.urlsFailed, h.urlsTotal) : text.allOk(h.urlsTotal));
  if (h.footerProblems > 0) lines.push(text.footer(h.footerProblems));
  return lines;
}

function Details({ siteId }: { siteId: number }) {
  const detail = useQuery({ queryKey: [...sitesKey, 'link-health', siteId], queryFn: () => getLinkHealth(siteId) });
  if (detail.isPending) return <Spin size="small" />;
  if (detail.isError) return <Typography.Text type="danger">{errorMessage(detail.error)}</Typography.Text>;
  const failed = detail.data.urls.filter((u) => !u.ok);
  const footer = (detail.data.footer?.findings ?? []).filter((f) => f.status !== 'OK' && f.status !== 'SKIPPED');
  return (
    <ul style={{ margin: '8px 0 0', paddingInlineStart: 18 }}>
      {failed.map((u) => (
        <li key={`${u.kind} ${u.url}`}>
          {KIND_LABELS[u.kind] ?? u.kind} <Typography.Text code>{u.url}</Typography.Text>{' '}
          <Typography.Text type={u.error === 'ROBOTS' ? 'secondary' : 'warning'}>{u.message}</Typography.Text>
        </li>
      ))}
      {footer.map((f) => (
        <li key={f.item}>
          <Typography.Text type="warning">{f.message}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

export function LinkHealthTag({ row }: { row: SiteRow }) {
  const [open, setOpen] = useState(false);
  const h = row.linkHealth;
  const tag = (
    <Tag
      color={COLORS[h.status]}
      data-testid="link-health"
      role="button"
      tabIndex={0}
      title={text.open}
      onKeyDown={(e) => e.key === 'Enter' && setOpen(true)}
      style={{ cursor: 'pointer' }}
    >
      {h.label}
    </Tag>
  );
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      title={`${text.column}：${h.label}`}
      content={
        <div style={{ maxWidth: 480 }}>
          {summaryLines(h).map((line) => (
            <div key={line}>{line}</div>
          ))}
          {open && (h.status === 'FAILING' || h.status === 'FOOTER') ? <Details siteId={row.id} /> : null}
        </div>
      }
    >
      {tag}
    </Popover>
  );
}
