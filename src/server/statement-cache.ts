// Statements built and compiled once per shape, then run with each call's parameters: Kysely rebuilds and compiles a
// large query on every call, which a hot read (the site list) would pay on every request.
import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Kysely,
  type QueryResult,
  type RawBuilder,
  type Transaction,
} from 'kysely';
import { markPrepared } from '../db/prepared.ts';
import type { DB } from '../db/schema.ts';

/** A parameter of a cached statement: read from each call's arguments when the statement runs. */
class Slot<A> {
  constructor(readonly read: (args: A) => unknown) {}
}

/**
 * How a statement builder receives the values it sends as parameters: `bind.value((args) => …)` is the value itself
 * when a statement is built for one call, and a placeholder read again on every call when the statement is cached.
 * A builder given a Binder and a shape sees no argument directly, so no value of one call is baked into the text.
 */
export interface Binder<A> {
  value<T>(read: (args: A) => T): T;
}

/** The binder of a statement built for one call: values are read at once. */
export function bindNow<A>(args: A): Binder<A> {
  return { value: (read) => read(args) };
}

/** The binder of a cached statement: every value is a slot, filled from the arguments of each run. */
function bindLater<A>(): Binder<A> {
  // A slot stands in for the value (its compiled position is all that is kept); it never reaches the database.
  return { value: <T>(read: (args: A) => T) => new Slot(read) as unknown as T };
}

/** Shapes kept per database handle before the cache starts again (shapes are few: sets of filters, sort keys). */
const MAX_SHAPES = 500;

/**
 * Compiled statements by shape. `shape` holds everything that decides the statement's text (which filters are
 * present, the sort, the depth of the caller…), never a value that becomes a parameter; `build` reads values only
 * through the binder. Cached per database handle, since a handle's plugins may rewrite what it compiles.
 */
export class StatementCache<H extends object, A, S, R> {
  private readonly byHandle = new WeakMap<H, Map<string, CompiledQuery<R>>>();

  /**
   * `prepared`: run as a named prepared statement on PostgreSQL (src/db/prepared.ts), for every shape or for the
   * shapes it accepts — only those whose plan does not depend on their values (a lookup by key).
   */
  constructor(
    private readonly build: (handle: H, bind: Binder<A>, shape: S) => Compilable<R>,
    private readonly options: { prepared?: boolean | ((shape: S) => boolean) } = {},
  ) {}

  /** The statement of `args` (of shape `shape`), ready for `db.executeQuery()`. */
  compile(handle: H, shape: S, args: A): CompiledQuery<R> {
    let templates = this.byHandle.get(handle);
    if (!templates) {
      templates = new Map();
      this.byHandle.set(handle, templates);
    }
    const key = JSON.stringify(shape);
    let template = templates.get(key);
    if (!template) {
      template = this.build(handle, bindLater<A>(), shape).compile();
      const { prepared } = this.options;
      if (prepared === true || (typeof prepared === 'function' && prepared(shape)))
        template = { ...template, sql: markPrepared(template.sql) };
      if (templates.size >= MAX_SHAPES) templates.clear();
      templates.set(key, template);
    }
    return {
      query: template.query,
      queryId: createQueryId(),
      sql: template.sql,
      parameters: template.parameters.map((p) => (p instanceof Slot ? (p as Slot<A>).read(args) : p)),
    };
  }
}

/**
 * Runs `query` as a named prepared statement on PostgreSQL (src/db/prepared.ts): for a statement built per call
 * whose text depends only on its shape and whose plan does not depend on its values (a lookup or a compare-and-set by
 * key).
 */
export function executePrepared<R>(
  db: Kysely<DB> | Transaction<DB>,
  query: Compilable<R> | RawBuilder<R>,
): Promise<QueryResult<R>> {
  const compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
  return db.executeQuery({ ...compiled, sql: markPrepared(compiled.sql) });
}
