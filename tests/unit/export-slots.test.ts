// The export slots themselves (issue 16 item 5), with exports held open so the burst is certain to overlap: at most
// EXPORT_CONCURRENCY run at once, EXPORT_MAX_WAITING wait, every further caller is refused at once with the Chinese
// "try again", and every slot is given back — also by a caller who leaves while its export runs. Real Fastify, real
// sockets; no database is needed. (security-exports.test.ts runs the real whole-tree export in a burst.)
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/domain/messages/index.ts';
import { errorPlugin } from '../../src/server/plugins/errors.ts';
import { EXPORT_CONCURRENCY, EXPORT_MAX_WAITING, exportSlotsPlugin } from '../../src/server/plugins/export-slots.ts';

interface Harness {
  app: FastifyInstance;
  url: string;
  running: () => number;
  maxRunning: () => number;
  /** Lets every export that is running now, and every later one, finish. */
  releaseAll: () => void;
  started: () => number;
}

async function slotServer(): Promise<Harness> {
  const app = Fastify();
  await app.register(errorPlugin);
  await app.register(exportSlotsPlugin);
  let running = 0;
  let maxRunning = 0;
  let started = 0;
  let open = false;
  const waiting: Array<() => void> = [];
  app.get('/export', { config: { exportSlot: true } }, async () => {
    running++;
    started++;
    maxRunning = Math.max(maxRunning, running);
    if (!open) await new Promise<void>((resolve) => waiting.push(resolve));
    running--;
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    app,
    url: `http://127.0.0.1:${address.port}/export`,
    running: () => running,
    maxRunning: () => maxRunning,
    started: () => started,
    releaseAll: () => {
      open = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

let harness: Harness | undefined;
afterEach(async () => {
  harness?.releaseAll();
  await harness?.app.close();
  harness = undefined;
});

describe('export slots', () => {
  it(`runs ${EXPORT_CONCURRENCY} at once, queues ${EXPORT_MAX_WAITING}, refuses the rest in Chinese`, async () => {
    harness = await slotServer();
    const h = harness;
    const burst = EXPORT_CONCURRENCY + EXPORT_MAX_WAITING + 3;
    const responses = Array.from({ length: burst }, () =>
      fetch(h.url).then(async (r) => ({ status: r.status, body: (await r.json()) as { message?: string } })),
    );
    // The refused ones answer while the others are still held.
    await until(() => h.running() === EXPORT_CONCURRENCY);
    const early = await Promise.race([
      Promise.all(responses.map((p) => p.then((r) => r.status))),
      new Promise<'held'>((r) => setTimeout(() => r('held'), 300)),
    ]);
    expect(early).toBe('held');
    h.releaseAll();
    const results = await Promise.all(responses);
    const refused = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200)).toHaveLength(EXPORT_CONCURRENCY + EXPORT_MAX_WAITING);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.body.message).toBe(MESSAGES.exportsBusy);
    expect(h.maxRunning()).toBe(EXPORT_CONCURRENCY);
    // Every slot was given back.
    expect((await fetch(h.url)).status).toBe(200);
  });

  it('gives the slot back when the caller leaves during its export', async () => {
    harness = await slotServer();
    const h = harness;
    const callers = Array.from({ length: EXPORT_CONCURRENCY }, () => new AbortController());
    const held = callers.map((c) => fetch(h.url, { signal: c.signal }).catch(() => 'aborted'));
    await until(() => h.running() === EXPORT_CONCURRENCY);
    for (const c of callers) c.abort();
    expect(await Promise.all(held)).toEqual(callers.map(() => 'aborted'));
    // The departed callers' handlers are still held, yet both slots are free: a new burst starts at once.
    const after = Array.from({ length: EXPORT_CONCURRENCY }, () => fetch(h.url));
    await until(() => h.started() === EXPORT_CONCURRENCY * 2);
    h.releaseAll();
    const statuses = (await Promise.all(after)).map((r) => r.status);
    expect(statuses).toEqual(statuses.map(() => 200));
  });
});
