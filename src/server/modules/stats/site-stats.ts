// 基本信息统计 — site figures of a scope unit: national categories, run status, 政务服务平台, level, drill-down.
import type { z } from 'zod';
import { LINK_HEALTH_LABELS, LINK_HEALTH_STATUSES, type LinkHealthStatus } from '../../../domain/link-health.ts';
import { countByCategory } from '../../../domain/site-categories.ts';
import { RUN_STATUS_LABELS, SITE_RUN_STATUSES, YES_NO } from '../../../domain/status-labels.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import {
  categoryGroups,
  childTotals,
  childUnits,
  linkHealthGroups,
  platformAndLevelGroups,
  runStatusGroups,
} from './repository.ts';
import { resolveScope } from './resolve-scope.ts';
import type { siteStats } from './schema.ts';

export const LEVEL_LABELS: Readonly<Record<number, string>> = {
  0: '国务院办公厅',
  1: '省级/部委',
  2: '市级/垂管省局',
  3: '县级/垂管分局',
};

export async function computeSiteStats(
  ctx: AppContext,
  actor: OrgActor,
  org: string | undefined,
): Promise<z.infer<typeof siteStats>> {
  const scope = await resolveScope(ctx, actor, org);
  const path = scope.unit.path;
  const [categories, statuses, platformLevels, totals, children, health] = await Promise.all([
    categoryGroups(ctx.db, path),
    runStatusGroups(ctx.db, path),
    platformAndLevelGroups(ctx.db, path),
    childTotals(ctx.db, path),
    childUnits(ctx.db, scope.unit.code),
    linkHealthGroups(ctx.db, path),
  ]);
  const statusCount = new Map(statuses.map((s) => [s.run_status, s.count]));
  const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
  const platform = platformLevels.filter((r) => r.is_service_platform);
  const byLevel = (level: number) => sum(platformLevels.filter((r) => r.level === level));
  const totalOf = new Map(totals.map((t) => [t.child, t]));
  const failingOf = new Map(health.map((h) => [h.child, h.failing]));
  const healthCount: Record<LinkHealthStatus, number> = {
    FAILING: health.reduce((n, h) => n + h.failing, 0),
    FOOTER: health.reduce((n, h) => n + h.footer, 0),
    OK: health.reduce((n, h) => n + h.ok, 0),
    UNCHECKED: health.reduce((n, h) => n + h.unchecked, 0),
  };
  const row = (code: string | null, displayName: string, level: number, hasChildren: boolean) => {
    const t = totalOf.get(code ?? '');
    return {
      code,
      displayName,
      level,
      hasChildren,
      total: t?.total ?? 0,
      normal: t?.normal ?? 0,
      portals: t?.portals ?? 0,
      platforms: t?.platforms ?? 0,
      linkFailing: failingOf.get(code ?? '') ?? 0,
    };
  };
  return {
    scope: scope.view,
    registered: sum(platformLevels),
    categories: countByCategory(
      categories.map((g) => ({
        departmentSystem: g.department_system,
        orgLevel: g.level,
        isPortal: g.is_portal,
        count: g.count,
      })),
    ).map((c) => ({ key: c.category, label: c.label, count: c.count })),
    runStatus: SITE_RUN_STATUSES.map((s) => ({ key: s, label: RUN_STATUS_LABELS[s], count: statusCount.get(s) ?? 0 })),
    servicePlatform: [
      { key: 'YES', label: YES_NO.yes, count: sum(platform) },
      { key: 'NO', label: YES_NO.no, count: sum(platformLevels) - sum(platform) },
    ],
    levels: [0, 1, 2, 3]
      .filter((l) => l >= scope.unit.level)
      .map((l) => ({ key: String(l), label: LEVEL_LABELS[l] ?? String(l), count: byLevel(l) })),
    children: [
      row(null, `${scope.unit.display_name}（本级）`, scope.unit.level, false),
      ...children.map((c) => row(c.code, c.display_name, c.level, c.has_children)),
    ],
    linkHealth: {
      swept: LINK_HEALTH_STATUSES.reduce((n, s) => n + healthCount[s], 0),
      statuses: LINK_HEALTH_STATUSES.map((s) => ({ key: s, label: LINK_HEALTH_LABELS[s], count: healthCount[s] })),
      flagged: health.reduce((n, h) => n + h.flagged, 0),
    },
  };
}
