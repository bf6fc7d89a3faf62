// New-site applications over HTTP on a real database: submission, duplicates, idempotency, the portal rule,
// the 临时码 progress query and its rate limit, and the applicant's resubmit / withdraw of a returned application.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWellFormedTempCode } from '../../src/domain/codes.ts';
import { DAY, MINUTE } from '../../src/server/clock.ts';
import { makeSite, sampleInfo } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let seq = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A unique county-department site under `orgCode` (default 海港区, 130302). */
function info(o: { name?: string; homeUrl?: string; orgCode?: string; isPortal?: boolean } = {}) {
  seq++;
  return sampleInfo({
    name: o.name ?? `海港区测试局${seq}网站`,
    homeUrl: o.homeUrl ?? `https://dept${seq}.hg.gov.cn/`,
    orgCode: o.orgCode ?? '130302',
    isPortal: o.isPortal ?? false,
  });
}

function submit(c: TestClient, body: unknown, key: string = randomUUID()) {
  return c.post('/api/public/applications', body, { headers: { 'idempotency-key': key } });
}

async function submitOk(body = info(), c = t.client()) {
  const res = await submit(c, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { tempCode: string; firstReviewer: { code: string; name: string } };
}

async function requestOf(tempCodeSiteName: string) {
  return t.ctx.db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select([
      'r.id',
      'r.state',
      'r.step_index',
      'r.current_org',
      'r.chain',
      'r.version',
      's.id as site_id',
      's.run_status',
    ])
    .where('s.name', '=', tempCodeSiteName)
    .executeTakeFirstOrThrow();
}

describe('submitting a new-site application', () => {
  it('creates the application for a county department site and answers with a 临时码 and the first reviewer', async () => {
    const body = info();
    const res = await submitOk(body);
    expect(isWellFormedTempCode(res.tempCode)).toBe(true);
    expect(res.firstReviewer).toEqual({ code: '130302', name: '海港区人民政府办公室' });

    const row = await requestOf(body.name);
    expect(row).toMatchObject({ state: 'SUBMITTED', step_index: 0, current_org: '130302', run_status: 'APPLYING' });
    expect(row.chain).toEqual(['130302', '130300', '130000']);
    const stored = await t.ctx.db.selectFrom('requests').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored.temp_code_digest).not.toContain(res.tempCode);
    expect(JSON.stringify(stored.payload)).not.toContain(res.tempCode);
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('request_id', '=', row.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: '提交', actor_type: 'APPLICANT', to_state: 'SUBMITTED' });
  });

  it('lets the applicant query progress: 「审核中」 at 海港区人民政府办公室, with days waited', async () => {
    const { tempCode } = await submitOk();
    const c = t.client({ ip: '10.3.0.1' });
    const res = await c.post('/api/public/progress', { tempCode: tempCode.toLowerCase().replace(/(.{4})/g, '$1-') });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe('审核中');
    expect(res.body.holder).toMatchObject({ code: '130302', name: '海港区人民政府办公室', daysWaiting: 0 });
    expect(res.body.holder.officePhone).toMatch(/^0\d{2,3}-\d{7,8}/);
    expect(res.body.passedSteps).toEqual([]);
    expect(res.body.chain.map((o: { name: string }) => o.name)).toEqual([
      '海港区人民政府办公室',
      '秦皇岛市人民政府办公室',
      '河北省人民政府办公厅',
    ]);
    expect(res.body).toMatchObject({ canWithdraw: true, canResubmit: false, credentials: null });
    t.clock.advance(3 * DAY);
    const later = await c.post('/api/public/progress', { tempCode });
    expect(later.body.holder.daysWaiting).toBe(3);
  });

  it('refuses invalid information with messages at the fields', async () => {
    const body = info();
    const res = await submit(t.client(), { ...body, principal: { ...body.principal, mobile: '12345' } });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([
      { field: 'principal.mobile', message: expect.stringContaining('网站负责人手机号码格式不正确') },
    ]);
    const unknownOrg = await submit(t.client(), { ...body, orgCode: '139999' });
    expect(unknownOrg.status).toBe(400);
    expect(unknownOrg.body.details.fields[0]).toMatchObject({ field: 'orgCode' });
  });

  it('requires an idempotency key', async () => {
    const res = await t.client().post('/api/public/applications', info());
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('idempotency-key');
  });
});

