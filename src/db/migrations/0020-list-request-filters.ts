// The site list's request filters (申报状态, 申请类型; issue 22, plans in docs/BENCHMARKS.md).
//
// Each filter is a set of sites whose shown request (open, else the one ended last) satisfies a condition on the
// request's state: 未审核 / 审核中 / 已退回 … name states other than DONE, and only DONE is common (~80 % of the rows
// at 100,000 sites). Without an index on the state, every such filter read the whole requests table (~120,000 rows,
// 200 ms to 2 s at 100,000 sites). This partial index holds the rows not DONE (~20 %), by state then site.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX requests_not_done_idx ON requests (state, site_id) WHERE state <> 'DONE'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX requests_not_done_idx`.execute(db);
}
