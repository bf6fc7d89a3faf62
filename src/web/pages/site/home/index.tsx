// 填报单位 home: the signed-in site's basic record (name, 标识码, home URL, organizing units, run status), with 退出.
// The site workspace (修改, 栏目, 下线 …) comes later; only a SITE session may open this page.
import { LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Tag, Typography } from 'antd';
import { Navigate } from 'react-router';
import { SITE_TYPE_LABELS, YES_NO } from '../../../../domain/status-labels.ts';
import { useLogout, useSession } from '../../../access.ts';
import { t } from '../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { PageSpin } from '../../../shared/PageSpin.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';
import { getSiteRecord, type SiteRecord, siteRecordKey } from './api.ts';

const text = t.siteHome;

function recordItems(site: SiteRecord) {
  return [
    {
      key: 'code',
      label: t.site.siteCode,
      children: (
        <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }}>
          {site.siteCode}
        </Typography.Text>
      ),
    },
    { key: 'name', label: text.name, children: site.name },
    {
      key: 'url',
      label: text.homeUrl,
      children: (
        <a href={site.homeUrl} target="_blank" rel="noopener noreferrer nofollow">
          {site.homeUrl}
        </a>
      ),
    },
    { key: 'sponsor', label: text.sponsor, children: site.sponsorName || '—' },
    { key: 'org', label: text.org, children: `${site.orgName}（${site.orgCode}）` },
    { key: 'chain', label: text.orgChain, children: site.orgChain.map((o) => o.name).join(' / ') },
    {
      key: 'type',
      label: text.portal,
      children: site.isPortal ? SITE_TYPE_LABELS.portal : SITE_TYPE_LABELS.department,
    },
    { key: 'service', label: text.servicePlatform, children: site.isServicePlatform ? YES_NO.yes : YES_NO.no },
    {
      key: 'status',
      label: text.runStatus,
      children: <Tag color={site.runStatus === 'NORMAL' ? 'green' : 'orange'}>{site.runStatusLabel}</Tag>,
    },
    { key: 'issued', label: text.issuedAt, children: formatDateTime(site.codeIssuedAt) || '—' },
    { key: 'first', label: text.firstLoginAt, children: formatDateTime(site.firstLoginAt) || '—' },
  ];
}

export default function SiteHomePage() {
  const session = useSession();
  const logout = useLogout();
  const isSite = session.data?.actor.kind === 'SITE';
  const record = useQuery({ queryKey: siteRecordKey, queryFn: getSiteRecord, enabled: isSite });
  if (session.isPending) return <PageSpin fullScreen />;
  if (!isSite) return <Navigate to="/" replace />;
  return (
    <PublicFrame
      maxWidth={880}
      extra={
        <Button ghost icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
          {t.app.logout}
        </Button>
      }
    >
      <Card
        title={t.site.title}
        loading={record.isPending}
        extra={
          record.data && (
            <LinkButton type="link" icon={<SafetyCertificateOutlined />} to={`/verify/${record.data.siteCode}`}>
              {text.verify}
            </LinkButton>
          )
        }
      >
        {record.data && (
          <>
            <Descriptions column={1} bordered size="middle" items={recordItems(record.data)} />
            <Alert type="info" showIcon title={text.workspaceComing} style={{ marginTop: 16 }} />
          </>
        )}
      </Card>
    </PublicFrame>
  );
}
