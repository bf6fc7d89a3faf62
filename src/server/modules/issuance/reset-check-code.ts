// 重置校验码 (SPEC §4.2, §8.1 #10): the site's 本级组织单位 gets a new 校验码 shown once; the old one and every
// session of the site stop working at once. No copy is kept: the org hands the new code over itself.

import { generateCheckCode } from '../../../domain/codes.ts';
import { resetCheckCodeAbility } from '../../../domain/issuance.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { hashCheckCode } from '../../passwords.ts';
import { endAllSessions } from '../../plugins/session.ts';
import { findSiteInSubtree, replaceCheckCode } from './sites-repository.ts';

export async function resetCheckCode(
  ctx: AppContext,
  opts: { actor: OrgActor; siteId: number; ip: string },
): Promise<{ siteCode: string; name: string; checkCode: string }> {
  const { actor } = opts;
  const site = await findSiteInSubtree(ctx.db, opts.siteId, actor.orgPath);
  if (!site) throw notFound(MESSAGES.siteNotFound);
  const ability = resetCheckCodeAbility(actor.orgCode, {
    orgCode: site.org_code,
    orgName: site.org_name,
    siteCode: site.site_code,
    runStatus: site.run_status,
  });
  if (!ability.allowed) {
    throw site.org_code !== actor.orgCode ? forbidden(ability.reason) : new AppError('CONFLICT', ability.reason);
  }
  const siteCode = site.site_code!;
  const checkCode = generateCheckCode();
  const hash = await hashCheckCode(checkCode);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await replaceCheckCode(trx, { id: site.id, siteCode, hash, at: now }))) {
      throw new AppError('STATE_CONFLICT', MESSAGES.siteStatusChanged);
    }
    await endAllSessions(trx, { siteCode });
    // The code itself is never written to the log.
    await writeAudit(
      trx,
      now,
      actor,
      { kind: 'CHECK_CODE_RESET', entityType: 'SITE', entityId: String(site.id), siteCode },
      opts.ip,
    );
  });
  return { siteCode, name: site.name, checkCode };
}
