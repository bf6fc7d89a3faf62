// The refusals shared by submit and resubmit: duplicate name/URL, a second portal for one org, and unique-index
// races turned into the same Chinese messages (409).
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { SiteInfo } from '../../../domain/site-info.ts';
import type { Db, Trx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { checkDuplicates, describeSite } from './check-duplicates.ts';
import { findPortalHolder, uniqueViolation } from './repository.ts';

/** 409 naming every colliding record, with per-field details for the form. */
export async function assertNoDuplicates(db: Db | Trx, info: SiteInfo, excludeSiteId?: number): Promise<void> {
  const { conflicts } = await checkDuplicates(db, { name: info.name, homeUrl: info.homeUrl }, excludeSiteId);
  if (conflicts.length === 0) return;
  throw new AppError('CONFLICT', conflicts.map((c) => c.message).join('；'), {
    fields: conflicts.map((c) => ({ field: c.field, message: c.message })),
  });
}

/** SPEC §5.1 #7, §5.5: one portal per org, counting open applications and pending 申请门户网站 requests. */
export async function assertPortalFree(
  db: Db | Trx,
  org: { code: string; name: string },
  excludeSiteId?: number,
): Promise<void> {
  const holder = await findPortalHolder(db, org.code, excludeSiteId);
  if (!holder) return;
  const what = holder.pendingPortalRequest
    ? MESSAGES.portalApplicant(holder.name)
    : MESSAGES.portalHolder(describeSite(holder));
  const message = MESSAGES.portalSlotTaken(org.name, org.code, what);
  throw new AppError('CONFLICT', message, { fields: [{ field: 'isPortal', message }] });
}

/**
 * A unique-index violation raised by a concurrent submission → the 409 a sequential one would have got. Runs the
 * checks again outside the failed transaction (the winner has committed by now). Null if `error` is something else.
 */
export async function conflictFromUniqueViolation(
  db: Db,
  error: unknown,
  info: SiteInfo,
  org: { code: string; name: string },
  excludeSiteId?: number,
): Promise<AppError | null> {
  const constraint = uniqueViolation(error);
  if (constraint === null) return null;
  try {
    await assertNoDuplicates(db, info, excludeSiteId);
    if (info.isPortal) await assertPortalFree(db, org, excludeSiteId);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  return new AppError('CONFLICT', MESSAGES.concurrentApplicationConflict, { constraint });
}
