// Columns of the 账号管理 table; the row actions (停用/启用, 重置密码) are confirmed with a Popconfirm.
import { Button, Flex, Popconfirm, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { Account } from './api.ts';

const text = t.accounts;

export interface AccountActions {
  currentUserId: number;
  busyId: number | null;
  onToggle(account: Account): Promise<unknown>;
  onReset(account: Account): Promise<unknown>;
}

function isLocked(account: Account): boolean {
  return account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > Date.now();
}

export function accountColumns(actions: AccountActions): TableColumnsType<Account> {
  return [
    {
      title: text.colUsername,
      dataIndex: 'username',
      width: 120,
      render: (u: string) => <Typography.Text strong>{u}</Typography.Text>,
    },
    { title: text.colDisplayName, dataIndex: 'displayName', width: 120 },
    {
      title: text.colOrg,
      key: 'org',
      width: 180,
      render: (_, a) => (
        <Flex vertical>
          <span>{a.orgName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.orgCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: text.colRole,
      dataIndex: 'role',
      width: 76,
      render: (role: Account['role']) => <Tag color={role === 'ADMIN' ? 'geekblue' : 'default'}>{t.roles[role]}</Tag>,
    },
    {
      title: text.colStatus,
      key: 'status',
      width: 150,
      render: (_, a) => (
        <Flex gap={4} wrap>
          {a.enabled ? <Tag color="green">{text.statusEnabled}</Tag> : <Tag color="red">{text.statusDisabled}</Tag>}
          {isLocked(a) && <Tag color="orange">{text.statusLocked}</Tag>}
          {a.mustChangePassword && <Tag color="gold">{text.statusMustChange}</Tag>}
        </Flex>
      ),
    },
    { title: text.colCreatedAt, dataIndex: 'createdAt', width: 164, render: (at: string) => formatDateTime(at) },
    {
      title: text.colActions,
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, a) => {
        const self = a.id === actions.currentUserId;
        const busy = actions.busyId === a.id;
        const toggle = (
          <Popconfirm
            title={a.enabled ? text.confirmDisable(a.username) : text.confirmEnable(a.username)}
            onConfirm={() => actions.onToggle(a)}
            disabled={self && a.enabled}
          >
            <Button type="link" size="small" danger={a.enabled} disabled={(self && a.enabled) || busy}>
              {a.enabled ? text.disable : text.enable}
            </Button>
          </Popconfirm>
        );
        return (
          <Flex gap={0}>
            {self && a.enabled ? <Tooltip title={text.cannotDisableSelf}>{toggle}</Tooltip> : toggle}
            <Popconfirm title={text.confirmReset(a.username)} onConfirm={() => actions.onReset(a)}>
              <Button type="link" size="small" disabled={busy}>
                {text.resetPassword}
              </Button>
            </Popconfirm>
          </Flex>
        );
      },
    },
  ];
}
