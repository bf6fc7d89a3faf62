// 基本信息修改 over HTTP on a real database: draft → submit → review by the right unit (本级 for a department site,
// 上级 for a portal) with the diff, approval applying exactly the change set, 退回 with its reason, 栏目 rules,
// one open request per site, and visibility outside the review line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../helpers/factories.ts';
import { type ReviewKit, reviewKit } from '../helpers/review.ts';
import {
  actionOf,
  bodyOf,
  homeOf,
  openForm,
  operatorOf,
  putDraft,
  requestsOf,
  siteRecord,
} from '../helpers/site-workspace.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let k: ReviewKit;
beforeAll(async () => {
  t = await createTestApp();
  k = await reviewKit(t);
});
afterAll(async () => {
  await t?.close();
});

const ZWDT: [string, string] = ['要闻；部门动态', 'https://hgjy.example.gov.cn/yw/；https://hgjy.example.gov.cn/bmdt/'];
const TZGG: [string, string] = ['通知公告', 'https://hgjy.example.gov.cn/tzgg/'];

describe('a department site under 130302', () => {
  it('is reviewed by 130302 itself: draft, submit, diff, approve applies exactly the change set', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区教育局网站' });
    const home = await homeOf(client);
    expect(home.reviewers.modification).toMatchObject({ code: '130302', relation: '本级' });
    expect(home.reviewers.portal).toMatchObject({ code: '130300', relation: '上级' });
    expect(home.reviewers.modification.contacts.length).toBeGreaterThan(0);
    expect(home.modificationStatus).toBe('');
    // The offline module appends its own buttons after these.
    expect(home.actions.map((a: { label: string }) => a.label).slice(0, 6)).toEqual([
      '申请门户网站',
      '申请政务服务平台',
      '基本信息修改',
      '维护/添加其他域名',
      '撤回申请',
      '查看审核流水',
    ]);
    expect(actionOf(home, 'withdraw')).toMatchObject({ allowed: false, reason: '没有可撤回的申请' });

    // First time: no 栏目 yet, one row per active category in dictionary order.
    const form = await openForm(client);
    expect(form.columns).toHaveLength(16);
    expect(form.columns[0]).toMatchObject({ category: 'GK', categoryName: '概况信息', names: '', addresses: '' });
    expect(form.info).not.toHaveProperty('orgCode');
    const body = bodyOf(form, { info: { sponsorName: '秦皇岛市海港区教育局' }, columns: { ZWDT, TZGG } });

    const before = await siteRecord(t, site.id);
    const draft = await putDraft(client, body);
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ state: 'DRAFT', statusLabel: '草稿（未提交）', errors: [] });
    const drafted = await homeOf(client);
    expect(drafted.modificationStatus).toBe('草稿（未提交）');
    expect(actionOf(drafted, 'modify').allowed).toBe(true);
    expect(actionOf(drafted, 'portal')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('“基本信息修改”（草稿（未提交））'),
    });
    // A draft is not the organizing unit's business (a factory site has no request at all).
    expect((await k.rowOf('haigang', '海港区教育局网站')).orgStatus).toBe('');
    expect((await openForm(client)).info).toMatchObject({ sponsorName: '秦皇岛市海港区教育局' });

    const submitted = await client.post('/api/site/modification/submit', body);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'SUBMITTED', statusLabel: '修改未审核' });
    const [req] = await requestsOf(t, site.id);
    expect(req).toMatchObject({ type: 'MODIFY', state: 'SUBMITTED', chain: ['130302'], current_org: '130302' });
    expect(await siteRecord(t, site.id)).toEqual(before);
    expect((await homeOf(client)).modificationStatus).toBe('修改未审核');

    const row = await k.rowOf('haigang', '海港区教育局网站');
    expect(row).toMatchObject({ orgStatus: '办结后修改', waitingForMe: true });
    expect(row.abilities).toMatchObject({
      approveModification: { allowed: true },
      returnModification: { allowed: true },
    });
    const waiting = await k.as('haigang').get('/api/sites?waitingForMe=true&pageSize=100');
    expect(waiting.body.items.map((r: { name: string }) => r.name)).toContain('海港区教育局网站');
    const upper = await k.rowOf('qinhuangdao', '海港区教育局网站');
    expect(upper).toMatchObject({ orgStatus: '办结后修改', waitingForMe: false });
    expect(upper.abilities).toMatchObject({
      approveModification: { allowed: false, reason: '该申请不由本单位审核' },
    });

    const diff = await k.as('haigang').get(`/api/requests/${req!.id}/change-set`);
    expect(diff.status).toBe(200);
    expect(diff.body.staleWarning).toBeNull();
    expect(diff.body.fields.filter((f: { changed: boolean }) => f.changed)).toEqual([
      {
        field: 'sponsorName',
        label: '主办单位',
        before: '海港区教育局网站主办单位',
        after: '秦皇岛市海港区教育局',
        changed: true,
      },
    ]);
    const changedColumns = diff.body.columns.filter((c: { changed: boolean }) => c.changed);
    expect(changedColumns.map((c: { categoryName: string }) => c.categoryName)).toEqual(
      expect.arrayContaining(['政务动态', '通知公告']),
    );
    const zwdt = changedColumns.find((c: { category: string }) => c.category === 'ZWDT');
    expect(zwdt.entries.map((e: { kind: string }) => e.kind)).toEqual(['added', 'added']);

    // Outside the review line: the sibling county and another province see nothing, the city may not decide.
    for (const user of ['shanhaiguan', 'hubei']) {
      expect((await k.as(user).get(`/api/sites/${site.id}`)).status).toBe(404);
      expect((await k.as(user).get(`/api/requests/${req!.id}/change-set`)).status).toBe(404);
      expect((await k.as(user).post(`/api/requests/${req!.id}/approve`, {})).status).toBe(404);
      expect((await k.as(user).post(`/api/requests/${req!.id}/return`, { reason: '不行' })).status).toBe(404);
    }
    expect((await k.as('qinhuangdao').post(`/api/requests/${req!.id}/approve`, {})).status).toBe(403);
    expect(await siteRecord(t, site.id)).toEqual(before);

    const approved = await k.as('haigang').post(`/api/requests/${req!.id}/approve`, { version: req!.version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ state: 'DONE', orgStatus: '已办结' });
    const after = await siteRecord(t, site.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.sponsor_name).toBe('秦皇岛市海港区教育局');
    expect({ ...after.info, sponsorName: null }).toEqual({ ...before.info, sponsorName: null });
    expect(after.columns).toHaveLength(16);
    expect(after.columns).toContainEqual({
      category: 'ZWDT',
      categoryName: '政务动态',
      names: ZWDT[0],
      addresses: ZWDT[1],
    });
    const { sponsor_name, info, columns, version, updated_at, ...rest } = after;
    const { sponsor_name: _s, info: _i, columns: _c, version: _v, updated_at: _u, ...restBefore } = before;
    expect(rest).toEqual(restBefore);

    const done = await homeOf(client);
    expect(done.modificationStatus).toBe('修改审核通过');
    expect(done.site.sponsorName).toBe('秦皇岛市海港区教育局');
    expect(done.audit.map((e: { action: string }) => e.action)).toEqual(['提交基本信息修改', '办结修改审核通过']);
    // The operator reads its own labels (SPEC §7.8); the units read theirs.
    expect(done.audit[1]).toMatchObject({ from: '修改未审核', to: '修改审核通过' });
    const orgTrail = await k.as('haigang').get(`/api/sites/${site.id}/audit`);
    expect(orgTrail.body.items[1]).toMatchObject({ from: '办结后修改', to: '已办结' });
    expect((await k.rowOf('haigang', '海港区教育局网站')).orgStatus).toBe('已办结');
  });

  it('returns with a reason: the live record stays, the operator sees the reason and resubmits', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区卫健局网站' });
    const before = await siteRecord(t, site.id);
    const body = bodyOf(await openForm(client), { info: { sponsorAddress: '海港区文化路 1 号' } });
    expect((await client.post('/api/site/modification/submit', body)).status).toBe(200);
    const [req] = await requestsOf(t, site.id);
    expect((await k.as('haigang').post(`/api/requests/${req!.id}/return`, {})).status).toBe(400);
    const returned = await k.as('haigang').post(`/api/requests/${req!.id}/return`, { reason: '地址不完整' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'RETURNED', orgStatus: '修改后审核未通过' });
    expect(await siteRecord(t, site.id)).toMatchObject({ info: before.info, version: before.version });

    const home = await homeOf(client);
    expect(home.modificationStatus).toBe('修改后审核未通过');
    expect(home.request).toMatchObject({ state: 'RETURNED', returnReason: '地址不完整' });
    expect(home.audit.at(-1)).toMatchObject({ action: '办结修改审核退回', comment: '地址不完整' });
    expect(actionOf(home, 'modify').allowed).toBe(true);
    const form = await openForm(client);
    expect(form).toMatchObject({ requestState: 'RETURNED', returnReason: '地址不完整' });
    expect(form.info).toMatchObject({ sponsorAddress: '海港区文化路 1 号' });

    const again = await client.post(
      '/api/site/modification/submit',
      bodyOf(form, { info: { sponsorAddress: '海港区文化路 1 号 3 层' } }),
    );
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.requestId).toBe(req!.id);
    expect((await requestsOf(t, site.id)).map((r) => r.state)).toEqual(['SUBMITTED']);
    expect((await k.rowOf('haigang', '海港区卫健局网站')).orgStatus).toBe('办结后修改');
  });

  it('refuses a second request while one is open, saying which', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区民政局网站' });
    const form = await openForm(client);
    expect(
      (await client.post('/api/site/modification/submit', bodyOf(form, { info: { maintainerName: '某运维公司' } })))
        .status,
    ).toBe(200);
    const reason =
      '该网站已有未办结的申请“基本信息修改”（修改未审核），同一网站同一时间只能有一个申请；请等待审核完成或撤回后再申请';
    const portal = await client.post('/api/site/portal', { isPortal: true });
    expect(portal.status).toBe(409);
    expect(portal.body.message).toBe(reason);
    const domains = await client.post('/api/site/domains', { hosts: ['mzj.example.gov.cn'] });
    expect(domains.body.message).toBe(reason);
    const draft = await putDraft(client, bodyOf(form));
    expect(draft.status).toBe(409);
    expect(draft.body.message).toContain('请先撤回');
    const home = await homeOf(client);
    for (const key of ['portal', 'servicePlatform', 'domains'])
      expect(actionOf(home, key)).toMatchObject({ allowed: false, reason });
    expect(actionOf(home, 'withdraw').allowed).toBe(true);
    expect(await requestsOf(t, site.id)).toHaveLength(1);

    // Another site's operator cannot touch it, nor learn that it exists.
    const other = await operatorOf(t, { orgCode: '130303', name: '山海关区民政局网站' });
    const foreign = await other.client.post(`/api/site/requests/${home.request.id}/withdraw`, {});
    expect(foreign.status).toBe(404);
    expect((await requestsOf(t, site.id))[0]!.state).toBe('SUBMITTED');

    // Withdrawn, the site is free again.
    const withdrawn = await client.post(`/api/site/requests/${home.request.id}/withdraw`, {});
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'WITHDRAWN', statusLabel: '已撤回' });
    expect(actionOf(await homeOf(client), 'portal').allowed).toBe(true);
  });
});

