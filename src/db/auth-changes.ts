// Knowing, without asking the database, that no session's rights have changed (issue 22). Every request with a
// cookie used to read its session, user and unit: one round trip before the route's own work, the largest part of a
// site-list request's overhead. The server may keep what it read for a few seconds if it learns at once of any
// statement that could end or narrow a session — a logout, a password or 校验码 reset, a disabled user or unit, a
// role or 挂接关系 change — wherever it runs:
//
// - In this process: every statement Kysely sends passes `watchAuthWrites`. One that writes users, org_units or
//   sessions moves `AuthChanges.epoch` before it runs, after it returns, and again when its transaction ends, so no
//   read that overlapped it can be kept.
// - In other processes (instances behind a load balancer, the CLI): on PostgreSQL the same wrapper sends
//   `pg_notify('govsite_auth_changes')` after such a statement (inside its transaction: delivered at commit), and every
//   server LISTENs on a connection of its own. While that connection is down, `complete` is false and nothing may be
//   kept. PGlite is opened by one process only (the data directory's lock), so this process sees every change.
//
// A session-only touch that can never narrow anything (`last_seen_at` moving forward) is marked NOT_NARROWING and does
// not count; anything else that writes the three tables does, even when it would not need to.
import type { DatabaseConnection, Dialect, Driver, Kysely } from 'kysely';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export const AUTH_CHANNEL = 'govsite_auth_changes';

/** Prefix of a statement on `sessions` that only extends a session (its touch): it moves no epoch. */
export const NOT_NARROWING = '/* not narrowing */ ';

const AUTH_WRITE =
  /\b(?:update|delete\s+from|insert\s+into|truncate(?:\s+table)?|merge\s+into)\s+(?:only\s+)?(?:"?public"?\.)?"?(?:users|org_units|sessions)"?(?![\w$])/i;

/** Whether `sqlText` may end or narrow a session's rights. */
export function isAuthWrite(sqlText: string): boolean {
  return !sqlText.startsWith(NOT_NARROWING) && AUTH_WRITE.test(sqlText);
}

export class AuthChanges {
  #epoch = 0;
  #complete: boolean;
  #listener: { close(): Promise<void> } | null = null;

  constructor(
    /** PostgreSQL's address, to listen on; undefined for PGlite, which only this process opens. */
    private readonly databaseUrl: string | undefined,
  ) {
    this.#complete = databaseUrl === undefined;
  }

  /** Moves whenever something may have ended or narrowed a session; a value read at an earlier epoch is stale. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Whether every change, by this process or another, moves the epoch right now. */
  get complete(): boolean {
    return this.#complete;
  }

  changed(): void {
    this.#epoch++;
  }

  /** Starts listening for other processes' changes (PostgreSQL; idempotent). Until it is connected, `complete` is false. */
  watch(): void {
    if (this.databaseUrl === undefined || this.#listener) return;
    this.#listener = listen(this.databaseUrl, (up) => {
      this.#complete = up;
      this.changed();
    });
  }

  async close(): Promise<void> {
    this.#complete = this.databaseUrl === undefined;
    const listener = this.#listener;
    this.#listener = null;
    await listener?.close();
  }
}

/**
 * A connection of its own that LISTENs on AUTH_CHANNEL; `onChange(up)` on every notification (up = true), when it
 * is connected (true: a change may have been missed while it was down) and when it is lost (false). Reconnects after
 * 0.5 s, doubling to 30 s.
 */
function listen(url: string, onChange: (up: boolean) => void): { close(): Promise<void> } {
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let delay = 500;

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    let lost = false;
    const down = () => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      onChange(false);
      void c.end().catch(() => {});
      retry();
    };
    c.on('error', down);
    c.on('end', down);
    c.on('notification', () => onChange(true));
    try {
      await c.connect();
      await c.query(`LISTEN ${AUTH_CHANNEL}`);
      if (closed) {
        lost = true;
        await c.end();
        return;
      }
      if (lost) return;
      delay = 500;
      // The socket must not keep a CLI or a finished test alive.
      (c as unknown as { connection?: { stream?: { unref?(): void } } }).connection?.stream?.unref?.();
      onChange(true);
    } catch {
      down();
    }
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        c.removeAllListeners('error');
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}

interface TransactionState {
  inTransaction: boolean;
  wroteAuth: boolean;
}

const NOTIFY = CompiledQuery.raw(`SELECT pg_notify('${AUTH_CHANNEL}', '')`);

/**
 * `dialect` with every statement watched: an auth write (isAuthWrite) moves `changes.epoch` before it runs, after it
 * returns and when its transaction ends; with `notify`, it is followed by a pg_notify on the same connection.
 */
export function watchAuthWrites(dialect: Dialect, changes: AuthChanges, notify: boolean): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db: Kysely<DB>) => dialect.createIntrospector(db),
    createDriver: () => watchDriver(dialect.createDriver(), changes, notify),
  };
}

function watchDriver(driver: Driver, changes: AuthChanges, notify: boolean): Driver {
  const states = new WeakMap<DatabaseConnection, TransactionState>();
  const endTransaction = (connection: DatabaseConnection) => {
    const state = states.get(connection);
    if (state?.wroteAuth) changes.changed();
    if (state) {
      state.inTransaction = false;
      state.wroteAuth = false;
    }
  };
  const watchConnection = (connection: DatabaseConnection): DatabaseConnection => {
    const state: TransactionState = { inTransaction: false, wroteAuth: false };
    const executeQuery = async <R>(
      query: CompiledQuery,
      options?: Parameters<DatabaseConnection['executeQuery']>[1],
    ) => {
      if (!isAuthWrite(query.sql)) return connection.executeQuery<R>(query, options);
      changes.changed();
      if (state.inTransaction) state.wroteAuth = true;
      try {
        const result = await connection.executeQuery<R>(query, options);
        if (notify) await connection.executeQuery(NOTIFY);
        return result;
      } finally {
        changes.changed();
      }
    };
    // Kysely's own drivers call methods of their connection (some under private symbols) with it as `this`.
    const watched = new Proxy(connection, {
      get(target, property) {
        if (property === 'executeQuery') return executeQuery;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    states.set(watched, state);
    return watched;
  };
  return new Proxy(driver, {
    get(target, property) {
      switch (property) {
        case 'acquireConnection':
          return async (...args: Parameters<Driver['acquireConnection']>) =>
            watchConnection(await target.acquireConnection(...args));
        case 'beginTransaction':
          return async (connection: DatabaseConnection, ...rest: unknown[]) => {
            await (target.beginTransaction as (...a: unknown[]) => Promise<void>)(connection, ...rest);
            const state = states.get(connection);
            if (state) state.inTransaction = true;
          };
        case 'commitTransaction':
        case 'rollbackTransaction':
          return async (connection: DatabaseConnection) => {
            try {
              await target[property](connection);
            } finally {
              endTransaction(connection);
            }
          };
        default: {
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}

const registry = new WeakMap<object, AuthChanges>();

export function registerAuthChanges(db: Kysely<DB>, changes: AuthChanges): void {
  registry.set(db, changes);
}

/** The AuthChanges of a database opened by `openDatabase`, or undefined (nothing may then be kept). */
export function authChangesOf(db: Kysely<DB>): AuthChanges | undefined {
  return registry.get(db);
}
