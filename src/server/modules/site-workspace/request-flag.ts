// 申请门户网站 / 申请取消门户网站 (SPEC §7.3) and 申请政务服务平台 / 申请取消政务服务平台 (SPEC §7.4): a single-step
// request with the wanted flag. A portal application is checked against the org's portal under the org row lock.
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { assertPortalFree } from '../applications/conflicts.ts';
import { lockOrgUnit } from '../applications/repository.ts';
import { computeSingleReviewer } from '../org-units/routing.ts';
import { type FiledRequest, fileRequest, inOperatorTransaction } from './operator-transaction.ts';
import { newRequestRefusal } from './site-abilities.ts';

export type FlagInput = { flag: 'portal'; value: boolean } | { flag: 'servicePlatform'; value: boolean };

export async function requestFlagChange(
  ctx: AppContext,
  opts: { actor: SiteActor; input: FlagInput; ip: string | null },
): Promise<FiledRequest> {
  const { input } = opts;
  const now = ctx.clock.now();
  return inOperatorTransaction(ctx, opts.actor, async (trx, site, loaded) => {
    const refusal = newRequestRefusal(loaded.state);
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (input.flag === 'portal') {
      if (input.value === site.isPortal) {
        throw new AppError('CONFLICT', site.isPortal ? MESSAGES.alreadyPortal : MESSAGES.notPortal);
      }
      const type = input.value ? 'PORTAL_ON' : 'PORTAL_OFF';
      if (input.value) {
        // One portal per org (SPEC §5.5, §7.3): two sites of one org applying at once queue on the org row.
        const org = await lockOrgUnit(trx, site.orgCode);
        await assertPortalFree(trx, { code: site.orgCode, name: org?.name ?? site.orgName }, site.id);
      }
      const reviewer = await computeSingleReviewer(trx, site, { kind: type });
      const payload = { info: { isPortal: input.value }, baseVersion: site.version };
      return fileRequest(trx, opts.actor, { type, site, reviewer, payload, now, ip: opts.ip });
    }
    if (input.value === site.isServicePlatform) {
      throw new AppError(
        'CONFLICT',
        site.isServicePlatform ? MESSAGES.alreadyServicePlatform : MESSAGES.notServicePlatform,
      );
    }
    const type = input.value ? 'SERVICE_ON' : 'SERVICE_OFF';
    // SPEC §16 item 4: the normal modification reviewer (本级 for a department site, 上级 for a portal).
    const reviewer = await computeSingleReviewer(trx, site);
    const payload = { info: { isServicePlatform: input.value }, baseVersion: site.version };
    return fileRequest(trx, opts.actor, { type, site, reviewer, payload, now, ip: opts.ip });
  });
}
