// The site list's page statement is compiled once per shape and reused (src/server/statement-cache.ts): for every
// call it must be the statement built for that call alone — the same text and the same parameters, in order — so no
// value of an earlier call (another unit's scope, another search) is ever sent. Compiled only: no database.
import { describe, expect, it } from 'vitest';
import { PREPARED_PREFIX, preparedName } from '../../src/db/prepared.ts';
import { type ListArgs, listPageStatement } from '../../src/server/modules/review/repository.ts';
import type { SiteFilters } from '../../src/server/modules/review/schema.ts';
import { compileOnlyDb } from '../helpers/compile-only-db.ts';

const db = compileOnlyDb;

const HEBEI = { orgCode: '130000', orgPath: '/100000/130000/' };
const SHIJIAZHUANG = { orgCode: '130100', orgPath: '/100000/130000/130100/' };
const ROOT = { orgCode: '100000', orgPath: '/100000/' };
const base: SiteFilters = { sort: 'default', order: 'desc' };

/** The statement's text without the mark of a prepared shape (src/db/prepared.ts). */
const body = (text: string) => (text.startsWith(PREPARED_PREFIX) ? text.slice(PREPARED_PREFIX.length) : text);

/** Pairs of calls of one shape with every value different, then calls of other shapes. */
const CALLS: ListArgs[] = [
  { viewer: HEBEI, filters: { ...base, name: '教育', runStatus: 'NORMAL' }, page: { limit: 20, offset: 0 } },
  {
    viewer: SHIJIAZHUANG,
    filters: { ...base, name: '卫健', runStatus: 'TEMP_OFFLINE' },
    page: { limit: 50, offset: 100 },
  },
  { viewer: ROOT, filters: { ...base, name: '教育', runStatus: 'NORMAL' }, page: { limit: 20, offset: 0 } },
  { viewer: ROOT, filters: { ...base, name: '公安', runStatus: 'DELETED' }, page: { limit: 10, offset: 30 } },
  { viewer: HEBEI, filters: { ...base, name: 'Edu' }, page: { limit: 20, offset: 0 } },
  { viewer: SHIJIAZHUANG, filters: { ...base, name: 'Gov_%' }, page: { limit: 20, offset: 20 } },
  { viewer: HEBEI, filters: { ...base, name: '教' }, page: { limit: 20, offset: 0 } },
  { viewer: SHIJIAZHUANG, filters: { ...base, name: '卫' }, page: { limit: 20, offset: 0 } },
  {
    viewer: HEBEI,
    filters: {
      ...base,
      sort: 'name',
      order: 'asc',
      siteCode: '1301',
      homeUrl: 'hebei',
      sponsor: '人民政府',
      city: '130100',
      isPortal: true,
      isServicePlatform: false,
      orgStatus: 'NOT_REVIEWED',
      requestType: 'NEW_SITE',
      waitingForMe: true,
      linkHealth: 'FAILING',
      includeDeleted: true,
    },
    page: { limit: 20, offset: 0 },
  },
  {
    viewer: SHIJIAZHUANG,
    filters: {
      ...base,
      sort: 'name',
      order: 'asc',
      siteCode: '1399',
      homeUrl: 'shijiazhuang',
      sponsor: '教育局',
      county: '130102',
      isPortal: false,
      isServicePlatform: true,
      orgStatus: 'NOT_REVIEWED',
      requestType: 'OFFLINE_TEMP',
      waitingForMe: true,
      linkHealth: 'FAILING',
      includeDeleted: true,
    },
    page: { limit: 100, offset: 200 },
  },
  { viewer: HEBEI, filters: { ...base, sort: 'updatedAt', order: 'asc', province: '130000' }, page: { limit: 20 } },
  { viewer: ROOT, filters: { ...base, sort: 'siteCode', orgStatus: 'DONE' }, page: { limit: 20, offset: 0 } },
];

describe('the site list page statement, cached by shape', () => {
  it('is, for every call, the statement built for that call alone', () => {
    for (const counted of [2000, Number.POSITIVE_INFINITY]) {
      for (const call of CALLS) {
        const args: ListArgs = { ...call, countUpTo: counted, health: true };
        const cached = listPageStatement(db, args);
        const fresh = listPageStatement(db, args, true);
        expect(body(cached.sql)).toBe(fresh.sql);
        expect(cached.parameters).toEqual(fresh.parameters);
      }
    }
  });

  it('sends each call its own scope and search, though the text is shared', () => {
    const [first, second] = CALLS.map((call) => listPageStatement(db, { ...call, countUpTo: 2000, health: true }));
    expect(first?.sql).toBe(second?.sql);
    expect(preparedName(first?.sql ?? '')).toMatch(/^govsite_/);
    // The scope is the range [path, path with its last '/' as '0').
    expect(first?.parameters).toEqual(expect.arrayContaining(['/100000/130000/', '/100000/1300000']));
    expect(second?.parameters).toEqual(expect.arrayContaining(['/100000/130000/130100/', '/100000/130000/1301000']));
    expect(second?.parameters).not.toContain('/100000/130000/');
    expect(second?.parameters).toContain('%卫健%');
    expect(second?.parameters).not.toContain('%教育%');
    // The user's wildcards match only themselves, as before.
    expect(listPageStatement(db, { ...CALLS[5]!, countUpTo: 2000 }).parameters).toContain('%Gov\\_\\%%');
  });

  it('sends the root its own unnamed text, though its shape compiles to the province’s prepared SQL', () => {
    // Below the root the common shapes are prepared; the root's are planned for their values on every call (a generic
    // plan made from a province's calls took 104 ms for the root's 「教育」 search against 14 ms). Both compile to the
    // same SQL, so the name must not follow the text.
    const filters: SiteFilters = { ...base, name: '教育', runStatus: 'NORMAL' };
    const province = listPageStatement(db, { viewer: HEBEI, filters, page: { limit: 20, offset: 0 }, countUpTo: 2000 });
    const root = listPageStatement(db, { viewer: ROOT, filters, page: { limit: 20, offset: 0 }, countUpTo: 2000 });
    expect(body(province.sql)).toBe(root.sql);
    expect(preparedName(province.sql)).toMatch(/^govsite_/);
    expect(preparedName(root.sql)).toBeUndefined();
  });
});
