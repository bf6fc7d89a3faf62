// What a scheduled job is: a name, an Asia/Shanghai croner pattern, an idempotent handler that takes its own lock, and
// optionally a start-up catch-up. Each job file exports one (or a few) of these; scheduler.ts lists and runs them.
import type { AppContext } from '../server/context.ts';

export interface JobDefinition {
  name: string;
  /** croner pattern with seconds, read in Asia/Shanghai. */
  schedule: string;
  /** Does the work; returns a one-line summary for the log. `signal` aborts at stop(): long jobs end early. */
  run(ctx: AppContext, trigger: 'SCHEDULE' | 'STARTUP', signal?: AbortSignal): Promise<string>;
  /** Asked once at start-up: should the job run now because a scheduled run was missed? */
  runAtStartup?(ctx: AppContext): Promise<boolean>;
}
