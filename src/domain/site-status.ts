// 例外 / 删除 / 恢复正常 of a site (SPEC §7.7, §8.1 #9, §16 item 10): who may do them and which run statuses they
// move between. Pure rules; the server executes them as a compare-and-set on the site's run status.

import type { Ability } from './ability.ts';
import { isSiteRunStatus, type RegisterRunStatus, RUN_STATUS_TRANSITIONS } from './run-status.ts';
import type { SiteRunStatus } from './status-labels.ts';

export type SiteStatusAction = 'EXCEPTION' | 'DELETE' | 'RESTORE';
export const SITE_STATUS_ACTIONS: readonly SiteStatusAction[] = ['EXCEPTION', 'DELETE', 'RESTORE'];

export const NOT_A_MANAGER = '只有国务院办公厅和网站所属的省级（部委）组织单位可以设为例外、删除或恢复网站';

/**
 * The root, or the level-1 unit above the site (the site's org path holds its code). The caller has already checked
 * that the site lies in its subtree; a level-2/3 unit is refused whatever the site.
 */
export function canManageSiteStatus(actor: { orgCode: string; orgLevel: number }, siteOrgPath: string): Ability {
  if (actor.orgLevel === 0) return { allowed: true };
  if (actor.orgLevel === 1 && siteOrgPath.split('/').includes(actor.orgCode)) return { allowed: true };
  return { allowed: false, reason: NOT_A_MANAGER };
}

export type StatusTransition = { ok: true; to: SiteRunStatus; warning: string | null } | { ok: false; reason: string };

export const REFILE_WARNING =
  '该网站曾永久下线：恢复后须重新办理 ICP 备案、公安机关备案和党政机关网站标识，并核对基本信息';

const REFUSALS: Readonly<Record<SiteStatusAction, string>> = {
  EXCEPTION: '只有运行状态为“正常”的网站可以设为例外',
  DELETE: '该网站已删除',
  RESTORE: '网站运行状态已经是“正常”',
};

/** Where `action` takes a site now in `from`, or why it cannot (the run-status table decides; the reasons are the UI's). */
export function siteStatusTransition(action: SiteStatusAction, from: RegisterRunStatus): StatusTransition {
  if (from === 'APPLYING' || from === 'WITHDRAWN') return { ok: false, reason: '该记录尚未生成网站标识码' };
  const rule = RUN_STATUS_TRANSITIONS[action];
  const to = rule.to;
  if (!rule.from.includes(from) || !isSiteRunStatus(to)) return { ok: false, reason: REFUSALS[action] };
  return { ok: true, to, warning: action === 'RESTORE' && from === 'PERM_OFFLINE' ? REFILE_WARNING : null };
}

/** Each operation's ability for an actor on a site in `from` (shown on the buttons). */
export function siteStatusAbilities(manager: Ability, from: RegisterRunStatus): Record<SiteStatusAction, Ability> {
  const of = (action: SiteStatusAction): Ability => {
    if (!manager.allowed) return manager;
    const t = siteStatusTransition(action, from);
    return t.ok ? { allowed: true } : { allowed: false, reason: t.reason };
  };
  return { EXCEPTION: of('EXCEPTION'), DELETE: of('DELETE'), RESTORE: of('RESTORE') };
}
