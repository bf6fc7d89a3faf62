// Drops the trigram index on the site name (issue 22): no query's plan uses it, and the 16:00 batch paid for it.
//
// Every name search goes another way: the site list's fuzzy name filter tests `text_bigrams(name) @> …` first
// (migration 0013: any term of two or more characters, where a 2-character Chinese term has no trigram), and the
// planner picks the bigram index for it with or without this one; the 工作年度报表 and 抽查 site pickers match
// `name ILIKE … OR site_code LIKE …`, which no single index serves (they scan the subtree's sites, with or without
// it); the offline list starts from its few offline requests. Meanwhile each issued site (a non-HOT UPDATE) and each
// new site added entries to it: in the batch's site UPDATE the four GIN indexes of `sites` took ~60 % of the
// statement's CPU, this one ~0.015–0.02 ms of ~0.15 ms per row (EXPLAINs and figures in docs/BENCHMARKS.md).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS sites_name_trgm_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sites_name_trgm_idx ON sites USING gin (name gin_trgm_ops)`.execute(db);
}
