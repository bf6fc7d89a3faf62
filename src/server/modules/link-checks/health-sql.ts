// The 链接健康 classes of src/domain/link-health.ts in SQL, for the filters and counts of other features' queries over
// `sites AS s`. The filters are (anti-)semi-joins on link_health's primary key: a province's few thousand sites are
// looked up by key rather than hashing the national table (未检查 of a province at 100,000 sites: 334 → 24 ms).
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type LinkHealthStatus, SWEPT_RUN_STATUSES } from '../../../domain/link-health.ts';

const swept = sql<SqlBool>`s.run_status IN (${sql.join(SWEPT_RUN_STATUSES.map((s) => sql.lit(s)))})`;

/** The condition on a link_health row `h` for each checked class. */
const CONDITIONS: Record<Exclude<LinkHealthStatus, 'UNCHECKED'>, RawBuilder<SqlBool>> = {
  FAILING: sql<SqlBool>`(NOT h.home_ok OR h.urls_failed > 0)`,
  FOOTER: sql<SqlBool>`(h.home_ok AND h.urls_failed = 0 AND h.footer_problems > 0)`,
  OK: sql<SqlBool>`(h.home_ok AND h.urls_failed = 0 AND h.footer_problems = 0)`,
};

/** The link_health row `h` (of a site the sweep checks) is in the class: for a query that joins it. */
export function healthRowIs(status: Exclude<LinkHealthStatus, 'UNCHECKED'>): RawBuilder<SqlBool> {
  return CONDITIONS[status];
}

/** `s` is in the class: a filter for a query over `sites AS s` (no join needed). */
export function linkHealthMatches(status: LinkHealthStatus): RawBuilder<SqlBool> {
  if (status === 'UNCHECKED') {
    return sql<SqlBool>`(NOT ${swept} OR NOT EXISTS (SELECT 1 FROM link_health h WHERE h.site_id = s.id))`;
  }
  return sql<SqlBool>`(${swept} AND EXISTS (SELECT 1 FROM link_health h WHERE h.site_id = s.id AND ${CONDITIONS[status]}))`;
}
