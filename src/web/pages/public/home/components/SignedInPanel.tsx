// What the login card shows to someone already signed in: who they are, 进入工作台 and 退出.
import { UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Typography } from 'antd';
import { type Actor, useLogout } from '../../../../access.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { LinkButton } from '../../../../shared/LinkButton.tsx';

export function SignedInPanel({ actor }: { actor: Exclude<Actor, { kind: 'ANONYMOUS' }> }) {
  const logout = useLogout();
  const isOrg = actor.kind === 'ORG_USER';
  return (
    <Flex vertical align="center" gap={16} style={{ padding: '16px 0', textAlign: 'center' }}>
      <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1d4f91' }} />
      <Typography.Text>
        {isOrg ? t.home.loggedInAs(actor.displayName, actor.orgName) : t.home.loggedInSite(actor.siteCode)}
      </Typography.Text>
      <LinkButton type="primary" size="large" block to={isOrg ? '/org' : '/site'}>
        {isOrg ? t.home.enterWorkspace : t.home.enterSite}
      </LinkButton>
      <Button block onClick={() => logout.mutate()} loading={logout.isPending}>
        {t.app.logout}
      </Button>
    </Flex>
  );
}
