// Header of the workspace: system name, the user's unit and name, 修改密码 and 退出 (folded into a menu on phones).
import {
  BankOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Flex, Grid, Layout } from 'antd';
import { Link, useNavigate } from 'react-router';
import { type OrgUserActor, useLogout } from '../../access.ts';
import { t } from '../../locales/zh-CN.ts';
import { InboxHeaderBadge } from '../../pages/todo/InboxBadge.tsx';
import { BrandMark } from '../../shared/BrandMark.tsx';

const light = { color: 'rgba(255,255,255,0.92)' };

export interface MenuToggle {
  open: boolean;
  onToggle(): void;
}

/** `menuToggle` is set below the side menu's breakpoint, where the menu is hidden until opened from the header. */
export function WorkspaceHeader({ actor, menuToggle }: { actor: OrgUserActor; menuToggle?: MenuToggle }) {
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const logout = useLogout();
  const wide = screens.md ?? true;
  const roleLabel = t.roles[actor.role];

  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: wide ? 16 : 8 }}>
      {menuToggle && (
        <Button
          type="text"
          style={light}
          icon={menuToggle.open ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
          aria-label={t.layout.menuLabel}
          aria-expanded={menuToggle.open}
          onClick={menuToggle.onToggle}
        />
      )}
      <Link to="/org" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', minWidth: 0 }}>
        <BrandMark />
        <span style={{ fontSize: wide ? 18 : 16, fontWeight: 600, whiteSpace: 'nowrap' }}>{t.app.name}</span>
      </Link>
      <Flex flex={1} justify="flex-end" align="center" gap={20} style={{ minWidth: 0, lineHeight: 1.5 }}>
        {!actor.mustChangePassword && actor.menu.includes('inbox') && <InboxHeaderBadge />}
        {wide ? (
          <>
            <Flex align="center" gap={6} style={{ ...light, minWidth: 0 }} title={t.layout.unit}>
              <BankOutlined />
              <span
                style={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                data-testid="header-org"
              >
                {actor.orgName}
              </span>
            </Flex>
            <Flex align="center" gap={6} style={{ ...light, whiteSpace: 'nowrap' }} title={t.layout.user}>
              <UserOutlined />
              {actor.displayName}（{roleLabel}）
            </Flex>
            <Link to="/org/password" style={{ ...light, whiteSpace: 'nowrap' }}>
              <KeyOutlined /> {t.app.changePassword}
            </Link>
            <Button
              ghost
              size="small"
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {t.app.logout}
            </Button>
          </>
        ) : (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'org', icon: <BankOutlined />, label: actor.orgName, disabled: true },
                { key: 'user', icon: <UserOutlined />, label: `${actor.displayName}（${roleLabel}）`, disabled: true },
                { type: 'divider' },
                { key: 'password', icon: <KeyOutlined />, label: t.app.changePassword },
                { key: 'logout', icon: <LogoutOutlined />, label: t.app.logout, danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'password') navigate('/org/password');
                if (key === 'logout') logout.mutate();
              },
            }}
          >
            <Button type="text" style={light} aria-label={t.layout.account}>
              <UserOutlined /> <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        )}
      </Flex>
    </Layout.Header>
  );
}