describe('a portal site under 130302', () => {
  it('is reviewed by the parent 130300; 130302 may not decide it', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区人民政府网站', isPortal: true });
    const home = await homeOf(client);
    expect(home.reviewers.modification).toMatchObject({ code: '130300', relation: '上级' });
    expect(home.reviewers.portal).toMatchObject({ code: '130302', relation: '本级' });
    expect(actionOf(home, 'portal').label).toBe('申请取消门户网站');
    const res = await client.post(
      '/api/site/modification/submit',
      bodyOf(await openForm(client), { info: { name: '秦皇岛市海港区人民政府网站' } }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [req] = await requestsOf(t, site.id);
    expect(req!.chain).toEqual(['130300']);
    expect((await k.as('haigang').post(`/api/requests/${req!.id}/approve`, {})).status).toBe(403);
    expect((await k.as('shanhaiguan').post(`/api/requests/${req!.id}/approve`, {})).status).toBe(404);
    const ok = await k.as('qinhuangdao').post(`/api/requests/${req!.id}/approve`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await siteRecord(t, site.id)).toMatchObject({
      name: '秦皇岛市海港区人民政府网站',
      name_key: '秦皇岛市海港区人民政府网站',
      is_portal: true,
    });
  });
});

describe('checks', () => {
  it('refuses 栏目 lists with unequal counts, an empty address, or 「无」 on one side, naming the category', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区文旅局网站' });
    const form = await openForm(client);
    const cases: [Record<string, [string, string]>, string[]][] = [
      [{ ZWDT: ['要闻；动态', 'https://wl.example.gov.cn/yw/'] }, ['政务动态', '栏目名称 2 个，栏目地址 1 个']],
      [{ TZGG: ['公告；通知', 'https://wl.example.gov.cn/gg/；'] }, ['通知公告', '栏目地址第 2 项为空']],
      [{ HDFT: ['无', 'https://wl.example.gov.cn/ft/'] }, ['互动访谈类', '须同时填写“无”']],
      [{ BSXT: ['在线办事', 'wl.example.gov.cn/bs/ 在线'] }, ['在线办事系统']],
    ];
    for (const [columns, words] of cases) {
      const res = await client.post('/api/site/modification/submit', bodyOf(form, { columns }));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      for (const word of words) expect(res.body.message).toContain(word);
      expect(res.body.details.fields[0].field).toBe(`columns.${Object.keys(columns)[0]}`);
    }
    expect(await requestsOf(t, site.id)).toEqual([]);
    // A draft keeps what was typed and lists the problems.
    const draft = await putDraft(client, bodyOf(form, { columns: cases[0]![0] }));
    expect(draft.status).toBe(200);
    expect(draft.body.errors[0].message).toContain('政务动态');
  });

  it('warns when the live record changed after submission, and refuses a name taken meanwhile', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区水务局网站' });
    const res = await client.post(
      '/api/site/modification/submit',
      bodyOf(await openForm(client), { info: { name: '海港区水利局网站' } }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [req] = await requestsOf(t, site.id);
    await t.ctx.db
      .updateTable('sites')
      .set({ version: site.id + 100 })
      .where('id', '=', site.id)
      .execute();
    const diff = await k.as('haigang').get(`/api/requests/${req!.id}/change-set`);
    expect(diff.body.staleWarning).toContain('已发生变化');

    const other = await makeSite(t.ctx.db, { orgCode: '130303', name: '海港区水利局网站' });
    const refused = await k.as('haigang').post(`/api/requests/${req!.id}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(`已登记网站“海港区水利局网站”（标识码 ${other.site_code}）`);
    expect((await requestsOf(t, site.id))[0]!.state).toBe('SUBMITTED');
    expect((await siteRecord(t, site.id)).name).toBe('海港区水务局网站');
  });

  it('refuses a submission that changes nothing, and a name of another site', async () => {
    const { site, client } = await operatorOf(t, { orgCode: '130302', name: '海港区审计局网站' });
    const none = (await openForm(client)).columns.map((c) => ({ ...c, names: '无', addresses: '无' }));
    await t.ctx.db
      .updateTable('sites')
      .set({
        columns: JSON.stringify(
          none.map(({ category, categoryName, names, addresses }) => ({ category, categoryName, names, addresses })),
        ),
      })
      .where('id', '=', site.id)
      .execute();
    const form = await openForm(client);
    const same = await client.post('/api/site/modification/submit', bodyOf(form));
    expect(same.status).toBe(400);
    expect(same.body.message).toBe('与当前登记的信息相比没有任何修改，无需提交');

    const taken = await makeSite(t.ctx.db, { orgCode: '130302', name: '海港区统计局网站' });
    const res = await client.post(
      '/api/site/modification/submit',
      bodyOf(form, { info: { name: '海港区统计局网站' } }),
    );
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`（标识码 ${taken.site_code}）重名`);
    expect(await requestsOf(t, site.id)).toEqual([]);
  });
});
