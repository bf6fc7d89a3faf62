// 提交 of 基本信息修改 (SPEC §7.2): validates both pages, checks name / URL against the other sites, and stages the
// change set in a MODIFY request SUBMITTED to the single reviewer — in one transaction. The live record is untouched.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { decide, reporterStatusLabel } from '../../../domain/requests.ts';
import { changeCount, diffColumns, diffSiteInfo } from '../../../domain/site-diff.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { applyTransition } from '../../lifecycle/request-transition.ts';
import { assertNoDuplicates } from '../applications/conflicts.ts';
import { computeSingleReviewer } from '../org-units/routing.ts';
import { listCategories } from './categories-repository.ts';
import { type ModifyPayload, storedColumns } from './change-set.ts';
import { checkModification, summarize } from './check-modification.ts';
import {
  auditOperatorAction,
  inOperatorTransaction,
  operatorAuditEntry,
  queueSubmitted,
} from './operator-transaction.ts';
import { insertRequest } from './repository.ts';
import type { ModificationBody, saveResult } from './schema.ts';
import { modifyRefusal } from './site-abilities.ts';

type SaveResult = z.infer<typeof saveResult>;

export async function submitModification(
  ctx: AppContext,
  opts: { actor: SiteActor; input: ModificationBody; ip: string | null },
): Promise<SaveResult> {
  const now = ctx.clock.now();
  return inOperatorTransaction(ctx, opts.actor, async (trx, site, loaded) => {
    const refusal = modifyRefusal(loaded.state);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const categories = await listCategories(trx, true);
    const liveColumns = storedColumns(site.columns);
    const check = checkModification(opts.input, site, categories, liveColumns);
    if (!check.ok) throw invalid(summarize(check.errors), { fields: check.errors, warnings: check.warnings });
    const diff = {
      fields: diffSiteInfo(site.info, { ...check.info }),
      columns: diffColumns(liveColumns, check.columns),
      domains: [],
    };
    if (changeCount(diff) === 0) throw invalid(MESSAGES.nothingModified);
    await assertNoDuplicates(trx, check.info, site.id);

    const reviewer = await computeSingleReviewer(trx, site);
    const payload: ModifyPayload = { info: { ...check.info }, columns: check.columns, baseVersion: site.version };
    const target = loaded.resumable;
    const audit = (requestId: number) =>
      ({
        verb: 'FILE',
        type: 'MODIFY',
        requestId,
        site,
        fromState: target?.state ?? null,
        toState: 'SUBMITTED',
        toOrg: reviewer,
        now,
        ip: opts.ip,
      }) as const;
    let saved: { id: number; version: number };
    if (target) {
      const decision = decide(target, { kind: 'REQUESTER' }, 'SUBMIT');
      if (!decision.ok) throw new AppError('CONFLICT', decision.reason);
      // The single reviewer is computed afresh: the request is re-routed to it as it is submitted again.
      const moved = await applyTransition(trx, {
        request: target,
        action: 'SUBMIT',
        next: decision.next,
        now,
        chain: [reviewer],
        payload,
        audit: { actor: opts.actor, ip: opts.ip, entry: operatorAuditEntry(audit(target.id)) },
      });
      if (!moved) throw new AppError('STATE_CONFLICT', MESSAGES.requestHandledInOtherWindow);
      await queueSubmitted(trx, audit(target.id));
      saved = { id: target.id, version: target.version + 1 };
    } else {
      saved = await insertRequest(trx, {
        type: 'MODIFY',
        state: 'SUBMITTED',
        siteId: site.id,
        orgCode: site.orgCode,
        isPortal: site.isPortal,
        reviewer,
        payload,
        at: now,
      });
      await auditOperatorAction(trx, opts.actor, audit(saved.id));
    }
    return {
      requestId: saved.id,
      state: 'SUBMITTED',
      statusLabel: reporterStatusLabel({ type: 'MODIFY', state: 'SUBMITTED', chain: [reviewer], stepIndex: 0 }),
      version: saved.version,
      errors: [],
      warnings: check.warnings,
    };
  });
}
