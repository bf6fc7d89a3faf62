// 挂接关系维护 — 新建组织单位: under an enabled parent, one level below it, with a well-formed unused code.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { parseOrgCode } from '../../../domain/org-code.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { uniqueViolation } from '../applications/repository.ts';
import { findOrgUnit, insertOrgUnits } from '../org-units/repository.ts';
import { lockUnit, ORG_UNIT_ENTITY } from './repository.ts';
import type { createUnitBody } from './schema.ts';

export async function createUnit(
  ctx: AppContext,
  opts: { actor: OrgActor; input: z.infer<typeof createUnitBody>; ip: string | null },
): Promise<{ code: string }> {
  const { input } = opts;
  const parsed = parseOrgCode(input.code);
  if (!parsed.ok) throw invalid(parsed.reason);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await lockUnit(trx, input.parentCode);
    if (!parent) throw invalid(MESSAGES.parentUnitMissing(input.parentCode));
    if (!parent.enabled) throw invalid(MESSAGES.parentUnitDisabled(parent.display_name));
    if (parent.level >= 3) throw invalid(MESSAGES.noUnitsBelowLevel3);
    if (await findOrgUnit(trx, parsed.code)) {
      throw new AppError('CONFLICT', MESSAGES.orgCodeTaken(parsed.code));
    }
    const unit = {
      code: parsed.code,
      name: input.name,
      displayName: input.displayName,
      level: parent.level + 1,
      branch: input.branch ?? (parsed.family === 'LOCAL' ? ('LOCAL' as const) : ('VERTICAL' as const)),
      parentCode: parent.code,
      principal: input.principal,
      contacts: input.contacts,
    };
    try {
      await insertOrgUnits(trx, [unit], now);
    } catch (error) {
      // The same code created at the same moment under another parent (a different parent lock): the key decides.
      if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', MESSAGES.orgCodeTaken(parsed.code));
      throw error;
    }
    await writeAudit(
      trx,
      now,
      opts.actor,
      {
        kind: 'ORG_UNIT_CREATED',
        entityType: ORG_UNIT_ENTITY,
        entityId: parsed.code,
        toState: 'ENABLED',
        comment: `在「${parent.display_name}」之下新建「${input.displayName}」（${parsed.code}）`,
        data: { parentCode: parent.code, name: input.name, displayName: input.displayName },
      },
      opts.ip,
    );
    return { code: parsed.code };
  });
}
