// Columns of the 组织单位信息查询 table, including the 负责人/联系人 cells.
import { MailOutlined, MobileOutlined, PhoneOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../locales/zh-CN.ts';
import { levelLabel } from '../../../shared/format.ts';
import type { OrgUnit, PersonContact } from './api.ts';

function Person({ person }: { person: PersonContact }) {
  const line = (icon: ReactNode, label: string, value: string) =>
    value ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} title={label}>
        {icon} {value}
      </Typography.Text>
    ) : null;
  return (
    <Flex vertical gap={0}>
      <Typography.Text>{person.name || t.orgUnits.none}</Typography.Text>
      {line(<PhoneOutlined />, t.orgUnits.officePhone, person.officePhone)}
      {line(<MobileOutlined />, t.orgUnits.mobile, person.mobile)}
      {line(<MailOutlined />, t.orgUnits.email, person.email)}
    </Flex>
  );
}

const none = <Typography.Text type="secondary">{t.orgUnits.none}</Typography.Text>;

export const orgUnitColumns: TableColumnsType<OrgUnit> = [
  {
    title: t.orgUnits.colCode,
    dataIndex: 'code',
    width: 90,
    render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
  },
  {
    title: t.orgUnits.colName,
    key: 'name',
    width: 190,
    render: (_, org) => (
      <Flex vertical>
        <Typography.Text strong>{org.displayName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {org.name}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: t.orgUnits.colLevel,
    key: 'level',
    width: 110,
    render: (_, org) => (
      <Flex vertical gap={4} align="flex-start">
        <Tag color={org.level <= 1 ? 'blue' : org.level === 2 ? 'cyan' : 'default'}>{levelLabel(org.level)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.branch[org.branch]}
        </Typography.Text>
      </Flex>
    ),
  },
  { title: t.orgUnits.colParent, dataIndex: 'parentCode', width: 90, render: (code: string | null) => code ?? '—' },
  {
    title: t.orgUnits.colPrincipal,
    key: 'principal',
    width: 200,
    render: (_, org) => (org.principal ? <Person person={org.principal} /> : none),
  },
  {
    title: t.orgUnits.colContacts,
    key: 'contacts',
    width: 210,
    render: (_, org) =>
      org.contacts.length > 0 ? (
        <Flex vertical gap={8}>
          {org.contacts.map((person, i) => (
            // Contacts have no id; their position in the unit's list is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Person key={i} person={person} />
          ))}
        </Flex>
      ) : (
        none
      ),
  },
  {
    title: t.orgUnits.colStatus,
    dataIndex: 'enabled',
    width: 70,
    render: (enabled: boolean) =>
      enabled ? <Tag color="green">{t.orgUnits.enabled}</Tag> : <Tag>{t.orgUnits.disabled}</Tag>,
  },
];
