// Which workspace pages an organizing-unit account sees (SPEC §8.1), by level and role; only pages that exist.
export type MenuKey = 'orgUnits' | 'accounts' | 'loginLog';

export interface MenuItemDef {
  key: MenuKey;
  label: string;
  /** Levels that see the item (0 = root). */
  levels: readonly number[];
  adminOnly?: boolean;
}

export const MENU: readonly MenuItemDef[] = [
  { key: 'orgUnits', label: '组织单位信息查询', levels: [0, 1, 2, 3] },
  { key: 'accounts', label: '账号管理', levels: [0, 1, 2, 3], adminOnly: true },
  { key: 'loginLog', label: '登录日志', levels: [0, 1, 2, 3], adminOnly: true },
];

export function menuFor(level: number, role: 'REVIEWER' | 'ADMIN'): MenuKey[] {
  return MENU.filter((m) => m.levels.includes(level) && (!m.adminOnly || role === 'ADMIN')).map((m) => m.key);
}
