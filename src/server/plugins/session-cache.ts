// Sessions read from the database, kept for a few seconds (GOVSITE_SESSION_CACHE_MS) so that a user's next requests
// skip the lookup's round trip (issue 22). An entry is used only while its AuthChanges epoch is current — any
// statement that may end or narrow a session, in this process or (on PostgreSQL, through LISTEN) in another one,
// moves the epoch — and while every such change is known to reach this process (`complete`). A logout, a reset or a
// disabled account therefore counts on this instance's next request, as before, and on another instance as soon as
// the notification reaches it (milliseconds; a write that bypasses the system sends none, and its entries end with
// their age). Validity (idle, absolute age, disabled) is still judged on every request from the entry's timestamps
// against the clock.
import { performance } from 'node:perf_hooks';
import type { AuthChanges } from '../../db/auth-changes.ts';

/** Entries kept at most; past it, the oldest go first. */
const MAX_ENTRIES = 10_000;

interface Entry<Row> {
  row: Row;
  epoch: number;
  at: number;
}

export class SessionCache<Row> {
  readonly #entries = new Map<string, Entry<Row>>();

  constructor(
    private readonly changes: AuthChanges | undefined,
    private readonly ttlMs: number,
  ) {
    if (changes && ttlMs > 0) changes.watch();
  }

  /** The row of `digest`, read by `load` unless a current entry holds it. */
  async get(digest: string, load: () => Promise<Row | undefined>): Promise<Row | undefined> {
    const changes = this.changes;
    if (!changes || this.ttlMs <= 0) return load();
    const hit = this.#entries.get(digest);
    if (hit) {
      if (changes.complete && hit.epoch === changes.epoch && performance.now() - hit.at < this.ttlMs) return hit.row;
      this.#entries.delete(digest);
    }
    // The epoch before the read: a change that overlaps the read leaves the entry stale from the start.
    const epoch = changes.epoch;
    const complete = changes.complete;
    const row = await load();
    if (row !== undefined && complete) {
      if (this.#entries.size >= MAX_ENTRIES) {
        const oldest = this.#entries.keys().next();
        if (!oldest.done) this.#entries.delete(oldest.value);
      }
      this.#entries.set(digest, { row, epoch, at: performance.now() });
    }
    return row;
  }

  /** Replaces a kept row in place (the session's touch moved `last_seen_at`), keeping its epoch and age. */
  update(digest: string, row: Row): void {
    const hit = this.#entries.get(digest);
    if (hit) hit.row = row;
  }

  forget(digest: string): void {
    this.#entries.delete(digest);
  }
}
