// The root's per-year window of 工作年度报表 (填报开始、填报截止、发布截止); everyone else reads it.
import { windowErrors } from '../../../domain/annual-report/work-report-window.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { loadWindow } from './present.ts';
import { upsertWindow } from './repository.ts';
import type { WindowView } from './schema.ts';

export async function saveWindow(
  ctx: AppContext,
  o: {
    actor: OrgActor;
    input: { year: number; fillFrom: string; fillTo: string; publishBy: string };
    ip: string | null;
  },
): Promise<WindowView> {
  const errors = windowErrors(o.input.year, o.input);
  if (errors.length > 0) throw invalid(errors.join('；'));
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadWindow(trx, o.input.year);
    await upsertWindow(trx, o.input, now);
    await writeAudit(
      trx,
      now,
      o.actor,
      {
        kind: 'WORK_REPORT_WINDOW_SET',
        entityType: 'WORK_REPORT_WINDOW',
        entityId: String(o.input.year),
        comment: `${o.input.year}年度：填报 ${o.input.fillFrom} 至 ${o.input.fillTo}，发布截止 ${o.input.publishBy}`,
        data: { before },
      },
      o.ip,
    );
    return loadWindow(trx, o.input.year);
  });
}
