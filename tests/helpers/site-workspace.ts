// Helpers of the site-workspace tests: a registered site with a signed-in operator, the 基本信息修改 body built
// from the form the server hands out, and the live record as stored.
import { expect } from 'vitest';
import { hashSecret } from '../../src/server/passwords.ts';
import { type MakeSiteOptions, makeSite } from './factories.ts';
import type { TestApp, TestClient } from './test-app.ts';

/** A valid 校验码 (unambiguous alphabet, 8 characters). */
export const CHECK_CODE = 'KMNP2345';
let checkCodeHash: Promise<string> | undefined;
let ipCounter = 0;

export interface Operator {
  site: Awaited<ReturnType<typeof makeSite>>;
  client: TestClient;
}

/** A registered site whose operator is signed in with 标识码 + 校验码. */
export async function operatorOf(t: TestApp, options: MakeSiteOptions): Promise<Operator> {
  const site = await makeSite(t.ctx.db, options);
  checkCodeHash ??= hashSecret(CHECK_CODE);
  await t.ctx.db
    .updateTable('sites')
    .set({ check_code_hash: await checkCodeHash })
    .where('id', '=', site.id)
    .execute();
  ipCounter++;
  const client = t.client({ ip: `10.77.${Math.floor(ipCounter / 200)}.${ipCounter % 200}` });
  const res = await client.post('/api/auth/site-login', { siteCode: site.site_code, checkCode: CHECK_CODE });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { site, client };
}

export interface FormColumn {
  category: string;
  categoryName: string;
  names: string;
  addresses: string;
}

export interface ModificationForm {
  info: Record<string, unknown>;
  columns: FormColumn[];
  requestState: string | null;
  returnReason: string | null;
  ability: { allowed: boolean; reason?: string };
}

export async function openForm(client: TestClient): Promise<ModificationForm> {
  const res = await client.get('/api/site/modification');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ModificationForm;
}

/**
 * The body of 保存草稿 / 提交 from a form: `info` overrides merged in, every 栏目 row 「无」 unless `columns` gives
 * it names and addresses.
 */
export function bodyOf(
  form: ModificationForm,
  change: { info?: Record<string, unknown>; columns?: Record<string, [string, string]> } = {},
) {
  return {
    info: { ...form.info, ...change.info },
    columns: form.columns.map((c) => {
      const given = change.columns?.[c.category];
      if (given) return { category: c.category, names: given[0], addresses: given[1] };
      return { category: c.category, names: c.names || '无', addresses: c.addresses || '无' };
    }),
  };
}

export function putDraft(client: TestClient, body: unknown) {
  return client.request('PUT', '/api/site/modification/draft', body);
}

export function siteRecord(t: TestApp, id: number) {
  return t.ctx.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function requestsOf(t: TestApp, siteId: number) {
  return t.ctx.db.selectFrom('requests').selectAll().where('site_id', '=', siteId).orderBy('id').execute();
}

/** The operator's home. */
export async function homeOf(client: TestClient) {
  const res = await client.get('/api/site/home');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export function actionOf(home: { actions: { key: string }[] }, key: string) {
  const action = home.actions.find((a) => a.key === key);
  if (!action) throw new Error(`no action ${key}`);
  return action as { key: string; label: string; allowed: boolean; reason?: string };
}
