// 组织单位信息查询: the caller's subtree of org units with contacts; search, level filter and paging kept in the URL.
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { isOrgUser, useSession } from '../../../access.ts';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { levelLabel } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { tablePagination, usePageParams } from '../../../shared/use-page-params.ts';
import { exportOrgUnits, listOrgUnits, type OrgQueryScope, type VisibleOrgUnit } from './api.ts';
import { orgUnitColumns } from './columns.tsx';

const relationColumn = {
  title: ot.orgQuery.relation,
  key: 'relation',
  width: 110,
  render: (_: unknown, org: VisibleOrgUnit) => (
    <Tag color={org.relation === 'LEVEL1' ? 'purple' : org.relation === 'ANCESTOR' ? 'gold' : undefined}>
      {ot.orgQuery.relations[org.relation]}
    </Tag>
  ),
};

export default function OrgUnitListPage() {
  const actor = useSession().data?.actor;
  const params = usePageParams();
  const levelParam = params.get('level');
  const level = levelParam === undefined ? undefined : Number(levelParam);
  // 查询范围 (SPEC §11.1): the own subtree by default; ancestors and the other level-1 units on request.
  const scope = (params.get('scope') ?? 'subtree') as OrgQueryScope;
  const query = { q: params.q || undefined, scope, level, page: params.page, pageSize: params.pageSize };
  const exporting = useMutation({ mutationFn: () => exportOrgUnits({ q: query.q, scope, level }) });
  const result = useQuery({
    queryKey: ['org-units', query],
    queryFn: () => listOrgUnits(query),
    placeholderData: keepPreviousData,
  });
  const ownLevel = isOrgUser(actor) ? actor.orgLevel : 0;
  const levelOptions = [0, 1, 2, 3]
    .filter((l) => scope !== 'subtree' || l >= ownLevel)
    .map((l) => ({ value: l, label: levelLabel(l) }));

  return (
    <>
      <PageHeader
        title={t.orgUnits.title}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
            {ot.common.export}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {ot.orgQuery.visibility}
      </Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={params.q}
          defaultValue={params.q}
          placeholder={t.orgUnits.searchPlaceholder}
          allowClear
          enterButton
          maxLength={50}
          style={{ width: 320, maxWidth: '100%' }}
          onSearch={(value) => params.update({ q: value.trim() })}
        />
        <Select
          aria-label={ot.orgQuery.scope}
          value={scope}
          options={(['subtree', 'ancestors', 'level1', 'all'] as const).map((s) => ({
            value: s,
            label: ot.orgQuery.scopes[s],
          }))}
          style={{ width: 200 }}
          onChange={(value: OrgQueryScope) => params.update({ scope: value === 'subtree' ? undefined : value })}
        />
        <Select
          allowClear
          placeholder={t.orgUnits.levelFilter}
          value={level}
          options={levelOptions}
          style={{ width: 160 }}
          onChange={(value: number | undefined) => params.update({ level: value })}
        />
      </Flex>
      <Table<VisibleOrgUnit>
        rowKey="code"
        size="middle"
        // A visible unit is an org unit plus its relation: the shared columns read only the org-unit fields.
        columns={[...(orgUnitColumns as TableColumnsType<VisibleOrgUnit>), relationColumn]}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.orgUnits.empty} /> }}
        pagination={tablePagination(params, result.data?.total ?? 0, t.orgUnits.total)}
      />
    </>
  );
}
