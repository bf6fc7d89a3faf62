// Inputs of the fuzz tests: hostile strings, arbitrary values shaped by an endpoint's OpenAPI schema, and a cheap
// fingerprint of every business table (row versions) to prove that a refused request stored nothing.
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Db } from '../../src/server/context.ts';

/** Strings that have broken systems before: injection, markup, formulas, controls, widths, lengths. */
export const HOSTILE = [
  "'; DROP TABLE sites;--",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://evil.example/","点我")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m红\u001b[0m',
  '\r\n\t',
  '\u202e\u200b\ufeff',
  '\u2028\u2029',
  'ＡＢＣ１２３　全角（括号）；',
  '１３０３０２',
  '𠮷野家🙂‍↔️',
  'e\u0301\u0301\u0301',
  '\ud800',
  '\udfff\ud800',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, a plain string on purpose.
  '{{7*7}}${7*7}<%= 7*7 %>',
  '\\',
  '"',
  "'",
  '',
  ' ',
  '　',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  'true',
  '__proto__',
  'constructor',
] as const;

const long = fc.constantFrom('a'.repeat(5000), '中'.repeat(1001), '='.repeat(300), `${'𠮷'.repeat(120)}`);

/** A hostile string: a known one, random text (any code point, lone surrogates included), or a mix of both. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 }), fc.constantFrom('网站', '人民政府')), {
        minLength: 1,
        maxLength: 5,
      })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: long },
);

/** Any JSON value, with hostile strings for its strings and keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.anything({
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'name', 'id')),
  values: [
    hostileString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  ],
  maxDepth: 3,
  maxKeys: 6,
  withNullPrototype: false,
});

/** The part of JSON Schema (OpenAPI 3.0 flavour) that the app's zod schemas produce. */
export interface Schema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Values shaped like `schema` but hostile inside: the right keys and types most of the time (to get past the first
 * validation layer into the use case), wrong types, missing or extra keys, boundary numbers and hostile strings.
 */
export function fromSchema(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (!isSchema(schema) || depth > 4) return hostileJson;
  const alternatives = schema.oneOf ?? schema.anyOf;
  const shaped = alternatives
    ? fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)))
    : shapedBy(schema, depth);
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 1, arbitrary: hostileJson },
    { weight: schema.nullable ? 1 : 0, arbitrary: fc.constant(null) },
  );
}

function shapedBy(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) {
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: hostileString });
  }
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return fc.oneof(
        { weight: 4, arbitrary: hostileString },
        { weight: 1, arbitrary: fc.string({ maxLength: schema.maxLength ?? 50 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 999_999 }).map(String) },
      );
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000_000;
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1.5, -0, 1e308),
        },
        { weight: 1, arbitrary: hostileString },
      );
    }
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 1, 0) });
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: Math.min((schema.maxItems ?? 4) + 1, 6) });
    case 'object': {
      const props = schema.properties ?? {};
      const keys = Object.keys(props);
      const record = fc.record(
        Object.fromEntries(keys.map((k) => [k, fromSchema(props[k], depth + 1)])) as Record<
          string,
          fc.Arbitrary<unknown>
        >,
        { requiredKeys: keys.filter((k) => (schema.required ?? []).includes(k)) },
      );
      const extra = fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 2 });
      return fc.oneof(
        { weight: 4, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...(r as object) })) },
      );
    }
    default:
      return hostileJson;
  }
}

/** Tables that record attempts (logins, 临时码 look-ups, sessions) and may change on a refused request by design. */
const ATTEMPT_TABLES = new Set([
  'sessions',
  'login_log',
  'attempt_counters',
  'app_secrets',
  'govsite_migrations',
  'govsite_migrations_lock',
]);

/** Columns that count password or 校验码 attempts on the account row itself (issue 16: counted before checking). */
const ATTEMPT_COLUMNS: Record<string, string[]> = {
  users: ['failed_attempts', 'locked_until'],
  sites: ['failed_attempts', 'locked_until'],
};

/**
 * Counts every row written to the business tables from now on: a row-level trigger on each (test databases only)
 * bumps one counter in the writing transaction, so a rolled-back write counts nothing and a compare-and-set that
 * matched no row counts nothing. Reading the counter costs one row, so it can be read around every fuzzed request.
 */
export async function installChangeCounter(db: Db): Promise<void> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  await sql`CREATE TABLE fuzz_change_counter (n bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO fuzz_change_counter VALUES (0)`.execute(db);
  await sql`CREATE FUNCTION fuzz_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE fuzz_change_counter SET n = n + 1; RETURN NULL; END $$`.execute(db);
  for (const { name } of tables.rows) {
    if (ATTEMPT_TABLES.has(name)) continue;
    const attemptColumns = ATTEMPT_COLUMNS[name];
    if (!attemptColumns) {
      await sql`CREATE TRIGGER fuzz_count_change AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(name)}
        FOR EACH ROW EXECUTE FUNCTION fuzz_count_change()`.execute(db);
      continue;
    }
    // Counting a refused attempt on the account itself is by design: only updates of the other columns count.
    const columns = await sql<{ name: string }>`
      SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ${name} ORDER BY ordinal_position`.execute(db);
    const others = columns.rows.map((c) => c.name).filter((c) => !attemptColumns.includes(c));
    await sql`CREATE TRIGGER fuzz_count_change AFTER INSERT OR DELETE ON ${sql.table(name)}
      FOR EACH ROW EXECUTE FUNCTION fuzz_count_change()`.execute(db);
    await sql`CREATE TRIGGER fuzz_count_update AFTER UPDATE OF ${sql.join(others.map((c) => sql.ref(c)))}
      ON ${sql.table(name)} FOR EACH ROW EXECUTE FUNCTION fuzz_count_change()`.execute(db);
  }
}

/** Rows written to the business tables since installChangeCounter(). */
export async function changeCount(db: Db): Promise<number> {
  const r = await sql<{ n: string | number }>`SELECT n FROM fuzz_change_counter`.execute(db);
  return Number(r.rows[0]?.n ?? Number.NaN);
}
