// The pages of the 组织单位 workspace in one table: it drives both the routes under /org and the side menu.
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CheckSquareOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HistoryOutlined,
  ImportOutlined,
  KeyOutlined,
  LineChartOutlined,
  NotificationOutlined,
  NumberOutlined,
  PoweroffOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { ol } from './locales/offline.zh-CN.ts';
import { ot } from './locales/org-tools.zh-CN.ts';
import { sw } from './locales/site-workspace.zh-CN.ts';
import { wr } from './locales/work-report.zh-CN.ts';
import { t } from './locales/zh-CN.ts';
import { NoticesUnreadBadge } from './pages/announcements/UnreadBadge.tsx';
import { InboxMenuBadge } from './pages/todo/InboxBadge.tsx';
import { WorkReportMenuBadge } from './pages/work-report/WaitingBadge.tsx';
import { lazyPage, type PreloadableComponent } from './shared/lazy-page.ts';

export interface WorkspacePage {
  /** The server's menu key (see src/domain/menu.ts); the page is shown only when the session's menu holds it. */
  access?: string;
  /** Path under /org. */
  path: string;
  label: string;
  icon: ReactNode;
  component: PreloadableComponent;
  /** Shown after the label in the menu (e.g. the unread count of 重要通知). */
  badge?: ComponentType;
}

/** Adding a page later (e.g. `sites` 政府网站和栏目基本信息表) is one entry here plus its folder under pages/. */
export const WORKSPACE_PAGES: readonly WorkspacePage[] = [
  {
    // 待办 (issue 9): first in the menu, with the count of what waits for the unit.
    access: 'inbox',
    path: 'inbox',
    label: '待办',
    icon: <CheckSquareOutlined />,
    component: lazyPage(() => import('./pages/todo/index.tsx')),
    badge: InboxMenuBadge,
  },
  {
    access: 'sites',
    path: 'sites',
    label: t.sites.title,
    icon: <AuditOutlined />,
    component: lazyPage(() => import('./pages/sites/list/index.tsx')),
  },
  {
    access: 'offlineReview',
    path: 'offline',
    label: ol.review.title,
    icon: <PoweroffOutlined />,
    component: lazyPage(() => import('./pages/offline/review/index.tsx')),
  },
  {
    access: 'orgUnits',
    path: 'org-units',
    label: t.orgUnits.title,
    icon: <ApartmentOutlined />,
    component: lazyPage(() => import('./pages/org-units/list/index.tsx')),
  },
  {
    access: 'spotChecks',
    path: 'spot-checks',
    label: ot.spotChecks.title,
    icon: <FileSearchOutlined />,
    component: lazyPage(() => import('./pages/spot-checks/index.tsx')),
  },
  {
    access: 'spotChecksHelp',
    path: 'spot-checks/help',
    label: ot.spotChecks.help,
    icon: <QuestionCircleOutlined />,
    component: lazyPage(() => import('./pages/spot-checks/help/index.tsx')),
  },
  {
    // Issue 21: 《政府网站监管年度报表》 of the level-1 units, reviewed by the root.
    access: 'supervisionReports',
    path: 'supervision-reports',
    label: '监管年度报表',
    icon: <FileProtectOutlined />,
    component: lazyPage(() => import('./pages/supervision-reports/index.tsx')),
  },
  {
    access: 'stats',
    path: 'stats',
    label: ot.stats.title,
    icon: <BarChartOutlined />,
    component: lazyPage(() => import('./pages/stats/index.tsx')),
  },
  {
    access: 'notices',
    path: 'notices',
    label: ot.notices.title,
    icon: <NotificationOutlined />,
    component: lazyPage(() => import('./pages/announcements/index.tsx')),
    badge: NoticesUnreadBadge,
  },
  {
    access: 'orgTree',
    path: 'org-tree',
    label: ot.orgTree.title,
    icon: <BranchesOutlined />,
    component: lazyPage(() => import('./pages/org-tree/index.tsx')),
  },
  {
    access: 'columnDictionary',
    path: 'column-categories',
    label: sw.categories.title,
    icon: <UnorderedListOutlined />,
    component: lazyPage(() => import('./pages/column-categories/index.tsx')),
  },
  {
    access: 'workReports',
    path: 'work-reports',
    label: '工作年度报表',
    icon: <FileTextOutlined />,
    component: lazyPage(() => import('./pages/work-report/review/index.tsx')),
    badge: WorkReportMenuBadge,
  },
  {
    access: 'workReportProgress',
    path: 'work-reports/progress',
    label: wr.progress.menu,
    icon: <LineChartOutlined />,
    component: lazyPage(() => import('./pages/work-report/progress/index.tsx')),
  },
  {
    access: 'siteImport',
    path: 'site-import',
    label: '批量导入网站',
    icon: <ImportOutlined />,
    component: lazyPage(() => import('./pages/site-import/index.tsx')),
  },
  {
    access: 'accounts',
    path: 'accounts',
    label: t.accounts.title,
    icon: <TeamOutlined />,
    component: lazyPage(() => import('./pages/accounts/list/index.tsx')),
  },
  {
    access: 'loginLog',
    path: 'login-log',
    label: t.loginLog.title,
    icon: <HistoryOutlined />,
    component: lazyPage(() => import('./pages/accounts/login-log/index.tsx')),
  },
  {
    access: 'issuance',
    path: 'issuance',
    label: t.issuance.title,
    icon: <NumberOutlined />,
    component: lazyPage(() => import('./pages/issuance/runs/index.tsx')),
  },
];

/** Always in the menu (last), and the only page while the initial password has not been changed. */
export const PASSWORD_PAGE: WorkspacePage = {
  path: 'password',
  label: t.password.title,
  icon: <KeyOutlined />,
  component: lazyPage(() => import('./pages/auth/password/index.tsx')),
};

/** The menu entries for a session, in the order the server sent its keys; unknown keys are skipped. */
export function menuPages(menu: readonly string[], mustChangePassword: boolean): WorkspacePage[] {
  if (mustChangePassword) return [PASSWORD_PAGE];
  const pages = menu.flatMap((key) => WORKSPACE_PAGES.filter((page) => page.access === key));
  return [...pages, PASSWORD_PAGE];
}

export function findWorkspacePage(path: string): WorkspacePage | undefined {
  return [...WORKSPACE_PAGES, PASSWORD_PAGE].find((page) => page.path === path);
}
