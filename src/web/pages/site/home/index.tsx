// 填报单位 home (SPEC §8.2): the registered record, run status and 修改审核状态, the unit that reviews the site's
// requests, and the buttons the server allows now (a disabled button shows why). Only a SITE session may open it.
import { FileTextOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Tag } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useLogout, useSession } from '../../../access.ts';
import { sw } from '../../../locales/site-workspace.zh-CN.ts';
import { wr } from '../../../locales/work-report.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { useNotify } from '../../../shared/notify.tsx';
import { PageSpin } from '../../../shared/PageSpin.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';
import { useOfflineActions } from '../../offline/operator/use-offline-actions.tsx';
import { SiteNoticesCard } from '../../todo/site-notices/SiteNoticesCard.tsx';
import {
  type FiledRequest,
  getSiteHome,
  requestPortal,
  requestServicePlatform,
  type SiteHome,
  siteHomeKey,
  siteKey,
  withdrawRequest,
} from './api.ts';
import { AuditDrawer } from './components/AuditDrawer.tsx';
import { ConfirmDialog, type ConfirmSpec } from './components/ConfirmDialog.tsx';
import { DomainsModal } from './components/DomainsModal.tsx';
import { RecordTabs } from './components/RecordTabs.tsx';
import { ReviewersCard } from './components/ReviewersCard.tsx';
import { type ActionHandlers, SiteActions } from './components/SiteActions.tsx';

const text = sw.home;

/** The state of the open or latest change request, as a banner. */
function RequestBanner({ home }: { home: SiteHome }) {
  const r = home.request;
  if (!r) return null;
  if (r.state === 'SUBMITTED' || r.state === 'IN_REVIEW') {
    return <Alert type="info" showIcon title={text.pendingAt(r.typeLabel, r.reviewerName ?? '')} />;
  }
  if (r.state === 'DRAFT') return <Alert type="warning" showIcon title={text.draftHint} />;
  if (r.state === 'RETURNED') {
    return (
      <Alert
        type="error"
        showIcon
        title={text.returned(r.typeLabel, r.returnReason ?? '')}
        description={r.type === 'MODIFY' ? text.returnedModifyHint : undefined}
      />
    );
  }
  return null;
}

function confirmSpec(key: string, home: SiteHome): ConfirmSpec | null {
  const { site, reviewers } = home;
  switch (key) {
    case 'portal':
      return site.isPortal
        ? {
            title: sw.flag.portalOffTitle,
            body: sw.flag.portalOffBody(reviewers.portal.name),
            run: () => requestPortal(false),
          }
        : {
            title: sw.flag.portalOnTitle,
            body: sw.flag.portalOnBody(reviewers.portal.name),
            run: () => requestPortal(true),
          };
    case 'servicePlatform': {
      const reviewer = reviewers.modification.name;
      return site.isServicePlatform
        ? {
            title: sw.flag.serviceOffTitle,
            body: sw.flag.serviceOffBody(reviewer),
            run: () => requestServicePlatform(false),
          }
        : {
            title: sw.flag.serviceOnTitle,
            body: sw.flag.serviceOnBody(reviewer),
            run: () => requestServicePlatform(true),
          };
    }
    case 'withdraw': {
      const r = home.request;
      if (!r) return null;
      return {
        title: sw.flag.withdrawTitle,
        body: sw.flag.withdrawBody(r.typeLabel),
        run: () => withdrawRequest(r.id, r.version),
      };
    }
    default:
      return null;
  }
}

export default function SiteHomePage() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const message = useNotify();
  const queryClient = useQueryClient();
  const isSite = session.data?.actor.kind === 'SITE';
  const home = useQuery({ queryKey: siteHomeKey, queryFn: getSiteHome, enabled: isSite });
  const [confirm, setConfirm] = useState<ConfirmSpec | null>(null);
  const [domainsOpen, setDomainsOpen] = useState(false);
  const [auditOpen, setAuditOpen] = useState(false);
  const offline = useOfflineActions(isSite);

  if (session.isPending) return <PageSpin fullScreen />;
  if (!isSite) return <Navigate to="/" replace />;
  const data = home.data;

  const refresh = () => queryClient.invalidateQueries({ queryKey: siteKey });
  const filed = (result: FiledRequest) => {
    message.success(result.state === 'WITHDRAWN' ? text.withdrawn : `${text.actionDone}（${result.statusLabel}）`);
    void refresh();
  };
  const ask = (key: string) => () => data && setConfirm(confirmSpec(key, data));
  // One handler per action key. The offline module adds 下线申请 / 完成下线 / 恢复上线 here with its own keys.
  const handlers: ActionHandlers = {
    portal: ask('portal'),
    servicePlatform: ask('servicePlatform'),
    modify: () => navigate('/site/modification'),
    domains: () => setDomainsOpen(true),
    withdraw: ask('withdraw'),
    audit: () => setAuditOpen(true),
    ...offline.handlers,
  };

  return (
    <PublicFrame
      maxWidth={1040}
      extra={
        <Button ghost icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
          {t.app.logout}
        </Button>
      }
    >
      <Card
        loading={home.isPending}
        title={
          data ? (
            <Space wrap>
              <span>{data.site.name}</span>
              <Tag color={data.site.runStatus === 'NORMAL' ? 'green' : 'orange'}>
                {text.runStatus}：{data.site.runStatusLabel}
              </Tag>
              <Tag color={data.modificationStatus ? 'blue' : 'default'} data-testid="modification-status">
                {text.modificationStatus}：{data.modificationStatus || text.noRequest}
              </Tag>
            </Space>
          ) : (
            text.title
          )
        }
        extra={
          data && (
            <Space size={0}>
              {/* Issue 21: the 政府网站工作年度报表 of the year being filled. */}
              <LinkButton type="link" icon={<FileTextOutlined />} to="/site/work-report">
                {wr.title}
              </LinkButton>
              <LinkButton type="link" icon={<SafetyCertificateOutlined />} to={`/verify/${data.site.siteCode}`}>
                {text.verify}
              </LinkButton>
            </Space>
          )
        }
      >
        {data && (
          <Flex vertical gap={16}>
            <SiteActions actions={data.actions} handlers={handlers} />
            <RequestBanner home={data} />
            <RecordTabs home={data} />
          </Flex>
        )}
      </Card>
      {data && <ReviewersCard home={data} />}
      {/* 审核结果提醒 (issue 9): the decisions on this site's requests. */}
      <SiteNoticesCard />
      <ConfirmDialog spec={confirm} onClose={() => setConfirm(null)} onDone={filed} />
      <DomainsModal
        open={domainsOpen}
        current={data?.site.domains ?? []}
        onClose={() => setDomainsOpen(false)}
        onFiled={filed}
      />
      <AuditDrawer open={auditOpen} items={data?.audit ?? []} onClose={() => setAuditOpen(false)} />
      {offline.element}
    </PublicFrame>
  );
}
