// 上报抽查情况's 关停网站数 (SPEC §9.3) counts a site in the quarter its 永久下线 was completed, read from the site's
// run-status 审核流水 entry — not in the quarter of its last unrelated update. (The count used to look for
// to_state = 'PERM_OFFLINE', which holds the Chinese label, so every closed site fell back to updated_at.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRunStatus } from '../../src/server/modules/offline/run-status.ts';
import { makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let hebei: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const site = await makeSite(t.ctx.db, {
    orgCode: '130302',
    seq: 700,
    runStatus: 'PERM_OFFLINE_PENDING',
    at: new Date('2026-04-10T02:00:00Z'),
  });
  const siteCode = site.site_code as string;
  // 完成下线 on 2026-08-10 (Q3) through the one run-status writer, as the offline flow does.
  const closed = await t.ctx.db.transaction().execute((trx) =>
    changeRunStatus(trx, {
      site: { id: site.id, siteCode, runStatus: 'PERM_OFFLINE_PENDING' },
      cause: 'COMPLETE_OFFLINE',
      until: null,
      now: new Date('2026-08-10T02:00:00Z'),
      actor: { kind: 'SITE', siteCode },
      requestId: null,
      comment: null,
      ip: null,
    }),
  );
  expect(closed).toBe(true);
  // A later, unrelated update of the row (Q4).
  await t.ctx.db
    .updateTable('sites')
    .set({ updated_at: new Date('2026-10-20T02:00:00Z') })
    .where('id', '=', site.id)
    .execute();
  hebei = await t.loginAs('hebei');
});
afterAll(async () => {
  await t?.close();
});

describe('关停网站数', () => {
  it('counts the site in the quarter of its 完成下线, not of its last update', async () => {
    const q3 = await hebei.get('/api/spot-checks/report?year=2026&quarter=3');
    expect(q3.status).toBe(200);
    expect(q3.body.closedSites).toBe(1);
    const q4 = await hebei.get('/api/spot-checks/report?year=2026&quarter=4');
    expect(q4.status).toBe(200);
    expect(q4.body.closedSites).toBe(0);
  });
});