describe('duplicate name and URL (SPEC §5.5)', () => {
  it('refuses a name or URL of an open application and names it', async () => {
    const first = info();
    await submitOk(first);
    const sameName = await submit(t.client(), { ...info(), name: first.name });
    expect(sameName.status).toBe(409);
    expect(sameName.body.message).toBe(`网站名称与正在申请中的网站“${first.name}”重名`);
    expect(sameName.body.details.fields).toEqual([{ field: 'name', message: sameName.body.message }]);
    const sameUrl = await submit(t.client(), { ...info(), homeUrl: first.homeUrl });
    expect(sameUrl.status).toBe(409);
    expect(sameUrl.body.message).toBe(`首页网址与正在申请中的网站“${first.name}”的首页网址重复`);
  });

  it('refuses the URL of a registered site in every spelling that keeps www, naming its 标识码', async () => {
    const site = await makeSite(t.ctx.db, { homeUrl: 'https://www.hgjyj.gov.cn/', seq: 8801 });
    for (const variant of [
      'https://www.hgjyj.gov.cn',
      'https://www.hgjyj.gov.cn/index.html',
      'https://WWW.HGJYJ.GOV.CN/',
      'http://www.hgjyj.gov.cn:80/',
      'https://www.hgjyj.gov.cn:443/',
    ]) {
      const res = await submit(t.client(), { ...info(), homeUrl: variant });
      expect(res.status, variant).toBe(409);
      expect(res.body.message).toBe(`首页网址与已登记网站“${site.name}”（标识码 ${site.site_code}）的首页网址重复`);
    }
    const check = await t.client().post('/api/public/applications/check-duplicates', {
      name: `  ${site.name} `,
      homeUrl: 'https://hgjyj.gov.cn/',
    });
    expect(check.status).toBe(200);
    expect(check.body.conflicts).toEqual([
      {
        field: 'name',
        message: `网站名称与已登记网站“${site.name}”（标识码 ${site.site_code}）重名`,
        siteName: site.name,
        siteCode: site.site_code,
      },
    ]);
    // Without www. it may be another site: a warning, not a refusal.
    expect(check.body.warnings[0].message).toContain('只差“www.”');
    await submitOk({ ...info(), homeUrl: 'https://hgjyj.gov.cn/' });
  });

  it('refuses a host registered as another site’s 其他域名', async () => {
    const site = await makeSite(t.ctx.db, { seq: 8802 });
    await t.ctx.db.insertInto('site_domains').values({ host: 'old.hgdomain.gov.cn', site_id: site.id }).execute();
    const res = await submit(t.client(), { ...info(), homeUrl: 'http://old.hgdomain.gov.cn/portal/' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`已登记为已登记网站“${site.name}”（标识码 ${site.site_code}）的其他域名`);
  });

  it('lets one of two concurrent applications with one name (different orgs) win; the other is told why', async () => {
    for (let round = 0; round < 3; round++) {
      const name = `并发重名测试网站${round}`;
      const results = await Promise.all([
        submit(t.client(), { ...info({ orgCode: '130302' }), name }),
        submit(t.client(), { ...info({ orgCode: '130304' }), name }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.message).toBe(`网站名称与正在申请中的网站“${name}”重名`);
    }
  });

  it('frees the name of a permanently offline site', async () => {
    const site = await makeSite(t.ctx.db, { seq: 8803, runStatus: 'PERM_OFFLINE' });
    await submitOk({ ...info(), name: site.name });
  });
});

describe('idempotent submission', () => {
  it('answers a repeat with the same key with the same 临时码 and creates nothing new', async () => {
    const body = info();
    const key = randomUUID();
    const c = t.client();
    const a = await submit(c, body, key);
    const b = await submit(c, body, key);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.tempCode).toBe(a.body.tempCode);
    const n = await t.ctx.db.selectFrom('sites').select('id').where('name', '=', body.name).execute();
    expect(n).toHaveLength(1);
    const other = await submit(c, { ...body, sponsorName: '另一个主办单位' }, key);
    expect(other.status).toBe(409);
  });

  it('creates one application for two concurrent requests with one key', async () => {
    const body = info();
    const key = randomUUID();
    const [a, b] = await Promise.all([submit(t.client(), body, key), submit(t.client(), body, key)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.tempCode).toBe(b.body.tempCode);
    const rows = await t.ctx.db.selectFrom('sites').select('id').where('name', '=', body.name).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('one portal per organizing unit', () => {
  it('refuses a second portal for an org that has one', async () => {
    const portal = await makeSite(t.ctx.db, { isPortal: true, orgCode: '130302', seq: 8804 });
    const res = await submit(t.client(), info({ isPortal: true }));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`已登记网站“${portal.name}”（标识码 ${portal.site_code}）`);
    expect(res.body.message).toContain('每个组织单位只能有一个本级政府门户网站');
    expect(res.body.details.fields[0].field).toBe('isPortal');
  });

  it('lets exactly one of two concurrent portal applications for one org win', async () => {
    const results = await Promise.all([
      submit(t.client(), info({ orgCode: '130303', isPortal: true })),
      submit(t.client(), info({ orgCode: '130303', isPortal: true })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.message).toContain('正在申请中的网站');
    const open = await t.ctx.db
      .selectFrom('sites')
      .select('id')
      .where('org_code', '=', '130303')
      .where('is_portal', '=', true)
      .execute();
    expect(open).toHaveLength(1);
  });
});

describe('the 临时码 query rate limit', () => {
  it('refuses an IP after 10 wrong codes in 15 minutes, also for a right code', async () => {
    const { tempCode } = await submitOk();
    const c = t.client({ ip: '10.66.0.1' });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await c.post('/api/public/progress', { tempCode: i % 2 ? 'ABCDEFGHJKMN' : 'not a code' });
      statuses.push(res.status);
      if (res.status === 404) expect(res.body.message).toContain('临时码不正确');
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    const blocked = await c.post('/api/public/progress', { tempCode });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toBe('查询过于频繁，请稍后再试');
    expect((await t.client({ ip: '10.66.0.2' }).post('/api/public/progress', { tempCode })).status).toBe(200);
    t.clock.advance(16 * MINUTE);
    expect((await c.post('/api/public/progress', { tempCode })).status).toBe(200);
  });
});

describe('progress through the chain', () => {
  it('shows passed steps with their approval time and the next holder', async () => {
    const body = info();
    const { tempCode } = await submitOk(body);
    const row = await requestOf(body.name);
    const at = t.clock.now();
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('requests')
        .set({ state: 'IN_REVIEW', step_index: 1, current_org: '130300', step_entered_at: at })
        .where('id', '=', row.id)
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          at,
          actor_type: 'ORG_USER',
          actor_org_code: '130302',
          actor_user_id: null,
          actor_name: '海港区审核员',
          action: '审核通过',
          entity_type: 'REQUEST',
          entity_id: String(row.id),
          request_id: row.id,
          from_state: 'SUBMITTED',
          to_state: 'IN_REVIEW',
          comment: null,
          data: null,
          ip: null,
        })
        .execute();
    });
    const res = await t.client().post('/api/public/progress', { tempCode });
    expect(res.body.text).toBe('审核中');
    expect(res.body.passedSteps).toEqual([
      { code: '130302', name: '海港区人民政府办公室', approvedAt: at.toISOString() },
    ]);
    expect(res.body.holder).toMatchObject({ code: '130300', name: '秦皇岛市人民政府办公室' });
    expect(res.body.canWithdraw).toBe(false);
    const withdraw = await t.client().post('/api/public/applications/withdraw', { tempCode });
    expect(withdraw.status).toBe(409);

    await t.ctx.db
      .updateTable('requests')
      .set({ state: 'CODE_PENDING', step_index: 2, current_org: null, final_approved_at: t.clock.now() })
      .where('id', '=', row.id)
      .execute();
    const pending = await t.client().post('/api/public/progress', { tempCode });
    expect(pending.body.text).toBe('审核通过，网站标识码还未生成，将于今天生成');
    expect(pending.body.holder).toBeNull();
    expect(pending.body.passedSteps).toHaveLength(3);
  });
});

describe('a returned application', () => {
  async function submitAndReturn(reason: string) {
    const body = info();
    const { tempCode } = await submitOk(body);
    const row = await requestOf(body.name);
    await t.ctx.db
      .updateTable('requests')
      .set({ state: 'RETURNED', current_org: null, return_reason: reason, version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    return { body, tempCode, row };
  }

  it('is opened, corrected and resubmitted with its 临时码, back at chain[0] 「审核中」', async () => {
    const { body, tempCode, row } = await submitAndReturn('负责人手机号码有误');
    const c = t.client();
    const progress = await c.post('/api/public/progress', { tempCode });
    expect(progress.body.text).toBe('审核未通过：负责人手机号码有误');
    expect(progress.body).toMatchObject({ state: 'RETURNED', canResubmit: true, canWithdraw: true, holder: null });

    const opened = await c.post('/api/public/applications/open', { tempCode });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ editable: true, returnReason: '负责人手机号码有误' });
    expect(opened.body.info.name).toBe(body.name);

    const corrected = {
      ...opened.body.info,
      name: `${body.name}（更正）`,
      principal: { ...body.principal, mobile: '13700001111' },
    };
    const changedOrg = await c.post('/api/public/applications/resubmit', {
      tempCode,
      info: { ...corrected, orgCode: '130303' },
    });
    expect(changedOrg.status).toBe(400);
    expect(changedOrg.body.details.fields[0].field).toBe('orgCode');

    const res = await c.post('/api/public/applications/resubmit', { tempCode, info: corrected });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'SUBMITTED', text: '审核中', firstReviewer: { code: '130302' } });
    const after = await requestOf(corrected.name);
    expect(after).toMatchObject({ id: row.id, state: 'SUBMITTED', step_index: 0, current_org: '130302' });
    expect(after.chain).toEqual(row.chain);
    const again = await c.post('/api/public/progress', { tempCode });
    expect(again.body).toMatchObject({ text: '审核中', siteName: corrected.name, holder: { code: '130302' } });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('request_id', '=', row.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['提交', '重新提交']);
    expect(audit[1]?.data).toEqual({ changedFields: ['name', 'principal'] });
    // The old name is free again; resubmitting twice is refused.
    await submitOk({ ...info(), name: body.name });
    expect((await c.post('/api/public/applications/resubmit', { tempCode, info: corrected })).status).toBe(409);
  });

  it('goes through the review API: approved by 海港区, returned by 秦皇岛市, resubmitted back to 海港区', async () => {
    const body = info();
    const { tempCode } = await submitOk(body);
    const { id } = await requestOf(body.name);
    const haigang = await t.loginAs('haigang');
    expect((await haigang.post(`/api/requests/${id}/approve`, {})).status).toBe(200);
    const qinhuangdao = await t.loginAs('qinhuangdao');
    const returned = await qinhuangdao.post(`/api/requests/${id}/return`, { reason: '请补充主办单位地址' });
    expect(returned.status).toBe(200);

    const c = t.client({ ip: '10.4.0.1' });
    const progress = await c.post('/api/public/progress', { tempCode });
    expect(progress.body).toMatchObject({ text: '审核未通过：请补充主办单位地址', stepIndex: 1, canResubmit: true });
    expect(progress.body.passedSteps).toEqual([
      { code: '130302', name: '海港区人民政府办公室', approvedAt: expect.any(String) },
    ]);
    // While correcting, the application does not collide with itself.
    const dup = await c.post('/api/public/applications/check-duplicates', { name: body.name, tempCode });
    expect(dup.body.conflicts).toEqual([]);

    const resubmitted = await c.post('/api/public/applications/resubmit', {
      tempCode,
      info: { ...body, sponsorAddress: '河北省秦皇岛市海港区文化路1号' },
    });
    expect(resubmitted.status).toBe(200);
    const again = await c.post('/api/public/progress', { tempCode });
    expect(again.body).toMatchObject({ text: '审核中', stepIndex: 0, passedSteps: [], holder: { code: '130302' } });
  });

  it('cannot take a name that is now another application’s', async () => {
    const other = info();
    await submitOk(other);
    const { tempCode, body } = await submitAndReturn('名称不规范');
    const res = await t
      .client()
      .post('/api/public/applications/resubmit', { tempCode, info: { ...body, name: other.name } });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`正在申请中的网站“${other.name}”`);
  });

  it('is withdrawn with its 临时码, which frees its name and URL', async () => {
    const { body, tempCode, row } = await submitAndReturn('不符合开办条件');
    const res = await t.client().post('/api/public/applications/withdraw', { tempCode });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ state: 'WITHDRAWN', text: '已撤回' });
    const site = await t.ctx.db
      .selectFrom('sites')
      .select('run_status')
      .where('id', '=', row.site_id)
      .executeTakeFirstOrThrow();
    expect(site.run_status).toBe('WITHDRAWN');
    await submitOk({ ...info(), name: body.name, homeUrl: body.homeUrl });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('request_id', '=', row.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['提交', '撤回']);
    expect((await t.client().post('/api/public/applications/withdraw', { tempCode })).status).toBe(409);
  });

  it('withdraws a SUBMITTED application too', async () => {
    const { tempCode } = await submitOk();
    const res = await t.client().post('/api/public/applications/withdraw', { tempCode });
    expect(res.status).toBe(200);
    const progress = await t.client().post('/api/public/progress', { tempCode });
    expect(progress.body).toMatchObject({ state: 'WITHDRAWN', text: '已撤回', canWithdraw: false, holder: null });
  });
});
