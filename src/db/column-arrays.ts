// Rows sent as column arrays: one parameter per column whatever the row count. A chunk of the 16:00 batch as VALUES
// lists took ~2,400–6,800 parameters per statement, whose parsing and planning (PostgreSQL) and binding (Node) cost
// more than the writes themselves (issue 22).
import { type RawBuilder, sql } from 'kysely';

/**
 * A PostgreSQL array literal. Built here rather than by the driver: pg's own array serialiser is slow for large
 * arrays, this takes a few milliseconds. Both PGlite and pg pass the text to `::type[]`. Dates are written as ISO
 * instants; other objects as JSON.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    if (typeof v === 'boolean') return v ? 't' : 'f';
    const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}

/** `'{…}'::type[]`: one array parameter. */
export function sqlArray(values: readonly unknown[], type: string): RawBuilder<unknown> {
  return sql`${arrayLiteral(values)}::${sql.raw(type)}[]`;
}

/**
 * `unnest($1::t1[], $2::t2[], …) [WITH ORDINALITY] AS alias(c1, c2, …[, ord])` for a FROM clause: the rows, in order,
 * with the columns of `types` (name → SQL type), each typed. With `ordinality`, a last column `ord` numbers them 1…n.
 */
export function unnestRows(
  alias: string,
  types: Readonly<Record<string, string>>,
  rows: readonly Readonly<Record<string, unknown>>[],
  options: { ordinality?: boolean } = {},
): RawBuilder<unknown> {
  const columns = Object.keys(types);
  const arrays = columns.map((c) =>
    sqlArray(
      rows.map((row) => row[c]),
      types[c]!,
    ),
  );
  const names = sql.join([...columns, ...(options.ordinality ? ['ord'] : [])].map((c) => sql.ref(c)));
  return sql`unnest(${sql.join(arrays)})${options.ordinality ? sql` WITH ORDINALITY` : sql``} AS ${sql.table(alias)}(${names})`;
}
