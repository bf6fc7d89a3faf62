// The route table of the web UI: public pages, the /org workspace (from workspace-pages.tsx), /site, 404 and errors.
import { Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { canAccess, isOrgUser, prefetchSession, type SessionInfo, sessionQueryKey } from './access.ts';
import { ErrorPage } from './pages/errors/error-page/index.tsx';
import { getSiteHome, siteHomeKey } from './pages/site/home/api.ts';
import { FILTER_PARAMS, listSites, type SiteQuery, sitesKey } from './pages/sites/list/api.ts';
import { RequestBridge } from './RequestBridge.tsx';
import { queryClient } from './request.ts';
import { lazyPage, type PreloadableComponent } from './shared/lazy-page.ts';
import { PageSpin } from './shared/PageSpin.tsx';
import { PAGE_SIZES } from './shared/use-page-params.ts';
import { PASSWORD_PAGE, WORKSPACE_PAGES, type WorkspacePage } from './workspace-pages.tsx';

const HomePage = lazyPage(() => import('./pages/public/home/index.tsx'));
const ApplyConfirmPage = lazyPage(() => import('./pages/public/apply/index.tsx'));
const ApplyFormPage = lazyPage(() => import('./pages/apply/form/index.tsx'));
const ProgressPage = lazyPage(() => import('./pages/progress/index.tsx'));
const SiteHomePage = lazyPage(() => import('./pages/site/home/index.tsx'));
const SiteModificationPage = lazyPage(() => import('./pages/site/modification/index.tsx'));
const SiteWorkReportPage = lazyPage(() => import('./pages/work-report/site/index.tsx'));
const WorkReportPrintPage = lazyPage(() => import('./pages/work-report/print/index.tsx'));
const VerifyPage = lazyPage(() => import('./pages/public/verify/index.tsx'));
const WorkReportColumnPage = lazyPage(() => import('./pages/public/work-report-column/index.tsx'));
const WorkspaceLayout = lazyPage(() => import('./layouts/workspace/index.tsx'));
const RequirePage = lazyPage(() => import('./layouts/workspace/RequirePage.tsx'));
const WelcomePage = lazyPage(() => import('./pages/org/welcome/index.tsx'));
const NotFoundPage = lazyPage(() => import('./pages/errors/not-found/index.tsx'));

/** The root element: wires request errors to the router and messages, and shows a spinner while code loads. */
function AppShell() {
  return (
    <>
      <RequestBridge />
      <Suspense fallback={<PageSpin fullScreen />}>
        <Outlet />
      </Suspense>
    </>
  );
}

function workspaceRoute(page: WorkspacePage): RouteObject {
  const Page = page.component;
  return {
    path: page.path,
    errorElement: <ErrorPage embedded />,
    element: (
      <RequirePage access={page.access}>
        <Page />
      </RequirePage>
    ),
  };
}

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/apply', element: <ApplyConfirmPage /> },
      { path: '/apply/form', element: <ApplyFormPage /> },
      { path: '/progress', element: <ProgressPage /> },
      { path: '/site', element: <SiteHomePage /> },
      { path: '/site/modification', element: <SiteModificationPage /> },
      { path: '/site/work-report', element: <SiteWorkReportPage /> },
      { path: '/work-report/print', element: <WorkReportPrintPage /> },
      { path: '/verify/:siteCode', element: <VerifyPage /> },
      { path: '/public/work-reports/:orgCode', element: <WorkReportColumnPage /> },
      {
        path: '/org',
        element: <WorkspaceLayout />,
        children: [
          { index: true, element: <WelcomePage />, errorElement: <ErrorPage embedded /> },
          ...WORKSPACE_PAGES.map(workspaceRoute),
          workspaceRoute(PASSWORD_PAGE),
          { path: '*', element: <NotFoundPage homePath="/org" /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The site list's first page, as soon as the session allows it: the same query (and key) the page will ask for, from
 * the same address, so that the table renders with the page instead of one server round trip after it.
 */
function prefetchSiteList(): void {
  const actor = queryClient.getQueryData<SessionInfo>(sessionQueryKey)?.actor;
  if (!isOrgUser(actor) || actor.mustChangePassword || !canAccess(actor, 'sites')) return;
  const params = new URLSearchParams(window.location.search);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Number(params.get('pageSize'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0];
  const filters = Object.fromEntries(FILTER_PARAMS.map((k) => [k, params.get(k)]).filter(([, v]) => v));
  const query: SiteQuery = { ...filters, page, pageSize };
  void queryClient.prefetchQuery({ queryKey: [...sitesKey, 'list', query], queryFn: () => listSites(query) });
}

function prefetchSiteHome(): void {
  const session = queryClient.getQueryData<SessionInfo>(sessionQueryKey);
  if (session?.actor.kind === 'SITE') void queryClient.prefetchQuery({ queryKey: siteHomeKey, queryFn: getSiteHome });
}

/** The public and 填报单位 pages by address (the workspace pages are found in WORKSPACE_PAGES). */
const PUBLIC_PAGES: Record<string, PreloadableComponent | undefined> = {
  '': HomePage,
  apply: ApplyConfirmPage,
  'apply/form': ApplyFormPage,
  progress: ProgressPage,
  site: SiteHomePage,
  'site/modification': SiteModificationPage,
  'site/work-report': SiteWorkReportPage,
  'work-report/print': WorkReportPrintPage,
};

/**
 * Opening an address directly (a bookmark, a refresh, the redirect after login): the session, the layout, the page
 * guard and the page itself would otherwise load one after another, each waiting for the one before to render.
 * Start them all now, and the 填报单位 home's data with them.
 */
function preloadRoute(pathname: string): void {
  const [, area, path] = pathname.split('/');
  if (area !== 'org') {
    const rest = pathname.replace(/^\/+|\/+$/g, '');
    const page = rest.startsWith('verify/')
      ? VerifyPage
      : rest.startsWith('public/work-reports/')
        ? WorkReportColumnPage
        : PUBLIC_PAGES[rest];
    if (!page) return;
    const session = prefetchSession();
    void page.preload();
    // The 填报单位 home's record, as soon as the session shows a 填报单位 (not before: an anonymous visitor would
    // meet the lost-session handling), instead of after the page's code has loaded and rendered.
    if (page === SiteHomePage) void session.then(prefetchSiteHome);
    return;
  }
  const session = prefetchSession();
  void WorkspaceLayout.preload();
  if (path === 'sites') void session.then(prefetchSiteList);
  if (!path) {
    void WelcomePage.preload();
    return;
  }
  void RequirePage.preload();
  // A nested page (work-reports/progress) before its parent's (work-reports).
  const pages = [...WORKSPACE_PAGES, PASSWORD_PAGE];
  const subPath = pathname.split('/').slice(2).filter(Boolean).join('/');
  void (pages.find((page) => page.path === subPath) ?? pages.find((page) => page.path === path))?.component.preload();
}

preloadRoute(window.location.pathname);

export const router = createBrowserRouter(routes);
