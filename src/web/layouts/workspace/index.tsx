// The 组织单位 workspace under /org: login guard, header, side menu from the session's menu keys, breadcrumbs, content.
import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb, Layout, Menu } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../access.ts';
import { t } from '../../locales/zh-CN.ts';
import { PageSpin } from '../../shared/PageSpin.tsx';
import { findWorkspacePage, menuPages } from '../../workspace-pages.tsx';
import { WorkspaceHeader } from './WorkspaceHeader.tsx';

// Wide enough for the longest label, 「政府网站和栏目基本信息表」, without truncation.
const SIDER_WIDTH = 248;

export default function WorkspaceLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);

  const rest = location.pathname.replace(/^\/org\/?/, '').replace(/\/$/, '');
  const segment = rest.split('/')[0] ?? '';
  // A page may sit one level down (spot-checks/help): the full path wins over its first segment.
  const current = (rest ? findWorkspacePage(rest) : undefined) ?? (segment ? findWorkspacePage(segment) : undefined);

  useEffect(() => {
    document.title = current ? `${current.label} - ${t.app.name}` : t.app.name;
  }, [current]);

  // Once the first page is up and the browser is idle, fetch the code of the other menu pages: a menu click then
  // shows its page without first waiting for the page's code (and React's hold on the spinner it would show).
  const menuKeys = session.data?.actor.kind === 'ORG_USER' ? session.data.actor.menu.join(',') : '';
  useEffect(() => {
    if (!menuKeys) return;
    const preload = () => {
      for (const page of menuPages(menuKeys.split(','), false)) void page.component.preload().catch(() => {});
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(preload, { timeout: 5000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(preload, 2000);
    return () => window.clearTimeout(id);
  }, [menuKeys]);

  if (session.isPending) return <PageSpin fullScreen />;
  // The error boundary shows 「页面出错了」 with 刷新; the message itself was already shown by request.ts.
  if (session.isError) throw session.error;
  const actor = session.data.actor;
  if (actor.kind === 'SITE') return <Navigate to="/site" replace />;
  if (actor.kind !== 'ORG_USER') return <Navigate to="/" replace />;
  if (actor.mustChangePassword && segment !== 'password') return <Navigate to="/org/password" replace />;

  const pages = menuPages(actor.menu, actor.mustChangePassword);
  const menuItems = [
    ...(actor.mustChangePassword ? [] : [{ key: '', icon: <HomeOutlined />, label: t.layout.menuWelcome }]),
    ...pages.map((page) => ({
      key: page.path,
      icon: page.icon,
      label: page.badge ? (
        <span>
          {page.label} <page.badge />
        </span>
      ) : (
        page.label
      ),
    })),
  ];
  const crumbs = [
    { key: 'home', title: current || segment ? <Link to="/org">{t.app.workspace}</Link> : t.app.workspace },
    ...(current
      ? [{ key: current.path, title: current.label }]
      : segment
        ? [{ key: 'missing', title: t.notFound.title }]
        : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <WorkspaceHeader
        actor={actor}
        menuToggle={narrow ? { open: !collapsed, onToggle: () => setCollapsed(!collapsed) } : undefined}
      />
      <Layout hasSider style={{ position: 'relative' }}>
        <Layout.Sider
          theme="light"
          width={SIDER_WIDTH}
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          trigger={null}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setCollapsed(broken);
          }}
          style={
            narrow
              ? {
                  position: 'absolute',
                  insetBlock: 0,
                  insetInlineStart: 0,
                  zIndex: 20,
                  boxShadow: collapsed ? 'none' : '2px 0 8px rgba(0,0,0,0.15)',
                }
              : { borderInlineEnd: '1px solid #f0f0f0' }
          }
        >
          <Menu
            mode="inline"
            aria-label={t.layout.menuLabel}
            selectedKeys={[current?.path ?? segment]}
            items={menuItems}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            onClick={({ key }) => {
              navigate(key ? `/org/${key}` : '/org');
              if (narrow) setCollapsed(true);
            }}
          />
        </Layout.Sider>
        {narrow && !collapsed && (
          // Clicking beside the open menu closes it, as on any phone drawer.
          <div
            aria-hidden="true"
            onClick={() => setCollapsed(true)}
            style={{ position: 'absolute', inset: 0, zIndex: 15, background: 'rgba(0,0,0,0.25)' }}
          />
        )}
        <Layout style={{ padding: narrow ? '0 8px 8px' : '0 16px 16px', minWidth: 0 }}>
          <Breadcrumb items={crumbs} style={{ margin: '14px 0' }} />
          <Layout.Content style={{ background: '#fff', padding: narrow ? 12 : 20, borderRadius: 8, minHeight: 360 }}>
            {/* Keyed by page, so that a menu click at once swaps the old page for the spinner while the next page's
                code loads; unkeyed, the navigation's transition keeps the old page on screen, and clickable, under
                the new address until then. */}
            <Suspense key={location.pathname} fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </Layout>
  );
}
