// Statements built and compiled once per shape, then run with each call's parameters: Kysely rebuilds and compiles a
// large query on every call, which a hot read (the site list) would pay on every request.
import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';

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

  constructor(private readonly build: (handle: H, bind: Binder<A>, shape: S) => Compilable<R>) {}

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
