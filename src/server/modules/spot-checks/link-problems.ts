// 上报抽查情况 — 链接检查发现的问题: the subtree's sites whose latest nightly check found an unreachable address,
// as suggested 不合格网站清单 entries — an unreachable home page is single-veto item 2 (站点无法访问).
import type { z } from 'zod';
import { formatDateTimeCN } from '../../../domain/dates.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { requireReporter } from './access.ts';
import { reportingUnit } from './load-report.ts';
import { linkProblemSites } from './repository.ts';
import type { linkProblems } from './schema.ts';

export const LINK_PROBLEMS_LIMIT = 200;

type Row = Awaited<ReturnType<typeof linkProblemSites>>[number];

function describe(r: Row): string {
  const at = formatDateTimeCN(new Date(r.last_checked_at));
  const result = `最近一次检查（${at}）结果：${(r.failed_message ?? '').replace(/^无法访问：/, '')}`;
  if (!r.home_ok) {
    const times = r.home_consecutive_failures > 1 ? `连续 ${r.home_consecutive_failures} 次` : '';
    return `首页${times}巡检无法访问，${result}`;
  }
  return `${r.urls_failed} 个地址巡检无法访问，如 ${r.failed_url ?? ''}，${result}`;
}

export async function suggestLinkProblems(ctx: AppContext, actor: OrgActor): Promise<z.infer<typeof linkProblems>> {
  requireReporter(actor);
  const unit = await reportingUnit(ctx.db, actor, undefined);
  const rows = await linkProblemSites(ctx.db, unit.path, LINK_PROBLEMS_LIMIT);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      siteId: r.id,
      siteCode: r.site_code,
      name: r.name,
      orgName: r.org_name,
      problemType: r.home_ok ? 'OTHER' : 'VETO_2',
      description: describe(r),
      checkedAt: new Date(r.last_checked_at).toISOString(),
      flagged: r.flagged,
    })),
  };
}
