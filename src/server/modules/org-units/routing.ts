// Review routing from the stored tree: loads a unit's ancestors and applies the pure chain rules of SPEC §3.6.
import {
  orgTreeFromRecords,
  reviewChain,
  type SingleReviewChange,
  singleReviewer,
} from '../../../domain/review-chain.ts';
import type { Db, Trx } from '../../context.ts';
import { ancestorsOf } from './repository.ts';

async function treeAround(db: Db | Trx, orgCode: string) {
  const chain = await ancestorsOf(db, orgCode);
  return orgTreeFromRecords(chain.map((o) => ({ code: o.code, parentCode: o.parent_code, level: o.level })));
}

/** Multi-step chain (new site, offline): entry reviewer first, the level-1 unit (or the root) last. */
export async function computeReviewChain(
  db: Db | Trx,
  site: { orgCode: string; isPortal: boolean },
): Promise<string[]> {
  return reviewChain(await treeAround(db, site.orgCode), site);
}

/** Single-step reviewer (modification, flags, domains). */
export async function computeSingleReviewer(
  db: Db | Trx,
  site: { orgCode: string; isPortal: boolean },
  change?: SingleReviewChange,
): Promise<string> {
  return singleReviewer(await treeAround(db, site.orgCode), site, change);
}
