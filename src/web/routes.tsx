// The route table of the web UI: public pages, the /org workspace (from workspace-pages.tsx), /site, 404 and errors.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { prefetchSession } from './access.ts';
import { ErrorPage } from './pages/errors/error-page/index.tsx';
import { RequestBridge } from './RequestBridge.tsx';
import { lazyPage } from './shared/lazy-page.ts';
import { PageSpin } from './shared/PageSpin.tsx';
import { PASSWORD_PAGE, WORKSPACE_PAGES, type WorkspacePage } from './workspace-pages.tsx';

const HomePage = lazy(() => import('./pages/public/home/index.tsx'));
const ApplyConfirmPage = lazy(() => import('./pages/public/apply/index.tsx'));
const ApplyFormPage = lazy(() => import('./pages/apply/form/index.tsx'));
const ProgressPage = lazy(() => import('./pages/progress/index.tsx'));
const SiteHomePage = lazy(() => import('./pages/site/home/index.tsx'));
const SiteModificationPage = lazy(() => import('./pages/site/modification/index.tsx'));
const VerifyPage = lazy(() => import('./pages/public/verify/index.tsx'));
const WorkspaceLayout = lazyPage(() => import('./layouts/workspace/index.tsx'));
const RequirePage = lazyPage(() => import('./layouts/workspace/RequirePage.tsx'));
const WelcomePage = lazyPage(() => import('./pages/org/welcome/index.tsx'));
const NotFoundPage = lazy(() => import('./pages/errors/not-found/index.tsx'));

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
      { path: '/verify/:siteCode', element: <VerifyPage /> },
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
 * Opening a workspace address directly (a bookmark, a refresh): the session, the layout, the page guard and the page
 * itself would otherwise load one after another, each waiting for the one before to render. Start them all now.
 */
function preloadWorkspace(pathname: string): void {
  const [, area, path] = pathname.split('/');
  if (area !== 'org') return;
  void prefetchSession();
  void WorkspaceLayout.preload();
  if (!path) {
    void WelcomePage.preload();
    return;
  }
  void RequirePage.preload();
  void [...WORKSPACE_PAGES, PASSWORD_PAGE].find((page) => page.path === path)?.component.preload();
}

preloadWorkspace(window.location.pathname);

export const router = createBrowserRouter(routes);
