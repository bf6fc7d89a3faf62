// The org-unit list's statements are compiled once per shape and reused (src/server/statement-cache.ts): for every
// call they must be the statements built for that call alone — the same text and parameters, in order — so no value
// of an earlier call (another unit's subtree, another search) is ever sent. Compiled only: no database.
import { describe, expect, it } from 'vitest';
import { type ListOrgUnitsQuery, listOrgUnitsStatements } from '../../src/server/modules/org-units/repository.ts';
import { compileOnlyDb } from '../helpers/compile-only-db.ts';

const db = compileOnlyDb;

const ROOT = '/bm0100/';
const HEBEI = '/bm0100/130000/';

/** Pairs of calls of one shape with every value different, then calls of other shapes. */
const CALLS: ListOrgUnitsQuery[] = [
  { rootPath: ROOT, page: 3, pageSize: 100 },
  { rootPath: HEBEI, page: 1, pageSize: 20 },
  { rootPath: HEBEI, q: '教育', page: 1, pageSize: 20 },
  { rootPath: ROOT, q: 'bm_%', page: 2, pageSize: 50 },
  { rootPath: ROOT, level: 1, page: 1, pageSize: 10 },
  { rootPath: HEBEI, level: 3, page: 4, pageSize: 20 },
  { rootPath: ROOT, parentCode: '130000', page: 1, pageSize: 20 },
  { rootPath: HEBEI, parentCode: '130300', page: 2, pageSize: 100 },
  { rootPath: HEBEI, q: '秦皇岛', level: 2, parentCode: '130000', page: 1, pageSize: 20 },
  { rootPath: ROOT, q: '海港', level: 3, parentCode: '130300', page: 5, pageSize: 10 },
  { rootPath: ROOT, q: '', page: 1, pageSize: 20 },
];

describe('the org-unit list statements, cached by shape', () => {
  it('are, for every call, the statements built for that call alone', () => {
    for (const call of CALLS) {
      const cached = listOrgUnitsStatements(db, call);
      const fresh = listOrgUnitsStatements(db, call, true);
      for (const part of ['rows', 'count'] as const) {
        expect(cached[part].sql).toBe(fresh[part].sql);
        expect(cached[part].parameters).toEqual(fresh[part].parameters);
      }
    }
  });

  it('send each call its own subtree, search and page, though the text is shared', () => {
    const [root, hebei] = CALLS.map((call) => listOrgUnitsStatements(db, call));
    expect(root?.rows.sql).toBe(hebei?.rows.sql);
    expect(root?.rows.parameters).toEqual(['/bm0100/%', 100, 200]);
    expect(hebei?.rows.parameters).toEqual(['/bm0100/130000/%', 20, 0]);
    expect(hebei?.count.parameters).toEqual(['/bm0100/130000/%']);
    // The user's wildcards match only themselves, as before.
    expect(listOrgUnitsStatements(db, CALLS[3]!).count.parameters).toEqual([
      '/bm0100/%',
      '%bm\\_\\%%',
      '%bm\\_\\%%',
      'bm\\_\\%%',
    ]);
  });
});
