// The national site categories of the quarterly notices (SPEC §10): which bucket a website is counted in.

export type SiteCategory =
  | 'DEPARTMENT_SYSTEM' // 国务院部门及其内设、垂直管理机构政府网站
  | 'PROVINCE_PORTAL' // 省级政府门户网站
  | 'PROVINCE_DEPARTMENT' // 省级政府部门网站
  | 'CITY_PORTAL' // 市级政府门户网站
  | 'CITY_DEPARTMENT' // 市级政府部门网站
  | 'COUNTY_PORTAL' // 县级政府门户网站
  | 'BELOW_COUNTY'; // 县级以下政府网站

/** In the order of the national reports. */
export const SITE_CATEGORIES: readonly SiteCategory[] = [
  'DEPARTMENT_SYSTEM',
  'PROVINCE_PORTAL',
  'PROVINCE_DEPARTMENT',
  'CITY_PORTAL',
  'CITY_DEPARTMENT',
  'COUNTY_PORTAL',
  'BELOW_COUNTY',
];

export const SITE_CATEGORY_LABELS: Readonly<Record<SiteCategory, string>> = {
  DEPARTMENT_SYSTEM: '国务院部门及其内设、垂直管理机构政府网站',
  PROVINCE_PORTAL: '省级政府门户网站',
  PROVINCE_DEPARTMENT: '省级政府部门网站',
  CITY_PORTAL: '市级政府门户网站',
  CITY_DEPARTMENT: '市级政府部门网站',
  COUNTY_PORTAL: '县级政府门户网站',
  BELOW_COUNTY: '县级以下政府网站',
};

/**
 * `bm…` (State Council departments and their vertical sub-units) and `..BM..` (provincial department systems) codes.
 * Its source is also used in SQL (`code ~* …`) so that the database groups exactly as this module classifies.
 */
export const DEPARTMENT_SYSTEM_CODE_RE = /^(bm[0-9]{4}|[0-9]{2}BM[0-9]{2})$/i;

export function isDepartmentSystemCode(orgCode: string): boolean {
  return DEPARTMENT_SYSTEM_CODE_RE.test(orgCode);
}

export interface CategoryInput {
  /** The site's 本级组织单位 code. */
  orgCode: string;
  /** That unit's level in the tree (0 root … 3 county). */
  orgLevel: number;
  isPortal: boolean;
}

/** As the grouped SQL sees a site: the code family instead of the code. */
export interface CategoryKey {
  departmentSystem: boolean;
  orgLevel: number;
  isPortal: boolean;
}

/**
 * SPEC §10 mapping [INF]: department-system codes ⇒ the first bucket whatever the level (the root's own sites too,
 * `bm0100`); otherwise level 1/2/3 × portal; a level-3 department site is 「县级以下」. A local unit at level 0 cannot
 * exist (the root is `bm0100`), so it falls in the first bucket as well.
 */
export function categoryOfKey(key: CategoryKey): SiteCategory {
  if (key.departmentSystem || key.orgLevel <= 0) return 'DEPARTMENT_SYSTEM';
  if (key.orgLevel === 1) return key.isPortal ? 'PROVINCE_PORTAL' : 'PROVINCE_DEPARTMENT';
  if (key.orgLevel === 2) return key.isPortal ? 'CITY_PORTAL' : 'CITY_DEPARTMENT';
  return key.isPortal ? 'COUNTY_PORTAL' : 'BELOW_COUNTY';
}

export function siteCategory(input: CategoryInput): SiteCategory {
  return categoryOfKey({
    departmentSystem: isDepartmentSystemCode(input.orgCode),
    orgLevel: input.orgLevel,
    isPortal: input.isPortal,
  });
}

/** Adds grouped counts into one row per category, all seven present (zero when empty), in report order. */
export function countByCategory(
  groups: Iterable<CategoryKey & { count: number }>,
): { category: SiteCategory; label: string; count: number }[] {
  const totals = new Map<SiteCategory, number>(SITE_CATEGORIES.map((c) => [c, 0]));
  for (const g of groups) {
    const c = categoryOfKey(g);
    totals.set(c, (totals.get(c) ?? 0) + g.count);
  }
  return SITE_CATEGORIES.map((category) => ({
    category,
    label: SITE_CATEGORY_LABELS[category],
    count: totals.get(category) ?? 0,
  }));
}
