// `govsite seed --scale N`: writes the national-scale data set (scale-plan.ts, scale-rows.ts) on top of the national
// tree in one transaction, 1,000 sites at a time as column arrays through unnest (one statement per table and
// chunk, the same on PGlite and PostgreSQL), then the 标识码 sequences, the id sequences and a marker entry.
import { performance } from 'node:perf_hooks';
import { type RawBuilder, sql } from 'kysely';
import { arrayLiteral } from '../db/column-arrays.ts';
import type { RunStatus } from '../db/schema.ts';
import type { Db, Trx } from '../server/context.ts';
import { CONTENT, entryHash, sealAuditLog } from '../server/modules/audit/chain.ts';
import { isDatabaseEmpty, seedDemo } from './demo.ts';
import { DEFAULT_SCALE_SEED, type Lifecycle, planScale, type ScaleExisting, type ScalePlan } from './scale-plan.ts';
import {
  type AuditRowOut,
  type RequestRowOut,
  type ScaleChunk,
  ScaleRowBuilder,
  type SiteRowOut,
} from './scale-rows.ts';

/** The 审核流水 entry that marks a database holding generated data (and makes a second run refuse). */
export const SCALE_MARKER_ENTITY = 'SCALE_SEED';
const FREED: RunStatus[] = ['DELETED', 'PERM_OFFLINE', 'WITHDRAWN'];

export interface SeedScaleOptions {
  sites: number;
  seed?: number;
  /** The generator's "now": timestamps are spread over the years before it. */
  now?: Date;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScaleSummary {
  sites: number;
  requests: number;
  audit: number;
  portals: number;
  counts: Record<Lifecycle, number>;
  ms: number;
}

export class ScaleSeedRefusedError extends Error {
  constructor(existing: number) {
    super(`数据库中已有生成的规模数据（${existing} 个网站），未重复写入；请使用新的数据库`);
    this.name = 'ScaleSeedRefusedError';
  }
}

/** Sites written by an earlier `seed --scale`, or null when the generator never ran on this database. */
export async function generatedSiteCount(db: Db): Promise<number | null> {
  const marker = await db
    .selectFrom('audit_log')
    .select('data')
    .where('entity_type', '=', SCALE_MARKER_ENTITY)
    .orderBy('id')
    .executeTakeFirst();
  if (!marker) return null;
  const sites = marker.data?.sites;
  return typeof sites === 'number' ? sites : 0;
}

export async function loadExisting(db: Db): Promise<ScaleExisting> {
  const [live, sequences, ids] = await Promise.all([
    db
      .selectFrom('sites')
      .select(['name_key', 'home_url_key', 'org_code', 'is_portal'])
      .where('run_status', 'not in', FREED)
      .execute(),
    db.selectFrom('site_sequences').select(['org_code', 'last_seq']).execute(),
    // nextval, not max(id): a sequence may be ahead of the rows (rolled-back inserts).
    sql<{ site: number; request: number; audit: number }>`SELECT
        nextval(pg_get_serial_sequence('sites', 'id'))::int AS site,
        nextval(pg_get_serial_sequence('requests', 'id'))::int AS request,
        nextval(pg_get_serial_sequence('audit_log', 'id'))::int AS audit`.execute(db),
  ]);
  const next = ids.rows[0]!;
  return {
    nameKeys: new Set(live.map((s) => s.name_key)),
    urlKeys: new Set(live.map((s) => s.home_url_key)),
    portalOrgs: new Set(live.filter((s) => s.is_portal).map((s) => s.org_code)),
    lastSeq: new Map(sequences.map((s) => [s.org_code, s.last_seq])),
    nextSiteId: Number(next.site),
    nextRequestId: Number(next.request),
    nextAuditId: Number(next.audit),
  };
}

/** A column of a bulk insert: its name, the array type it travels as, and how the row value is read from it. */
interface BulkColumn<T> {
  name: string;
  type: 'bigint' | 'int' | 'text' | 'boolean' | 'timestamptz';
  value: (row: T) => unknown;
  /** SQL over `u.<name>` when the stored type differs from the array type (jsonb, text[]). */
  cast?: 'jsonb' | 'text[]';
}

/** INSERT … SELECT FROM unnest(column arrays): one statement and one parameter per column, whatever the row count. */
async function bulkInsert<T>(trx: Trx, table: string, columns: readonly BulkColumn<T>[], rows: readonly T[]) {
  if (rows.length === 0) return;
  const names = sql.raw(columns.map((c) => c.name).join(', '));
  const selected = columns.map((c) =>
    c.cast === 'jsonb'
      ? sql.raw(`u.${c.name}::jsonb`)
      : c.cast === 'text[]'
        ? sql.raw(`string_to_array(u.${c.name}, ',')`)
        : sql.raw(`u.${c.name}`),
  );
  const arrays: RawBuilder<unknown>[] = columns.map(
    (c) => sql`${arrayLiteral(rows.map((r) => c.value(r)))}::${sql.raw(c.type)}[]`,
  );
  await sql`INSERT INTO ${sql.table(table)} (${names})
    SELECT ${sql.join(selected)} FROM unnest(${sql.join(arrays)}) AS u(${names})`.execute(trx);
}

const SITE_COLUMNS: readonly BulkColumn<SiteRowOut>[] = [
  { name: 'id', type: 'bigint', value: (r) => r.id },
  { name: 'site_code', type: 'text', value: (r) => r.site_code },
  { name: 'org_code', type: 'text', value: (r) => r.org_code },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'name_key', type: 'text', value: (r) => r.name_key },
  { name: 'home_url', type: 'text', value: (r) => r.home_url },
  { name: 'home_url_key', type: 'text', value: (r) => r.home_url_key },
  { name: 'home_host', type: 'text', value: (r) => r.home_host },
  { name: 'sponsor_name', type: 'text', value: (r) => r.sponsor_name },
  { name: 'is_portal', type: 'boolean', value: (r) => r.is_portal },
  { name: 'is_service_platform', type: 'boolean', value: (r) => r.is_service_platform },
  { name: 'info', type: 'text', value: (r) => r.info, cast: 'jsonb' },
  { name: 'columns', type: 'text', value: (r) => r.columns, cast: 'jsonb' },
  { name: 'run_status', type: 'text', value: (r) => r.run_status },
  { name: 'code_issued_at', type: 'timestamptz', value: (r) => r.code_issued_at },
  { name: 'version', type: 'int', value: (r) => r.version },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.created_at },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.updated_at },
];

