// The national site categories of SPEC §10: every level × portal × code family, and the grouped counts.
import { describe, expect, it } from 'vitest';
import {
  countByCategory,
  isDepartmentSystemCode,
  SITE_CATEGORIES,
  SITE_CATEGORY_LABELS,
  siteCategory,
} from '../../src/domain/site-categories.ts';

describe('siteCategory', () => {
  it.each([
    ['bm0100', 0, true, 'DEPARTMENT_SYSTEM'],
    ['bm3000', 1, false, 'DEPARTMENT_SYSTEM'],
    ['bm3000', 1, true, 'DEPARTMENT_SYSTEM'],
    ['bm2901', 2, false, 'DEPARTMENT_SYSTEM'],
    ['bm1941', 3, true, 'DEPARTMENT_SYSTEM'],
    ['13BM01', 2, false, 'DEPARTMENT_SYSTEM'],
    ['130000', 1, true, 'PROVINCE_PORTAL'],
    ['130000', 1, false, 'PROVINCE_DEPARTMENT'],
    ['130300', 2, true, 'CITY_PORTAL'],
    ['130300', 2, false, 'CITY_DEPARTMENT'],
    ['110102', 2, true, 'CITY_PORTAL'],
    ['130302', 3, true, 'COUNTY_PORTAL'],
    ['130302', 3, false, 'BELOW_COUNTY'],
  ] as const)('%s at level %i, portal %s → %s', (orgCode, orgLevel, isPortal, expected) => {
    expect(siteCategory({ orgCode, orgLevel, isPortal })).toBe(expected);
  });

  it('recognises the department-system code families only', () => {
    expect(isDepartmentSystemCode('bm0100')).toBe(true);
    expect(isDepartmentSystemCode('BM0100')).toBe(true);
    expect(isDepartmentSystemCode('65BM01')).toBe(true);
    expect(isDepartmentSystemCode('130302')).toBe(false);
    expect(isDepartmentSystemCode('bm01000001')).toBe(false);
  });

  it('has a national label for each of the seven categories', () => {
    expect(SITE_CATEGORIES).toHaveLength(7);
    expect(SITE_CATEGORY_LABELS.BELOW_COUNTY).toBe('县级以下政府网站');
    expect(SITE_CATEGORY_LABELS.DEPARTMENT_SYSTEM).toBe('国务院部门及其内设、垂直管理机构政府网站');
  });
});

describe('countByCategory', () => {
  it('adds grouped rows into all seven categories in report order, zero when empty', () => {
    const rows = countByCategory([
      { departmentSystem: false, orgLevel: 3, isPortal: false, count: 5 },
      { departmentSystem: true, orgLevel: 3, isPortal: false, count: 2 },
      { departmentSystem: true, orgLevel: 1, isPortal: true, count: 1 },
      { departmentSystem: false, orgLevel: 1, isPortal: true, count: 1 },
    ]);
    expect(rows.map((r) => [r.category, r.count])).toEqual([
      ['DEPARTMENT_SYSTEM', 3],
      ['PROVINCE_PORTAL', 1],
      ['PROVINCE_DEPARTMENT', 0],
      ['CITY_PORTAL', 0],
      ['CITY_DEPARTMENT', 0],
      ['COUNTY_PORTAL', 0],
      ['BELOW_COUNTY', 5],
    ]);
  });
});
