// 基本信息统计 — one table of the page as xlsx (Chinese headers), for the scope unit.
import type { AppContext, OrgActor } from '../../context.ts';
import { buildWorkbook, type XlsxSheet, xlsxFileName } from '../../xlsx-table.ts';
import { computeAlerts, EXPORT_LIMIT } from './quality-alerts.ts';
import { computeRequestStats } from './request-stats.ts';
import type { StatsTable } from './schema.ts';
import { computeSiteStats, LEVEL_LABELS } from './site-stats.ts';

const TITLES: Record<StatsTable, string> = {
  categories: '按网站类别统计',
  runStatus: '按运行状态统计',
  servicePlatform: '按政务服务平台统计',
  levels: '按级别统计',
  children: '下级单位汇总',
  linkHealth: '按链接健康统计',
  requestTypes: '待审核申请（按类型）',
  requestHolders: '待审核申请（按所在单位）',
  noPortal: '未开设门户网站的组织单位',
  missingFilings: '备案信息缺失的网站',
  nonGovHosts: '域名不规范的网站',
  duplicateSponsors: '同一主办单位多个网站',
};

const counted = (first: string, rows: { label: string; count: number }[]) => ({
  columns: [{ header: first, width: 40 }, { header: '网站数' }],
  rows: rows.map((r) => [r.label, r.count]),
});

async function sheetFor(ctx: AppContext, actor: OrgActor, org: string | undefined, table: StatsTable) {
  switch (table) {
    case 'categories':
    case 'runStatus':
    case 'servicePlatform':
    case 'levels': {
      const s = await computeSiteStats(ctx, actor, org);
      const first = {
        categories: '网站类别',
        runStatus: '运行状态',
        servicePlatform: '是否政务服务平台',
        levels: '级别',
      }[table];
      return { scope: s.scope, ...counted(first, s[table]) };
    }
    case 'linkHealth': {
      const s = await computeSiteStats(ctx, actor, org);
      return { scope: s.scope, ...counted('链接健康（正常运行和例外的在册网站）', s.linkHealth.statuses) };
    }
    case 'children': {
      const s = await computeSiteStats(ctx, actor, org);
      return {
        scope: s.scope,
        columns: [
          { header: '组织单位', width: 30 },
          { header: '标识码' },
          { header: '级别' },
          { header: '在册网站' },
          { header: '正常运行' },
          { header: '门户网站' },
          { header: '政务服务平台' },
          { header: '链接异常' },
        ],
        rows: s.children.map((c) => [
          c.displayName,
          c.code ?? s.scope.code,
          LEVEL_LABELS[c.level] ?? '',
          c.total,
          c.normal,
          c.portals,
          c.platforms,
          c.linkFailing,
        ]),
      };
    }
    case 'requestTypes':
    case 'requestHolders': {
      const s = await computeRequestStats(ctx, actor, org);
      const rows = table === 'requestTypes' ? s.byType : s.byHolder;
      return {
        scope: s.scope,
        columns: [
          { header: table === 'requestTypes' ? '申请类型' : '所在单位', width: 30 },
          { header: '待审核件数' },
          { header: '等待天数中位数' },
        ],
        rows: rows.map((r) => [r.label, r.count, r.medianWaitDays]),
      };
    }
    default: {
      const a = await computeAlerts(ctx, actor, org, EXPORT_LIMIT);
      const base = { scope: a.scope };
      if (table === 'noPortal') {
        return {
          ...base,
          columns: [{ header: '组织单位', width: 30 }, { header: '标识码' }, { header: '级别' }],
          rows: a.noPortal.items.map((o) => [o.displayName, o.code, LEVEL_LABELS[o.level] ?? '']),
        };
      }
      if (table === 'missingFilings') {
        return {
          ...base,
          columns: [
            { header: '网站标识码' },
            { header: '网站名称', width: 36 },
            { header: '组织单位', width: 24 },
            { header: '缺失项', width: 40 },
          ],
          rows: a.missingFilings.items.map((s) => [s.siteCode, s.name, s.orgName, s.missing.join('、')]),
        };
      }
      if (table === 'nonGovHosts') {
        return {
          ...base,
          columns: [
            { header: '网站标识码' },
            { header: '网站名称', width: 36 },
            { header: '首页网址', width: 40 },
            { header: '组织单位', width: 24 },
          ],
          rows: a.nonGovHosts.items.map((s) => [s.siteCode, s.name, s.homeUrl, s.orgName]),
        };
      }
      return {
        ...base,
        columns: [
          { header: '组织单位', width: 24 },
          { header: '标识码' },
          { header: '主办单位', width: 36 },
          { header: '网站数' },
        ],
        rows: a.duplicateSponsors.items.map((d) => [d.orgName, d.orgCode, d.sponsorName, d.count]),
      };
    }
  }
}

export async function exportStatsTable(
  ctx: AppContext,
  actor: OrgActor,
  org: string | undefined,
  table: StatsTable,
): Promise<{ fileName: string; body: Buffer }> {
  const sheet = await sheetFor(ctx, actor, org, table);
  const xlsx: XlsxSheet = { name: TITLES[table], columns: sheet.columns, rows: sheet.rows };
  return {
    fileName: xlsxFileName(`基本信息统计_${TITLES[table]}`, sheet.scope.code, ctx.clock.now()),
    body: await buildWorkbook([xlsx]),
  };
}