const REQUEST_COLUMNS: readonly BulkColumn<RequestRowOut>[] = [
  { name: 'id', type: 'bigint', value: (r) => r.id },
  { name: 'type', type: 'text', value: (r) => r.type },
  { name: 'state', type: 'text', value: (r) => r.state },
  { name: 'site_id', type: 'bigint', value: (r) => r.site_id },
  { name: 'org_code', type: 'text', value: (r) => r.org_code },
  { name: 'is_portal', type: 'boolean', value: (r) => r.is_portal },
  { name: 'chain', type: 'text', value: (r) => r.chain.join(','), cast: 'text[]' },
  { name: 'step_index', type: 'int', value: (r) => r.step_index },
  { name: 'current_org', type: 'text', value: (r) => r.current_org },
  { name: 'payload', type: 'text', value: (r) => r.payload, cast: 'jsonb' },
  { name: 'return_reason', type: 'text', value: (r) => r.return_reason },
  { name: 'version', type: 'int', value: (r) => r.version },
  { name: 'submitted_at', type: 'timestamptz', value: (r) => r.submitted_at },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.updated_at },
  { name: 'step_entered_at', type: 'timestamptz', value: (r) => r.step_entered_at },
  { name: 'final_approved_at', type: 'timestamptz', value: (r) => r.final_approved_at },
  { name: 'decided_at', type: 'timestamptz', value: (r) => r.decided_at },
];

