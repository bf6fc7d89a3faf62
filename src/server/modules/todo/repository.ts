// Open request steps held by units, the part of 待办 / 下级超期 / overdue statistics they share; the merged lists are in
// inbox-repository.ts and overdue-below-repository.ts, 已办 in done-repository.ts.
import { sql } from 'kysely';
import type { RequestState, RequestType } from '../../../db/schema.ts';
import type { Db } from '../../context.ts';
import { inSubtree } from '../org-units/repository.ts';

/** States in which a unit of the chain holds the request (SUBMITTED at chain[0] is 「未提交」, still its to-do). */
const HELD = ['SUBMITTED', 'IN_REVIEW'] as const;
/** Entries the organizing units no longer see (as in the review list's 待我审核 count). */
const GONE = ['WITHDRAWN', 'DELETED'] as const;

export interface WaitingRow {
  requestId: number;
  type: RequestType;
  state: RequestState;
  chain: string[];
  stepIndex: number;
  stepEnteredAt: Date;
  submittedAt: Date;
  siteId: number;
  siteName: string;
  siteCode: string | null;
  siteOrgName: string;
  holderCode: string;
  holderName: string;
}

export function heldSteps(db: Db) {
  return db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .innerJoin('org_units as h', 'h.code', 'r.current_org')
    .where('r.state', 'in', HELD)
    .where('s.run_status', 'not in', GONE);
}

/** The site and holding unit of a held step, as heldSteps() joins them. */
export const HELD_STEP_SITE_COLUMNS = [
  's.id as site_id',
  's.name as site_name',
  's.site_code',
  'o.display_name as site_org_name',
  'h.code as holder_code',
  'h.display_name as holder_name',
] as const;

export interface OverdueCountRow {
  /** The child unit of the scope whose subtree holds the steps; '' for the scope unit itself. */
  child: string;
  open: number;
  overdue: number;
  escalated: number;
}

/** Open steps held inside the subtree of `scope`, grouped by the scope's child unit that contains the holder. */
export async function overdueByChild(
  db: Db,
  scope: { path: string },
  cutoffs: { overdueBefore: Date; escalatedBefore: Date },
): Promise<OverdueCountRow[]> {
  // path '/bm0100/130000/': split_part(path, '/', n) is '' for n = 1, then one code per depth; the child's code
  // follows the scope's own codes.
  const part = scope.path.split('/').filter(Boolean).length + 2;
  const rows = await heldSteps(db)
    .where(inSubtree('h.path', scope.path))
    .select([
      sql<string>`split_part(h.path, '/', ${sql.lit(part)})`.as('child'),
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) FILTER (WHERE r.step_entered_at < ${cutoffs.overdueBefore}))::int`.as('overdue'),
      sql<number>`(count(*) FILTER (WHERE r.step_entered_at < ${cutoffs.escalatedBefore}))::int`.as('escalated'),
    ])
    .groupBy(sql`split_part(h.path, '/', ${sql.lit(part)})`)
    .execute();
  return rows.map((r) => ({ child: r.child, open: r.open, overdue: r.overdue, escalated: r.escalated }));
}
