// 登录日志: who tried to log in, from where, and the outcome in Chinese; times in Beijing time.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { PagedTable } from '../../../shared/PagedTable.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { usePageParams } from '../../../shared/use-page-params.ts';
import { type LoginLogEntry, listLoginLog } from './api.ts';

const text = t.loginLog;

const RESULT_COLORS: Record<string, string> = {
  SUCCESS: 'green',
  BAD_PASSWORD: 'red',
  UNKNOWN_USER: 'red',
  LOCKED: 'orange',
  DISABLED: 'default',
  RATE_LIMITED: 'purple',
};

const columns: TableColumnsType<LoginLogEntry> = [
  { title: text.colAt, dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
  { title: text.colLogin, dataIndex: 'login', width: 150 },
  {
    title: text.colOrg,
    key: 'org',
    width: 240,
    render: (_, e) =>
      e.orgCode ? (
        <Flex vertical>
          <span>{e.orgName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.orgCode}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
  { title: text.colIp, dataIndex: 'ip', width: 150 },
  {
    title: text.colResult,
    dataIndex: 'result',
    width: 110,
    render: (result: string) => <Tag color={RESULT_COLORS[result] ?? 'default'}>{text.results[result] ?? result}</Tag>,
  },
];

export default function LoginLogPage() {
  const params = usePageParams();
  const query = { page: params.page, pageSize: params.pageSize };
  const result = useQuery({
    queryKey: ['login-log', query],
    queryFn: () => listLoginLog(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={text.title} />
      <PagedTable params={params} query={result} columns={columns} width={830} text={text} />
    </>
  );
}
