// Boots the system: open and migrate the database, seed the demo on first start, serve, and shut down gracefully.
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config.ts';
import { type Database, migrateToLatest, openDatabase } from './db/database.ts';
import { type Scheduler, startScheduler } from './jobs/scheduler.ts';
import { isDatabaseEmpty, seedDemo } from './seed/demo.ts';
import { seedDemoWithSites } from './seed/demo-sites.ts';
import { buildApp } from './server/app.ts';
import { type Clock, systemClock } from './server/clock.ts';
import type { AppContext } from './server/context.ts';
import { loadKeys } from './server/secrets.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  /** The job scheduler (null when GOVSITE_JOBS is off); tests await its start-up catch-up. */
  scheduler: Scheduler | null;
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  config: AppConfig,
  options: {
    clock?: Clock;
    logger?: boolean;
    onSeeded?: (summary: string) => void;
    /** Seed the demo sites too when the demo is seeded (npm start); tests get the tree and accounts only. */
    demoSites?: boolean;
  } = {},
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const keys = await loadKeys(database.db, config.secret);
    if (config.seedDemoOnEmpty && (await isDatabaseEmpty(database.db))) {
      const now = (options.clock ?? systemClock).now();
      const summary = options.demoSites
        ? await seedDemoWithSites(database.db, { keys, config, dbKind: database.kind }, now)
        : await seedDemo(database.db, now);
      options.onSeeded?.(summary);
    }
    const ctx: AppContext = {
      db: database.db,
      dbKind: database.kind,
      clock: options.clock ?? systemClock,
      keys,
      config,
    };
    const app = await buildApp(ctx, {
      logger:
        options.logger === false
          ? false
          : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    });
    await app.listen({ host: config.host, port: config.port });
    // The 16:00 batch and the other jobs (with the start-up catch-up), on every instance: each job takes its own lock.
    const scheduler: Scheduler | null = config.jobsEnabled ? startScheduler(ctx, { logger: app.log }) : null;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      scheduler,
      url: `http://${shownHost}:${port}`,
      close: () => {
        closing ??= (async () => {
          await scheduler?.stop();
          await app.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
