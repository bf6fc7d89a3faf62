// Heavy exports share a few slots (issue 16 item 5): a route with `config.exportSlot` waits for one of
// EXPORT_CONCURRENCY slots before its handler runs and holds it until its response is closed (a streamed file
// included), so six people exporting the whole tree at once no longer stall every other request. Past
// EXPORT_MAX_WAITING waiting exports the caller is told to try again shortly.

import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import pLimit, { type LimitFunction } from 'p-limit';
import { MESSAGES } from '../../domain/messages/index.ts';
import { AppError } from '../errors.ts';

export const EXPORT_CONCURRENCY = 2;
export const EXPORT_MAX_WAITING = 8;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Runs in one of the process's few export slots (large xlsx files). */
    exportSlot?: boolean;
  }
}

/** Resolves once a slot is held for this reply; the slot is given back when the reply's connection closes. */
function holdSlot(limit: LimitFunction, reply: FastifyReply): Promise<void> {
  return new Promise((acquired, refused) => {
    void limit(
      () =>
        new Promise<void>((release) => {
          const raw = reply.raw;
          if (raw.destroyed || raw.writableFinished) {
            // The caller left while waiting: nothing to export.
            release();
            refused(new AppError('UNAVAILABLE', MESSAGES.exportsBusy));
            return;
          }
          raw.once('close', () => release());
          acquired();
        }),
    );
  });
}

export const exportSlotsPlugin = fp(async (app: FastifyInstance) => {
  const limit = pLimit(EXPORT_CONCURRENCY);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.exportSlot) return;
    if (limit.pendingCount >= EXPORT_MAX_WAITING) throw new AppError('RATE_LIMITED', MESSAGES.exportsBusy);
    await holdSlot(limit, reply);
  });
});
