// The row a review decision starts from: the visible request with what the decision's mails say (the request's
// facts, its chain's units and the deciding unit), in one statement, so the decision reads nothing more (issue 22).
import { sql } from 'kysely';
import type { Db } from '../../context.ts';
import { executePrepared } from '../../statement-cache.ts';
import { type DecisionFacts, unitsFromJson, unitsJson } from '../notifications/repository.ts';
import {
  REQUEST_COLUMNS,
  siteVisibleToViewer,
  toRequestCore,
  type Viewer,
  type VisibleRequest,
} from '../requests/repository.ts';

/**
 * `findVisibleRequest` (requests/repository.ts) for a decision, with what its mails say in the same statement: the
 * request's facts and the units of its chain and of the viewer (the deciding unit, the next one).
 */
export async function findRequestToDecide(
  db: Db,
  viewer: Viewer,
  id: number,
): Promise<(VisibleRequest & { messageFacts: DecisionFacts }) | null> {
  const query = db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select([
      ...REQUEST_COLUMNS,
      's.id as site_id',
      's.site_code',
      's.name as site_name',
      'r.step_entered_at',
      's.home_url',
      's.info',
      unitsJson(sql`o2.code = ${viewer.orgCode} OR o2.code = ANY(r.chain)`).as('units'),
    ])
    .where('r.id', '=', id)
    .where('r.state', 'not in', ['DRAFT', 'WITHDRAWN'])
    .where(siteVisibleToViewer(viewer));
  const row = (await executePrepared(db, query)).rows[0];
  if (!row) return null;
  const visible: VisibleRequest = {
    ...toRequestCore(row),
    siteId: row.site_id,
    siteCode: row.site_code,
    siteName: row.site_name,
  };
  return {
    ...visible,
    messageFacts: {
      facts: {
        ...toRequestCore(row),
        stepEnteredAt: new Date(row.step_entered_at),
        siteId: visible.siteId,
        siteName: visible.siteName,
        homeUrl: row.home_url,
        siteCode: visible.siteCode,
        info: row.info ?? {},
      },
      units: unitsFromJson(row.units),
    },
  };
}
