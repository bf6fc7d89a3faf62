// 挂接关系维护 — 修改组织单位信息: rename and contacts; the history keeps what changed.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { lockUnit, ORG_UNIT_ENTITY, updateDetails } from './repository.ts';
import type { unitDetailsBody } from './schema.ts';

export async function editUnit(
  ctx: AppContext,
  opts: { actor: OrgActor; code: string; input: z.infer<typeof unitDetailsBody>; ip: string | null },
): Promise<{ ok: true }> {
  const now = ctx.clock.now();
  const { input } = opts;
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await lockUnit(trx, opts.code);
    if (!unit) throw notFound(MESSAGES.orgUnitNotFound);
    const before = {
      name: unit.name,
      displayName: unit.display_name,
      principal: unit.principal,
      contacts: unit.contacts ?? [],
    };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]),
    );
    if (changed.length === 0) return { ok: true as const };
    await updateDetails(trx, unit.code, input, now);
    const renamed = changed.includes('name') || changed.includes('displayName');
    await writeAudit(
      trx,
      now,
      opts.actor,
      {
        kind: renamed ? 'ORG_UNIT_RENAMED' : 'ORG_UNIT_EDITED',
        entityType: ORG_UNIT_ENTITY,
        entityId: unit.code,
        comment: renamed
          ? `「${unit.display_name}」（${unit.name}）更名为「${input.displayName}」（${input.name}）`
          : `修改「${unit.display_name}」的负责人/联系人`,
        data: {
          changed,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, input[k]])),
        },
      },
      opts.ip,
    );
    return { ok: true as const };
  });
}
