// 运行状态 of a register entry: the list of values (the source of the TypeScript type, the Kysely column type and
// the database CHECK list).
import { SITE_RUN_STATUSES } from './status-labels.ts';

/** Every run status a `sites` row can hold: an application's two, then a site's (SITE_RUN_STATUSES). */
export const REGISTER_RUN_STATUSES = ['APPLYING', 'WITHDRAWN', ...SITE_RUN_STATUSES] as const;
export type RegisterRunStatus = (typeof REGISTER_RUN_STATUSES)[number];
