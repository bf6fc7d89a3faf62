// The public 专栏 of a level-1 unit: every site of its subtree that must report for a year, with the published
// report's address once 已发布 — nothing internal (no review states, no contacts).

import type { z } from 'zod';
import { publicReportStatus } from '../../../domain/annual-report/work-report-progress.ts';
import { reportYearAt } from '../../../domain/annual-report/work-report-window.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { findUnit, listColumn } from './board-repository.ts';
import type { columnList } from './schema.ts';

const FIRST_YEAR = 2017;

export async function loadColumn(
  ctx: AppContext,
  o: { orgCode: string; year?: number | undefined; page: number; pageSize: number },
): Promise<z.infer<typeof columnList>> {
  const unit = await findUnit(ctx.db, o.orgCode);
  // Only the 省级（部委） units have a 专栏; any other code answers as unknown.
  if (unit?.level !== 1 || !unit.enabled) throw new AppError('NOT_FOUND', MESSAGES.workReportColumnNotFound);
  const latest = reportYearAt(ctx.clock.now());
  const year = o.year ?? latest;
  const { items, total } = await listColumn(ctx.db, { orgPath: unit.path, year, page: o.page, pageSize: o.pageSize });
  const years: number[] = [];
  for (let y = Math.max(latest, year); y >= FIRST_YEAR; y--) years.push(y);
  return {
    orgCode: unit.code,
    orgName: unit.display_name,
    year,
    years,
    items: items.map((r) => {
      const status = publicReportStatus(r.state);
      return {
        siteCode: r.site_code ?? '',
        siteName: r.name,
        homeUrl: r.home_url,
        reportUrl: status === '已发布' ? r.published_url : null,
        status,
      };
    }),
    total,
    page: o.page,
    pageSize: o.pageSize,
  };
}
