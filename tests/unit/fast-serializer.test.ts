// The response writer of the hottest lists (src/server/fast-serializer.ts: the site list, the org-unit page) writes
// what the zod serializer writes: the same text for the same page, nulls and absent optional fields alike, and never a
// field the schema does not declare.
import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { compileFastSerializer, fastSerializerCompiler } from '../../src/server/fast-serializer.ts';
import { presentLinkHealth } from '../../src/server/modules/link-checks/present-health.ts';
import { orgUnitPage } from '../../src/server/modules/org-units/schema.ts';
import { sitePage } from '../../src/server/modules/review/schema.ts';

const denied = { allowed: false, reason: '该申请不在本单位审核环节' };
const allowed = { allowed: true };
const request = {
  id: 12,
  type: 'NEW_SITE',
  typeLabel: '新开办',
  state: 'IN_REVIEW',
  version: 3,
  stepIndex: 1,
  chain: ['130100', '130000'],
  currentOrg: '130000',
};

function item(id: number, withRequest: boolean) {
  return {
    id,
    siteCode: withRequest ? null : '1301000012',
    name: `河北省"教育"厅\\网站 ${id}`,
    homeUrl: 'https://jyt.hebei.gov.cn/?a=1&b=<2>',
    orgCode: '130000',
    province: '河北省',
    city: '',
    county: '',
    sponsorName: '河北省教育厅',
    isPortal: false,
    isServicePlatform: true,
    runStatus: 'NORMAL',
    listStatus: '正常',
    orgStatus: withRequest ? '未审核' : '',
    updatedAt: '2026-12-03T08:00:00.000Z',
    waitingForMe: withRequest,
    overdue: false,
    request: withRequest ? request : null,
    requests: withRequest
      ? [
          {
            ...request,
            kind: 'NEW_SITE',
            open: true,
            orgStatus: '未审核',
            abilities: { approve: allowed, return: allowed, submit: denied },
          },
        ]
      : [],
    abilities: {
      approve: withRequest ? allowed : denied,
      return: denied,
      submit: denied,
      view: allowed,
      approveModification: denied,
      returnModification: denied,
      resetCheckCode: denied,
    },
    // The unchecked cell as the list presents it: nulls and zeros beside the failing cell's values.
    linkHealth: withRequest
      ? presentLinkHealth('NORMAL', undefined)
      : {
          status: 'FAILING',
          label: '链接异常',
          checkedAt: '2026-12-02T18:00:00.000Z',
          homeOk: false,
          flagged: true,
          homeConsecutiveFailures: 3,
          urlsTotal: 12,
          urlsFailed: 2,
          footerProblems: 1,
        },
  };
}

const page = {
  items: [item(1, true), item(2, false)],
  total: 2001,
  totalExact: false,
  page: 1,
  pageSize: 20,
  waitingCount: 1,
};
const route = { schema: sitePage, method: 'GET', url: '/api/sites', httpStatus: '200' };
const viaZod = serializerCompiler(route) as (data: unknown) => string;

describe('the site list response writer', () => {
  // First: the package is not loaded yet in this file.
  it('answers through zod until the compiled writer is loaded, with the same text', async () => {
    const serialize = fastSerializerCompiler(route);
    const first = serialize(page);
    await compileFastSerializer(sitePage);
    expect(first).toBe(viaZod(page));
    expect(serialize(page)).toBe(first);
  });

  it('writes the text the zod serializer writes', async () => {
    const fast = await compileFastSerializer(sitePage);
    expect(fast(page)).toBe(viaZod(page));
    expect(fast({ ...page, items: [] })).toBe(viaZod({ ...page, items: [] }));
  });

  it('never writes a field the schema does not declare', async () => {
    const fast = await compileFastSerializer(sitePage);
    const leaky = {
      ...page,
      secret: 'x',
      items: page.items.map((i) => ({ ...i, checkCode: '123456', linkHealth: { ...i.linkHealth, raw: 'x' } })),
    };
    const text = fast(leaky);
    expect(text).toBe(viaZod(leaky));
    expect(text).not.toContain('checkCode');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('"raw"');
  });
});

describe('the org-unit page writer (GET /api/org-units)', () => {
  const contact = { name: '张"三"', officePhone: '0311-1234567', mobile: '13800000000', email: 'a\\b@hebei.gov.cn' };
  const unit = (code: string, principal: typeof contact | null, contacts: (typeof contact)[]) => ({
    code,
    name: `${code} 人民政府办公厅`,
    displayName: '河北省<script>',
    level: 1,
    branch: 'LOCAL',
    parentCode: code === 'bm0100' ? null : 'bm0100',
    enabled: code !== '130300',
    principal,
    contacts,
  });
  const orgPage = {
    items: [unit('bm0100', null, []), unit('130000', contact, [contact, contact]), unit('130300', contact, [])],
    total: 3253,
    page: 3,
    pageSize: 100,
  };
  const viaZodOrg = serializerCompiler({
    schema: orgUnitPage,
    method: 'GET',
    url: '/api/org-units',
    httpStatus: '200',
  }) as (data: unknown) => string;

  it('writes the text the zod serializer writes, and no undeclared field', async () => {
    const fast = await compileFastSerializer(orgUnitPage);
    expect(fast(orgPage)).toBe(viaZodOrg(orgPage));
    const leaky = { ...orgPage, items: orgPage.items.map((i) => ({ ...i, path: '/bm0100/', created_at: 'x' })) };
    expect(fast(leaky)).toBe(viaZodOrg(orgPage));
    expect(fast(leaky)).not.toContain('created_at');
  });
});
