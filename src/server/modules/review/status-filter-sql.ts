// SQL fragments of the 申报状态 and 申请类型 filters: the twin of orgStatusLabel() over the shown requests `r`.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { MULTI_STEP_TYPES } from '../../../domain/requests.ts';
import type { OrgStatusFilter } from './schema.ts';

const multiTypes = sql.join([...MULTI_STEP_TYPES].map((t) => sql`${t}`));
const isMulti = sql<boolean>`r.type IN (${multiTypes})`;
/** SQL twin of orgStatusLabel(): rows whose 申报状态, as `me` sees it, is the label of `key`. */
export function orgStatusCondition(key: OrgStatusFilter, me: string): RawBuilder<SqlBool> {
  const atMe = sql`r.chain[r.step_index + 1] = ${me}`;
  const approvedByMe = sql`${me} = ANY(r.chain[1:r.step_index])`;
  switch (key) {
    case 'NOT_SUBMITTED':
      return sql`(${isMulti} AND r.state = 'SUBMITTED' AND r.chain[1] = ${me})`;
    case 'NOT_REVIEWED':
      return sql`(${isMulti} AND r.state = 'IN_REVIEW' AND ${atMe})`;
    case 'REVIEWED':
      return sql`(${isMulti} AND r.state = 'IN_REVIEW' AND NOT (${atMe}) AND ${approvedByMe})`;
    case 'IN_REVIEW':
      return sql`(${isMulti} AND ((r.state = 'SUBMITTED' AND r.chain[1] <> ${me})
        OR (r.state = 'IN_REVIEW' AND NOT (${atMe}) AND NOT (${approvedByMe}))))`;
    case 'RETURNED':
      return sql`(${isMulti} AND r.state = 'RETURNED')`;
    case 'DONE':
      return sql`(r.state IN ('CODE_PENDING', 'DONE'))`;
    case 'MODIFICATION_PENDING':
      return sql`(NOT ${isMulti} AND r.state IN ('SUBMITTED', 'IN_REVIEW'))`;
    case 'MODIFICATION_RETURNED':
      return sql`(NOT ${isMulti} AND r.state = 'RETURNED')`;
  }
}

/** Open requests the organizing units see (drafts are the operator's own business). */
export const OPEN_SQL = sql`('SUBMITTED', 'IN_REVIEW', 'CODE_PENDING')`;
/** Ended requests the organizing units see (withdrawn ones are not shown). */
export const ENDED_SQL = sql`('RETURNED', 'APPROVED', 'DONE')`;
/** When an ended request `rq` ended: its decision, else its last change. */
export const ENDED_AT_SQL = sql`coalesce(rq.decided_at, rq.updated_at)`;

/**
 * Sites with a shown request (see shownRequests() in src/domain/open-requests.ts: every open request, else the one
 * that ended last) satisfying `condition` on `r`, as one uncorrelated set: no per-row subquery for the whole subtree.
 */
export function shownRequestMatches(condition: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  return sql<SqlBool>`s.id IN (SELECT r.site_id FROM requests r WHERE r.state IN ${OPEN_SQL} AND ${condition}
    UNION ALL
    SELECT r.site_id FROM requests r
    WHERE r.state IN ${ENDED_SQL} AND ${condition}
      AND NOT EXISTS (SELECT 1 FROM requests n WHERE n.site_id = r.site_id AND n.id <> r.id
        AND (n.state IN ${OPEN_SQL} OR (n.state IN ${ENDED_SQL}
          AND (coalesce(n.decided_at, n.updated_at), n.id) > (coalesce(r.decided_at, r.updated_at), r.id)))))`;
}
