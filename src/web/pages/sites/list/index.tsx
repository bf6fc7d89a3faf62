// 政府网站和栏目基本信息表: every site and application of the caller's subtree, reviewed level by level (SPEC §8.1 #1).
import { DownOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, ConfigProvider, Dropdown, Empty, Flex, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { STATUS_LABELS } from '../../../../domain/status-labels.ts';
import { isOrgUser, type OrgUserActor, useSession } from '../../../access.ts';
import { sw } from '../../../locales/site-workspace.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { downloadFile } from '../../../shared/download-file.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { type PageParams, tablePagination, usePageParams } from '../../../shared/use-page-params.ts';
import { SELECTED_ROW_THEME, singleRowSelection, WaitingLegend, waitingRowCss } from '../../../shared/WaitingTable.tsx';
import type { OfflineRow } from '../../offline/review/api.ts';
import { ReviewOfflineModal } from '../../offline/review/components/ReviewOfflineModal.tsx';
import { FILTER_PARAMS, getSite, listSites, type SitePage, type SiteQuery, type SiteRow, sitesKey } from './api.ts';
import { CHANGE_REQUEST_TYPES } from './change-set-api.ts';
import { columnsWidth, siteColumns } from './columns.tsx';
import { AbilityButton } from './components/AbilityButton.tsx';
import { BulkDialog, type BulkPlan } from './components/BulkDialog.tsx';
import { ColumnChooser, useSiteColumns } from './components/ColumnChooser.tsx';
import { FilterForm } from './components/FilterForm.tsx';
import { type ModificationDecision, ModificationReviewModal } from './components/ModificationReviewModal.tsx';
import { ResetCheckCodeModal, type ResetTarget } from './components/ResetCheckCodeModal.tsx';
import { ReviewModal } from './components/ReviewModal.tsx';
import { SiteDrawer } from './components/SiteDrawer.tsx';

const text = t.sites;
const WAITING_CSS = waitingRowCss('site-row-waiting');
/** Columns the list can be sorted by (a click on their heading); without one, 待我审核 rows come first. */
const SORTABLE = new Set(['updatedAt', 'name', 'siteCode']);

/** The page's open new-site requests, and how many of them the caller's unit can act on now. */
function bulkPlan(rows: SiteRow[], kind: BulkPlan['kind']): BulkPlan {
  const open = rows.filter(
    (r) => r.request?.type === 'NEW_SITE' && (r.request.state === 'SUBMITTED' || r.request.state === 'IN_REVIEW'),
  );
  const ready = open.filter((r) =>
    kind === 'submit' ? r.abilities.submit.allowed : r.abilities.approve.allowed && r.request?.state === 'IN_REVIEW',
  );
  return { kind, ids: open.map((r) => r.request?.id ?? 0), ready: ready.length };
}

/**
 * The pager: an exact total below a few thousand rows; past it the server stops counting and the total is a lower
 * bound (「超过 N 条」), one row more than it so that the next page stays reachable.
 */
function listPagination(params: PageParams, page: SitePage | undefined) {
  const total = page?.total ?? 0;
  if (!page || page.totalExact) return tablePagination(params, total, text.total);
  return tablePagination(params, total + 1, () => text.totalAtLeast(total));
}

export default function SiteListPage() {
  const actor = useSession().data?.actor;
  if (!isOrgUser(actor)) return null;
  return <SiteList actor={actor} />;
}

function SiteList({ actor }: { actor: OrgUserActor }) {
  const params = usePageParams();
  const message = useNotify();
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [reviewing, setReviewing] = useState<SiteRow | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [bulk, setBulk] = useState<BulkPlan | null>(null);
  const [deciding, setDeciding] = useState<{ row: SiteRow; decision: ModificationDecision } | null>(null);
  const [resetting, setResetting] = useState<ResetTarget | null>(null);
  const [columnKeys, chooseColumns] = useSiteColumns(actor.userId, actor.orgLevel);

  const filters = Object.fromEntries(FILTER_PARAMS.map((k) => [k, params.get(k)]).filter(([, v]) => v));
  const query: SiteQuery = { ...filters, page: params.page, pageSize: params.pageSize };
  const result = useQuery({
    queryKey: [...sitesKey, 'list', query],
    queryFn: () => listSites(query),
    placeholderData: keepPreviousData,
  });
  // An offline request is decided in the 下线审核 dialog, with its details as 查看 reads them.
  const [offlineRow, setOfflineRow] = useState<OfflineRow | null>(null);
  const reviewOffline = useMutation({
    mutationFn: async ({ siteId, requestId }: { siteId: number; requestId: number }) => {
      const detail = await queryClient.fetchQuery({
        queryKey: [...sitesKey, 'detail', siteId],
        queryFn: () => getSite(siteId),
        staleTime: 0,
      });
      return detail.requests.find((r) => r.id === requestId)?.offline ?? null;
    },
    onSuccess: (row) => setOfflineRow(row),
  });
  // 待办's 去处理 names the request (`request=<id>`): the row holding it is selected, its buttons in the toolbar.
  const requestParam = Number(params.get('request'));
  const linked = requestParam
    ? result.data?.items.find((r) => r.requests.some((q) => q.id === requestParam))
    : undefined;
  const linkedId = linked?.id;
  useEffect(() => {
    if (linkedId !== undefined) setSelectedId(linkedId);
  }, [linkedId]);
  const download = useMutation({
    mutationFn: ({ all }: { all: boolean }) =>
      all ? downloadFile('/api/sites/export-all', filters) : downloadFile('/api/sites/export', query),
    onSuccess: () => message.success(text.actions.exported),
  });

  const rows = result.data?.items ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const waiting = params.get('waitingForMe') === 'true';
  const none = { allowed: false, reason: text.actions.selectFirst };
  const reviewAbility = selected
    ? selected.abilities.approve.allowed || selected.abilities.return.allowed
      ? { allowed: true }
      : selected.abilities.approve
    : none;
  // 办结修改审核通过 / 退回 appear only with one selected row whose change request is 「办结后修改」 (SPEC §8.1
  // 1.6–1.7); an emergency offline open beside it has its own button (issue 17).
  const changeRequest = selected?.requests.find(
    (r) => r.open && CHANGE_REQUEST_TYPES.has(r.type) && r.orgStatus === STATUS_LABELS.modificationPendingOrg,
  );
  const modification = selected && changeRequest ? { ...selected, request: changeRequest } : null;
  const offlineRequest = selected?.requests.find((r) => r.open && r.kind === 'OFFLINE');
  const approvePlan = bulkPlan(rows, 'approve');
  const submitPlan = bulkPlan(rows, 'submit');
  const sortKey = params.get('sort');
  const sort =
    sortKey && SORTABLE.has(sortKey)
      ? { key: sortKey, order: params.get('order') === 'asc' ? ('ascend' as const) : ('descend' as const) }
      : null;
  const resetAbility = selected ? selected.abilities.resetCheckCode : none;

  return (
    <>
      <style>{WAITING_CSS}</style>
      <PageHeader title={text.title} />
      <FilterForm actor={actor} params={params} />
      {/* One line at 1366 px whatever is selected (but for a row with an offline request open beside a modification,
          whose 审核紧急下线 may wrap the line): the 办结修改 buttons take the place of 审核, the two exports share one
          menu and sorting is done by clicking a column heading. */}
      <Flex
        justify="space-between"
        align="center"
        wrap
        gap={12}
        style={{ marginBottom: 12 }}
        data-testid="site-toolbar"
      >
        <Space wrap>
          {modification ? (
            <>
              <AbilityButton
                type="primary"
                ability={modification.abilities.approveModification}
                onClick={() => setDeciding({ row: modification, decision: 'approve' })}
              >
                {sw.review.approve}
              </AbilityButton>
              <AbilityButton
                danger
                ability={modification.abilities.returnModification}
                onClick={() => setDeciding({ row: modification, decision: 'return' })}
              >
                {sw.review.return}
              </AbilityButton>
            </>
          ) : (
            <AbilityButton type="primary" ability={reviewAbility} onClick={() => setReviewing(selected)}>
              {text.actions.review}
            </AbilityButton>
          )}
          {selected && offlineRequest ? (
            <AbilityButton
              ability={
                offlineRequest.abilities.approve.allowed || offlineRequest.abilities.return.allowed
                  ? { allowed: true }
                  : offlineRequest.abilities.approve
              }
              onClick={() => reviewOffline.mutate({ siteId: selected.id, requestId: offlineRequest.id })}
              loading={reviewOffline.isPending}
            >
              {text.actions.reviewOffline(offlineRequest.typeLabel)}
            </AbilityButton>
          ) : null}
          <AbilityButton
            ability={approvePlan.ready > 0 ? { allowed: true } : { allowed: false, reason: text.actions.noneToReview }}
            onClick={() => setBulk(approvePlan)}
          >
            {text.actions.reviewAll}
          </AbilityButton>
          <AbilityButton
            ability={submitPlan.ready > 0 ? { allowed: true } : { allowed: false, reason: text.actions.noneToSubmit }}
            onClick={() => setBulk(submitPlan)}
          >
            {text.actions.submitAll}
          </AbilityButton>
          <AbilityButton ability={selected ? { allowed: true } : none} onClick={() => setViewing(selected?.id ?? null)}>
            {text.actions.view}
          </AbilityButton>
          <AbilityButton
            ability={resetAbility}
            onClick={() =>
              selected?.siteCode && setResetting({ id: selected.id, name: selected.name, siteCode: selected.siteCode })
            }
          >
            {text.resetCheckCode.action}
          </AbilityButton>
          <Dropdown
            menu={{
              items: [
                { key: 'page', label: text.actions.exportPage },
                { key: 'all', label: text.actions.exportAll },
              ],
              onClick: ({ key }) => download.mutate({ all: key === 'all' }),
            }}
          >
            <Button loading={download.isPending}>
              {text.exportMenu} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
        <Space>
          <Badge count={result.data?.waitingCount ?? 0} overflowCount={999} size="small">
            <Button
              type={waiting ? 'primary' : 'default'}
              ghost={waiting}
              onClick={() => params.update({ waitingForMe: waiting ? undefined : 'true' })}
            >
              {text.waitingForMe}
            </Button>
          </Badge>
          <ColumnChooser value={columnKeys} onChange={chooseColumns} />
        </Space>
      </Flex>
      <ConfigProvider theme={SELECTED_ROW_THEME}>
        <Table
          rowKey="id"
          size="middle"
          columns={siteColumns(columnKeys, sort)}
          dataSource={rows}
          loading={result.isFetching}
          tableLayout="fixed"
          // The sum of the chosen widths: below the page width the table simply fills it, above it scrolls.
          scroll={{ x: columnsWidth(columnKeys) }}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action !== 'sort' || Array.isArray(sorter)) return;
            const key = typeof sorter.columnKey === 'string' ? sorter.columnKey : undefined;
            params.update(
              sorter.order && key
                ? { sort: key, order: sorter.order === 'ascend' ? 'asc' : 'desc' }
                : { sort: undefined, order: undefined },
            );
          }}
          rowSelection={singleRowSelection(selected?.id ?? null, setSelectedId)}
          onRow={(row) => ({ onClick: () => setSelectedId(row.id), onDoubleClick: () => setViewing(row.id) })}
          rowClassName={(row) => (row.waitingForMe ? 'site-row-waiting' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} /> }}
          pagination={listPagination(params, result.data)}
          footer={() => <WaitingLegend>{text.legend}</WaitingLegend>}
        />
      </ConfigProvider>
      <ReviewModal row={reviewing} onClose={() => setReviewing(null)} />
      <ReviewOfflineModal row={offlineRow} onClose={() => setOfflineRow(null)} />
      <BulkDialog plan={bulk} onClose={() => setBulk(null)} />
      <SiteDrawer siteId={viewing} onClose={() => setViewing(null)} />
      <ResetCheckCodeModal target={resetting} onClose={() => setResetting(null)} />
      <ModificationReviewModal
        row={deciding?.row ?? null}
        decision={deciding?.decision ?? 'approve'}
        onClose={() => setDeciding(null)}
      />
    </>
  );
}