const AUDIT_COLUMNS: readonly BulkColumn<AuditRowOut>[] = [
  { name: 'id', type: 'bigint', value: (r) => r.id },
  { name: 'at', type: 'timestamptz', value: (r) => r.at },
  { name: 'actor_type', type: 'text', value: (r) => r.actor_type },
  { name: 'actor_name', type: 'text', value: (r) => r.actor_name },
  { name: 'actor_org_code', type: 'text', value: (r) => r.actor_org_code },
  { name: 'action', type: 'text', value: (r) => r.action },
  { name: 'entity_type', type: 'text', value: (r) => r.entity_type },
  { name: 'entity_id', type: 'text', value: (r) => r.entity_id },
  { name: 'site_code', type: 'text', value: (r) => r.site_code },
  { name: 'request_id', type: 'bigint', value: (r) => r.request_id },
  { name: 'from_state', type: 'text', value: (r) => r.from_state },
  { name: 'to_state', type: 'text', value: (r) => r.to_state },
  { name: 'comment', type: 'text', value: (r) => r.comment },
  { name: 'data', type: 'text', value: (r) => r.data, cast: 'jsonb' },
];

const GENESIS = '0'.repeat(64);

/**
 * Writes 审核流水 entries already sealed into the hash chain (migration 0008), so the data set needs no sealing
 * afterwards (sealing half a million entries one UPDATE at a time takes the seal job many minutes). The entries go
 * through an index-free temporary table, where PostgreSQL renders their canonical text (CONTENT, shared with the
 * chain module) for the hashes, then into audit_log with their seal.
 */
export class SealedAuditWriter {
  private constructor(
    private seq: number,
    private prev: string,
  ) {}

  static async start(trx: Trx): Promise<SealedAuditWriter> {
    const unsealed = await trx
      .selectFrom('audit_log')
      .select('id')
      .where('seal_seq', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (unsealed) throw new Error('审核流水中有尚未封存的记录，请稍后重试（封存任务每分钟运行）');
    const head = await trx
      .selectFrom('audit_log')
      .select(['seal_seq', 'hash'])
      .where('seal_seq', 'is not', null)
      .orderBy('seal_seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    await sql`CREATE TEMP TABLE scale_audit ON COMMIT DROP AS SELECT * FROM audit_log WITH NO DATA`.execute(trx);
    return new SealedAuditWriter(Number(head?.seal_seq ?? 0), head?.hash ?? GENESIS);
  }

  async write(trx: Trx, rows: readonly AuditRowOut[]): Promise<void> {
    if (rows.length === 0) return;
    await bulkInsert(trx, 'scale_audit', AUDIT_COLUMNS, rows);
    const contents = await sql<{ id: number; content: string }>`SELECT id, ${CONTENT} AS content
      FROM scale_audit ORDER BY id`.execute(trx);
    const seals = contents.rows.map((row) => {
      const hash = entryHash(this.prev, row.content);
      const seal = { id: row.id, seq: ++this.seq, prev: this.prev, hash };
      this.prev = hash;
      return seal;
    });
    const names = sql.raw(AUDIT_COLUMNS.map((c) => c.name).join(', '));
    const fromTemp = sql.raw(AUDIT_COLUMNS.map((c) => `t.${c.name}`).join(', '));
    await sql`INSERT INTO audit_log (${names}, seal_seq, prev_hash, hash)
      SELECT ${fromTemp}, u.seq, u.prev, u.hash FROM scale_audit t
      JOIN unnest(${arrayLiteral(seals.map((x) => x.id))}::bigint[], ${arrayLiteral(seals.map((x) => x.seq))}::bigint[],
                  ${arrayLiteral(seals.map((x) => x.prev))}::text[], ${arrayLiteral(seals.map((x) => x.hash))}::text[])
        AS u(id, seq, prev, hash) ON u.id = t.id`.execute(trx);
    await sql`TRUNCATE scale_audit`.execute(trx);
  }
}

/** Writes one chunk of generated rows: sites, their requests, their (sealed) 审核流水. */
export async function writeChunk(trx: Trx, audit: SealedAuditWriter, chunk: ScaleChunk): Promise<void> {
  await bulkInsert(trx, 'sites', SITE_COLUMNS, chunk.sites);
  await bulkInsert(trx, 'requests', REQUEST_COLUMNS, chunk.requests);
  await audit.write(trx, chunk.audit);
}

/** Moves the 标识码 sequences to the plan's last numbers (where they differ from the existing ones). */
export async function writeSequences(trx: Trx, plan: ScalePlan): Promise<void> {
  const sequences = [...plan.lastSeq].filter(([org, seq]) => plan.input.existing.lastSeq.get(org) !== seq);
  if (sequences.length === 0) return;
  await sql`INSERT INTO site_sequences (org_code, last_seq)
    SELECT * FROM unnest(${sequences.map(([org]) => org)}::text[], ${sequences.map(([, seq]) => seq)}::int[])
    ON CONFLICT (org_code) DO UPDATE SET last_seq = excluded.last_seq`.execute(trx);
}

/** Moves a serial sequence past the ids written with explicit values. */
export async function syncSequence(trx: Trx, table: string): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
    trx,
  );
}

