// What every request handler can reach: the database, the clock, the keys and the configuration.
import type { Kysely, Transaction } from 'kysely';
import type { AppConfig } from '../config.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import type { Keys } from './secrets.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

export interface AppContext {
  db: Db;
  dbKind: DatabaseKind;
  clock: Clock;
  keys: Keys;
  config: AppConfig;
}

/** The authenticated caller, resolved from the session cookie on every request. */
export type Actor =
  | { kind: 'ANONYMOUS' }
  | {
      kind: 'ORG_USER';
      userId: number;
      username: string;
      displayName: string;
      role: 'REVIEWER' | 'ADMIN';
      orgCode: string;
      orgName: string;
      orgLevel: number;
      /** Materialised path of the user's org; the caller's subtree is every org whose path starts with it. */
      orgPath: string;
      mustChangePassword: boolean;
    }
  | { kind: 'SITE'; siteCode: string };

export type OrgActor = Extract<Actor, { kind: 'ORG_USER' }>;
export type SiteActor = Extract<Actor, { kind: 'SITE' }>;

/** Who may call a route; every route declares one (enforced when routes are registered). */
export type Access = 'public' | 'org' | 'orgAdmin' | 'root' | 'site' | 'authenticated';
