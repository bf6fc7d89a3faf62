// 保存草稿 of 基本信息修改 (SPEC §7.2): both pages stored together, as typed, in the operator's DRAFT request (or in
// its returned change set); nothing reaches the live record or a reviewer. The problems still open are returned.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { reporterStatusLabel } from '../../../domain/requests.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { computeSingleReviewer } from '../org-units/routing.ts';
import { listCategories } from './categories-repository.ts';
import type { DraftPayload } from './change-set.ts';
import { storedColumns } from './change-set.ts';
import { checkModification } from './check-modification.ts';
import { inOperatorTransaction } from './operator-transaction.ts';
import { insertRequest, saveRequestPayload } from './repository.ts';
import type { ModificationBody, saveResult } from './schema.ts';
import { modifyRefusal } from './site-abilities.ts';

type SaveResult = z.infer<typeof saveResult>;

export async function saveModificationDraft(
  ctx: AppContext,
  opts: { actor: SiteActor; input: ModificationBody },
): Promise<SaveResult> {
  const now = ctx.clock.now();
  return inOperatorTransaction(ctx, opts.actor, async (trx, site, loaded) => {
    const refusal = modifyRefusal(loaded.state);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const categories = await listCategories(trx, true);
    const check = checkModification(opts.input, site, categories, storedColumns(site.columns));
    const payload: DraftPayload = {
      draft: true,
      info: opts.input.info,
      columns: opts.input.columns,
      baseVersion: site.version,
    };
    const target = loaded.resumable;
    let saved: { id: number; version: number; state: 'DRAFT' | 'RETURNED' };
    if (target && (target.state === 'DRAFT' || target.state === 'RETURNED')) {
      const ok = await saveRequestPayload(trx, target, payload, now);
      if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.draftChangedElsewhere);
      saved = { id: target.id, version: target.version + 1, state: target.state };
    } else {
      const reviewer = await computeSingleReviewer(trx, site);
      const row = await insertRequest(trx, {
        type: 'MODIFY',
        state: 'DRAFT',
        siteId: site.id,
        orgCode: site.orgCode,
        isPortal: site.isPortal,
        reviewer,
        payload,
        at: now,
      });
      saved = { ...row, state: 'DRAFT' };
    }
    return {
      requestId: saved.id,
      state: saved.state,
      statusLabel: reporterStatusLabel({ type: 'MODIFY', state: saved.state, chain: [], stepIndex: 0 }),
      version: saved.version,
      errors: check.ok ? [] : check.errors,
      warnings: check.warnings,
    };
  });
}
