// 上报抽查情况 — 抽样建议: a stratified random sample (level × site type) of the subtree's normally running sites,
// which the unit may accept into its report.
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { stratifiedSample } from '../../../domain/spot-check.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { requireReporter, stratumOf } from './access.ts';
import { reportingUnit } from './load-report.ts';
import { sampleFrame } from './repository.ts';
import type { suggestion } from './schema.ts';

const cryptoRandom = () => randomInt(0, 2 ** 40) / 2 ** 40;

export async function suggestSample(
  ctx: AppContext,
  opts: { actor: OrgActor; ratio: number; random?: () => number },
): Promise<z.infer<typeof suggestion>> {
  requireReporter(opts.actor);
  const unit = await reportingUnit(ctx.db, opts.actor, undefined);
  const frame = (await sampleFrame(ctx.db, unit.path)).map((s) => ({ ...s, stratum: stratumOf(s.level, s.is_portal) }));
  const picked = stratifiedSample(frame, opts.ratio, opts.random ?? cryptoRandom);
  const strata = [...new Set(frame.map((s) => s.stratum))].sort();
  return {
    ratio: opts.ratio,
    candidates: frame.length,
    strata: strata.map((stratum) => ({
      stratum,
      candidates: frame.filter((s) => s.stratum === stratum).length,
      picked: picked.filter((s) => s.stratum === stratum).length,
    })),
    items: picked.map((s) => ({ siteId: s.id, siteCode: s.site_code, name: s.name, stratum: s.stratum })),
  };
}
