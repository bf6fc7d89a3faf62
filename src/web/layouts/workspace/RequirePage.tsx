// Route guard for one workspace page: renders it only when the session's menu grants its access key.
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { canAccess, isOrgUser, useSession } from '../../access.ts';
import { t } from '../../locales/zh-CN.ts';

export default function RequirePage({ access, children }: { access: string | undefined; children: ReactNode }) {
  const actor = useSession().data?.actor;
  // The workspace layout only renders its outlet for org users; this is the per-page check.
  if (!isOrgUser(actor) || !canAccess(actor, access)) {
    return <Result status="403" title={t.forbidden.title} subTitle={t.forbidden.subTitle} />;
  }
  return children;
}
