// Which workspace pages an organizing-unit account sees (SPEC §8.1), by level and role; only pages that exist.
export type MenuKey =
  | 'inbox'
  | 'sites'
  | 'offlineReview'
  | 'orgUnits'
  | 'accounts'
  | 'loginLog'
  | 'spotChecks'
  | 'spotChecksHelp'
  | 'supervisionReports'
  | 'stats'
  | 'notices'
  | 'orgTree'
  | 'columnDictionary'
  | 'issuance'
  | 'siteImport'
  | 'workReports'
  | 'workReportProgress';

export interface MenuItemDef {
  key: MenuKey;
  label: string;
  /** Levels that see the item (0 = root). */
  levels: readonly number[];
  adminOnly?: boolean;
}

export const MENU: readonly MenuItemDef[] = [
  // 待办 (issue 9): what waits for the unit, what it decided, and steps stuck below it.
  { key: 'inbox', label: '待办', levels: [0, 1, 2, 3] },
  { key: 'sites', label: '政府网站和栏目基本信息表', levels: [0, 1, 2, 3] },
  // SPEC §8.1 #2: offline requests of the subtree, reviewed level by level.
  { key: 'offlineReview', label: '下线审核', levels: [0, 1, 2, 3] },
  // SPEC §8.1 #3–#8: 上报抽查情况 is level-1 work (the root views all); its 说明 page follows it (§16 item 19).
  { key: 'spotChecks', label: '上报抽查情况', levels: [0, 1] },
  { key: 'spotChecksHelp', label: '上报抽查情况说明', levels: [0, 1] },
  // Issue 21: 《政府网站监管年度报表》, filled in by each level-1 unit and reviewed by the root.
  { key: 'supervisionReports', label: '监管年度报表', levels: [0, 1] },
  { key: 'orgUnits', label: '组织单位信息查询', levels: [0, 1, 2, 3] },
  { key: 'stats', label: '基本信息统计', levels: [0, 1, 2, 3] },
  { key: 'notices', label: '重要通知', levels: [0, 1, 2, 3] },
  { key: 'orgTree', label: '挂接关系维护', levels: [0] },
  // SPEC §5.2, §16 item 23: the 栏目 dictionary the 填报单位 fill in, edited by the root.
  { key: 'columnDictionary', label: '栏目类别', levels: [0] },
  // The 16:00 网站标识码 batch: ledger, preview and manual run (SPEC §7.1.4 "root can trigger a manual run").
  { key: 'issuance', label: '标识码生成', levels: [0] },
  // Issue 21: 政府网站工作年度报表 of the subtree; the site's 本级组织单位 reviews, the units above view.
  { key: 'workReports', label: '工作年度报表', levels: [0, 1, 2, 3] },
  // Issue 21: its progress board — 填报率, 审核率, 发布率 per subordinate unit, with drill-down and export.
  { key: 'workReportProgress', label: '年度报表进度', levels: [0, 1, 2, 3] },
  // Issue 20: bring an existing register in (root: whole tree; level 1: its subtree).
  { key: 'siteImport', label: '批量导入网站', levels: [0, 1], adminOnly: true },
  { key: 'accounts', label: '账号管理', levels: [0, 1, 2, 3], adminOnly: true },
  { key: 'loginLog', label: '登录日志', levels: [0, 1, 2, 3], adminOnly: true },
];

export function menuFor(level: number, role: 'REVIEWER' | 'ADMIN'): MenuKey[] {
  return MENU.filter((m) => m.levels.includes(level) && (!m.adminOnly || role === 'ADMIN')).map((m) => m.key);
}
