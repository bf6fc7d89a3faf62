// 挂接关系维护 over HTTP: root only; preview changes nothing; re-parenting re-routes open steps (approved prefix kept
// where still valid) in the same audited transaction; disabling skips the unit; create/rename/history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication, makeSite, makeSiteRequest } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let root: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  root = await t.loginAs('admin');
});
afterAll(async () => {
  await t?.close();
});

const requestRow = (id: number) =>
  t.ctx.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const orgPath = (code: string) =>
  t.ctx.db.selectFrom('org_units').select('path').where('code', '=', code).executeTakeFirstOrThrow();

describe('access', () => {
  it('refuses every non-root unit', async () => {
    const hebei = await t.loginAs('hebei');
    expect((await hebei.get('/api/org-tree/children?parent=130000')).status).toBe(403);
    const res = await hebei.post('/api/org-tree/units/130302/apply', { action: 'DISABLE' });
    expect(res.status).toBe(403);
  });

  it('lists children with their counts', async () => {
    const res = await root.get('/api/org-tree/children?parent=130300');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { code: string }) => i.code)).toContain('130302');
  });
});

describe('re-parenting a county', () => {
  it('previews without changing anything, then moves the subtree and re-routes its open steps', async () => {
    const app1 = await makeApplication(t.ctx.db, { orgCode: '130302', state: 'IN_REVIEW', stepIndex: 1 });
    const app2 = await makeApplication(t.ctx.db, { orgCode: '130302', state: 'IN_REVIEW', stepIndex: 2 });
    const site = await makeSite(t.ctx.db, { orgCode: '130302', seq: 501 });
    const modify = await makeSiteRequest(t.ctx.db, site.id, { type: 'MODIFY', orgCode: '130302', isPortal: false });
    expect(app1.chain).toEqual(['130302', '130300', '130000']);

    // The old parent sees the application before the move.
    const qhd = await t.loginAs('qinhuangdao');
    expect((await qhd.get(`/api/sites/${app1.site.id}`)).status).toBe(200);

    const preview = await root.post('/api/org-tree/units/130302/preview', { action: 'MOVE', newParentCode: '130400' });
    expect(preview.status).toBe(200);
    expect(preview.body.applied).toBe(false);
    const step1 = preview.body.rerouted.find((s: { requestId: number }) => s.requestId === app1.request.id);
    expect(step1).toMatchObject({
      oldChain: ['130302', '130300', '130000'],
      newChain: ['130302', '130400', '130000'],
      oldStepIndex: 1,
      newStepIndex: 1,
      oldCurrentOrg: '130300',
      newCurrentOrg: '130400',
    });
    // Approved by 130300 at step 1, which is no longer on the route: back to 130400.
    const step2 = preview.body.rerouted.find((s: { requestId: number }) => s.requestId === app2.request.id);
    expect(step2).toMatchObject({ oldStepIndex: 2, newStepIndex: 1, newCurrentOrg: '130400' });
    expect(preview.body.unchangedRequests).toBeGreaterThanOrEqual(1); // the MODIFY stays with 130302
    expect(preview.body.affectedSites.total).toBeGreaterThanOrEqual(3);
    expect((await requestRow(app1.request.id)).current_org).toBe('130300');
    expect((await orgPath('130302')).path).toBe('/bm0100/130000/130300/130302/');

    const applied = await root.post('/api/org-tree/units/130302/apply', { action: 'MOVE', newParentCode: '130400' });
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    expect((await orgPath('130302')).path).toBe('/bm0100/130000/130400/130302/');
    const r1 = await requestRow(app1.request.id);
    expect(r1).toMatchObject({ chain: ['130302', '130400', '130000'], step_index: 1, current_org: '130400' });
    expect(r1.version).toBe(2);
    const r2 = await requestRow(app2.request.id);
    expect(r2).toMatchObject({ step_index: 1, current_org: '130400', state: 'IN_REVIEW' });
    expect((await requestRow(modify.id)).chain).toEqual(['130302']);

    // The old parent has lost the application (404), the province still sees it.
    expect((await qhd.get(`/api/sites/${app1.site.id}`)).status).toBe(404);
    const hebei = await t.loginAs('hebei');
    expect((await hebei.get(`/api/sites/${app1.site.id}`)).status).toBe(200);
    // 130300 cannot approve any more: the step is 130400's now.
    const approve = await qhd.post(`/api/requests/${app1.request.id}/approve`, { version: r1.version });
    expect(approve.status).toBe(404);

    // Audited: one ORG_UNIT entry and one 挂接变更 entry per re-routed request.
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['entity_type', 'action', 'request_id'])
      .where('action', 'in', ['迁移组织单位', '挂接变更'])
      .execute();
    expect(audit.filter((a) => a.entity_type === 'ORG_UNIT')).toHaveLength(1);
    expect(audit.filter((a) => a.request_id === app1.request.id)).toHaveLength(1);

    const history = await root.get('/api/org-tree/history?code=130302');
    expect(history.body.items[0]).toMatchObject({ action: '迁移组织单位', code: '130302' });
    expect(history.body.items[0].comment).toContain('迁移至');
  });

  it('refuses a parent of the wrong level and an unchanged parent', async () => {
    const wrong = await root.post('/api/org-tree/units/130303/apply', { action: 'MOVE', newParentCode: '130000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('只能迁移到上一级');
    const same = await root.post('/api/org-tree/units/130303/apply', { action: 'MOVE', newParentCode: '130300' });
    expect(same.status).toBe(400);
  });
});

describe('disable and enable', () => {
  it('routes open steps around a disabled county and back when it is enabled again', async () => {
    const app = await makeApplication(t.ctx.db, { orgCode: '130303', state: 'SUBMITTED' });
    const preview = await root.post('/api/org-tree/units/130303/preview', { action: 'DISABLE' });
    expect(preview.status).toBe(200);
    expect(preview.body.rerouted[0]).toMatchObject({ newChain: ['130300', '130000'], newCurrentOrg: '130300' });
    const shanhaiguan = await t.loginAs('shanhaiguan');

    const applied = await root.post('/api/org-tree/units/130303/apply', { action: 'DISABLE' });
    expect(applied.status).toBe(200);
    expect(await requestRow(app.request.id)).toMatchObject({ chain: ['130300', '130000'], current_org: '130300' });
    // Its users are signed out by the disabled unit.
    expect((await shanhaiguan.get('/api/org-units')).status).toBe(401);

    const enabled = await root.post('/api/org-tree/units/130303/apply', { action: 'ENABLE' });
    expect(enabled.status).toBe(200);
    expect(await requestRow(app.request.id)).toMatchObject({ chain: ['130303', '130300', '130000'], step_index: 0 });
  });

  it('refuses to disable a unit with enabled children, and the root', async () => {
    expect((await root.post('/api/org-tree/units/130300/apply', { action: 'DISABLE' })).status).toBe(400);
    expect((await root.post('/api/org-tree/units/bm0100/apply', { action: 'DISABLE' })).status).toBe(400);
  });
});

describe('create and rename', () => {
  it('creates a unit one level below its parent, renames it, and keeps the history', async () => {
    const created = await root.post('/api/org-tree/units', {
      code: '130399',
      name: '秦皇岛经济技术开发区管理委员会办公室',
      displayName: '秦皇岛开发区',
      parentCode: '130300',
      principal: null,
      contacts: [{ name: '张三', officePhone: '0335-1234567', mobile: '13912345678', email: 'z@example.gov.cn' }],
    });
    expect(created.status).toBe(200);
    const unit = await root.get('/api/org-tree/units/130399');
    expect(unit.body).toMatchObject({ level: 3, parentCode: '130300', path: '/bm0100/130000/130300/130399/' });
    const duplicate = await root.post('/api/org-tree/units', {
      code: '130399',
      name: 'x',
      displayName: 'x',
      parentCode: '130300',
      principal: null,
      contacts: [],
    });
    expect(duplicate.status).toBe(409);
    const renamed = await root.post('/api/org-tree/units/130399/edit', {
      name: '秦皇岛经济技术开发区管委会办公室',
      displayName: '秦皇岛经开区',
      principal: null,
      contacts: unit.body.contacts,
    });
    expect(renamed.status).toBe(200);
    const history = await root.get('/api/org-tree/history?code=130399');
    expect(history.body.items.map((i: { action: string }) => i.action)).toEqual(['组织单位更名', '新建组织单位']);
    const below = await root.post('/api/org-tree/units', {
      code: '130398',
      name: 'x',
      displayName: 'x',
      parentCode: '130399',
      principal: null,
      contacts: [],
    });
    expect(below.status).toBe(400);
  });
});
