// A counting semaphore (overall and per-host limits of the link checker); waiting can be cancelled by an AbortSignal.

export class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`semaphore limit must be ≥ 1, got ${limit}`);
    this.#free = limit;
  }

  get idle(): boolean {
    return this.#free === this.limit && this.#waiting.length === 0;
  }

  /** Resolves with a release function once a slot is free; rejects with the signal's reason if aborted first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    };
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      const onAbort = () => {
        const i = this.#waiting.indexOf(grant);
        if (i >= 0) this.#waiting.splice(i, 1);
        reject(signal?.reason);
      };
      this.#waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** One semaphore per key (host name), dropped again when idle so the map does not grow without bound. */
export class KeyedSemaphore {
  readonly #byKey = new Map<string, Semaphore>();

  constructor(readonly limit: number) {}

  async acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    let sem = this.#byKey.get(key);
    if (sem === undefined) {
      sem = new Semaphore(this.limit);
      this.#byKey.set(key, sem);
    }
    const owner = sem;
    const release = await owner.acquire(signal);
    return () => {
      release();
      if (owner.idle && this.#byKey.get(key) === owner) this.#byKey.delete(key);
    };
  }
}