/**
 * Writes `sites` generated sites with their requests and 审核流水 (the demo tree first if the database is empty).
 * Refuses (ScaleSeedRefusedError) when the database already holds generated data. Runs VACUUM (ANALYZE) afterwards
 * so the planner sees the new row counts at once.
 */
export async function seedScale(db: Db, options: SeedScaleOptions): Promise<ScaleSummary> {
  const t0 = performance.now();
  if (await isDatabaseEmpty(db)) await seedDemo(db);
  const already = await generatedSiteCount(db);
  if (already !== null) throw new ScaleSeedRefusedError(already);

  const [orgs, categories, existing] = await Promise.all([
    db.selectFrom('org_units').select(['code', 'name', 'display_name', 'level', 'branch', 'parent_code']).execute(),
    db
      .selectFrom('column_categories')
      .select(['code', 'name'])
      .where('active', '=', true)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    loadExisting(db),
  ]);
  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_SCALE_SEED;
  const plan = planScale({
    sites: options.sites,
    seed,
    now,
    orgs: orgs.map((o) => ({
      code: o.code,
      name: o.name,
      displayName: o.display_name,
      level: o.level,
      branch: o.branch,
      parentCode: o.parent_code,
    })),
    categories,
    existing,
  });
  const builder = new ScaleRowBuilder(plan);
  const chunkSize = options.chunkSize ?? 1000;
  const total = plan.sites.length;
  const written = { sites: 0, requests: 0, audit: 0 };
  // Entries written before (demo data, other use) are sealed first: generated ones continue the chain.
  await sealAuditLog(db);

  await db.transaction().execute(async (trx) => {
    const auditWriter = await SealedAuditWriter.start(trx);
    let writing: Promise<void> = Promise.resolve();
    for (let from = 0; from < total; from += chunkSize) {
      // The next chunk is built while the previous one is written (PostgreSQL works in its own process).
      const chunk = builder.build(from, Math.min(total, from + chunkSize));
      await writing;
      writing = (async () => {
        await writeChunk(trx, auditWriter, chunk);
        written.sites += chunk.sites.length;
        written.requests += chunk.requests.length;
        written.audit += chunk.audit.length;
        options.onProgress?.(written.sites, total);
      })();
      // A failed write must not go unhandled while the next chunk is being built; it is rethrown by `await writing`.
      writing.catch(() => {});
    }
    await writing;
    await writeSequences(trx, plan);
    for (const table of ['sites', 'requests', 'audit_log']) await syncSequence(trx, table);
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor_type: 'SYSTEM',
        actor_name: '系统',
        action: '生成规模测试数据',
        entity_type: SCALE_MARKER_ENTITY,
        entity_id: String(seed),
        data: JSON.stringify({ ...written, seed, counts: plan.counts }),
      })
      .execute();
  });
  // Planner statistics for the new row counts, and the visibility map that lets index-only scans skip the heap. The
  // whole database: PGlite has no autovacuum, so without this even the org tree of the demo seed has no statistics
  // (measured: the province's list query 82 ms → 13 ms at 10k sites).
  await sql`VACUUM (ANALYZE)`.execute(db);
  return {
    ...written,
    portals: plan.sites.filter((s) => s.isPortal).length,
    counts: plan.counts,
    ms: performance.now() - t0,
  };
}
