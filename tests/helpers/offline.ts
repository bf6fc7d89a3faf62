// Helpers of the offline tests: registered sites whose 填报单位 can log in, Shanghai days, and the rows each side sees.
import { expect } from 'vitest';
import type { RunStatus } from '../../src/db/schema.ts';
import type { OfflineRow } from '../../src/server/modules/offline/schema.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { type MakeSiteOptions, makeSite } from './factories.ts';
import type { TestApp, TestClient } from './test-app.ts';

export const CHECK_CODE = 'OFFLN234';
let checkCodeHash: Promise<string> | null = null;
let ipCounter = 0;

/** An Asia/Shanghai wall-clock time (`2026-11-02T00:00:00`) as an instant. */
export const sh = (local: string) => new Date(`${local}+08:00`);

export interface OperatorSite {
  id: number;
  siteCode: string;
  name: string;
  client: TestClient;
}

/** A registered site (with 标识码 and a known 校验码) and its logged-in 填报单位 client. */
export async function operatorSite(t: TestApp, o: MakeSiteOptions = {}): Promise<OperatorSite> {
  checkCodeHash ??= hashSecret(CHECK_CODE);
  const site = await makeSite(t.ctx.db, { orgCode: '130302', ...o });
  const siteCode = site.site_code;
  if (!siteCode) throw new Error('no site code');
  await t.ctx.db
    .updateTable('sites')
    .set({ check_code_hash: await checkCodeHash })
    .where('id', '=', site.id)
    .execute();
  const client = t.client({ ip: `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });
  const res = await client.post('/api/auth/site-login', { siteCode, checkCode: CHECK_CODE });
  if (res.status !== 200) throw new Error(`site login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: site.id, siteCode, name: site.name, client };
}

export async function siteRow(t: TestApp, id: number) {
  return t.ctx.db
    .selectFrom('sites')
    .select(['run_status', 'run_status_until', 'version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function runStatusOf(t: TestApp, id: number): Promise<{ status: RunStatus; until: string | null }> {
  const row = await t.ctx.db
    .selectFrom('sites')
    .select(['run_status'])
    .select((eb) => eb.fn<string | null>('to_char', [eb.ref('run_status_until'), eb.val('YYYY-MM-DD')]).as('until'))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { status: row.run_status, until: row.until };
}

/** The 下线审核 row of `siteName` as `client`'s unit sees it. */
export async function offlineRowOf(client: TestClient, siteName: string) {
  const res = await client.get(`/api/offline-requests?name=${encodeURIComponent(siteName)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const row = (res.body.items as OfflineRow[]).find((r) => r.siteName === siteName);
  if (!row) throw new Error(`the unit does not see the offline request of ${siteName}`);
  return row;
}

/** The 政府网站和栏目基本信息表 row (列表状态) of `siteName` as `client`'s unit sees it. */
export async function siteListRowOf(client: TestClient, siteName: string) {
  const res = await client.get(`/api/sites?name=${encodeURIComponent(siteName)}&includeDeleted=true`);
  expect(res.status).toBe(200);
  return (res.body.items as { name: string; listStatus: string; runStatus: string }[]).find((r) => r.name === siteName);
}

/** Applies through the chain: each of `clients` approves in turn. */
export async function approveThrough(clients: TestClient[], requestId: number): Promise<void> {
  for (const c of clients) {
    const res = await c.post(`/api/offline-requests/${requestId}/approve`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

export async function auditOf(t: TestApp, requestId: number) {
  return t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'actor_type', 'actor_name', 'from_state', 'to_state', 'comment', 'entity_type'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}
