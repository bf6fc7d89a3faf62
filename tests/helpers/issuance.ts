// Helpers of the issuance tests: Shanghai wall-clock instants, applications waiting for their code, issued sites.

import { issuedCredentials } from '../../src/server/modules/issuance/credentials.ts';
import { issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import { makeApplication } from './factories.ts';
import type { TestApp } from './test-app.ts';

/** An Asia/Shanghai wall-clock time (`2026-11-02T16:00:00`) as an instant. */
export const sh = (local: string) => new Date(`${local}+08:00`);

/** A new-site application finally approved at `finalApprovedAt`, waiting for the batch. */
export function pending(t: TestApp, orgCode: string, finalApprovedAt: Date) {
  return makeApplication(t.ctx.db, { orgCode, state: 'CODE_PENDING', finalApprovedAt });
}

export function siteRow(t: TestApp, id: number) {
  return t.ctx.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Issues one application (approved the day before) by a batch run at `runAt`; returns it with its credentials. */
export async function issuedSite(t: TestApp, orgCode: string, runAt: Date) {
  const app = await pending(t, orgCode, new Date(runAt.getTime() - 30 * 60 * 60 * 1000));
  t.clock.set(runAt);
  const result = await issueCodes(t.ctx, { trigger: 'MANUAL' });
  if (result.errors.length > 0) throw new Error(`issuance failed: ${JSON.stringify(result.errors)}`);
  const creds = await issuedCredentials(t.ctx.db, t.ctx.keys, app.site.id);
  if (!creds || creds.checkCode === null) throw new Error('no credentials issued');
  return { ...app, siteCode: creds.siteCode, checkCode: creds.checkCode };
}
