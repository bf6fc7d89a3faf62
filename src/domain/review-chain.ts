// Who reviews a website's requests (SPEC §3.6, §7.3, §16 items 3 and 5): multi-step chains and single reviewers.

/** The stored 挂接关系 tree, as far as routing needs it. Level 0 is the root (国务院办公厅, bm0100). */
export interface OrgTree {
  parentOf(code: string): string | null;
  levelOf(code: string): number;
}

export interface SiteRouting {
  /** 本级组织单位: the org the site is registered under. */
  orgCode: string;
  isPortal: boolean;
}

export type SingleReviewChange = { kind: 'PORTAL_ON' | 'PORTAL_OFF' | 'OTHER' };

/** The stored tree cannot route a request (missing parent, bad level, cycle): an operator must repair it. */
export class BrokenOrgTreeError extends Error {
  readonly code = 'ORG_TREE_BROKEN';
  constructor(
    readonly orgCode: string,
    detail: string,
  ) {
    super(`组织单位挂接关系有误（${orgCode}）：${detail}`);
    this.name = 'BrokenOrgTreeError';
  }
}

const MAX_LEVEL = 3;

function levelOf(tree: OrgTree, code: string): number {
  const level = tree.levelOf(code);
  if (!Number.isInteger(level) || level < 0 || level > MAX_LEVEL) {
    throw new BrokenOrgTreeError(code, `级别 ${String(level)} 无效`);
  }
  return level;
}

/** The parent of a non-root org; its level must be lower, which also rules out cycles. */
function parentOf(tree: OrgTree, code: string): string {
  const parent = tree.parentOf(code);
  if (parent === null) throw new BrokenOrgTreeError(code, '缺少上级组织单位');
  if (levelOf(tree, parent) >= levelOf(tree, code)) {
    throw new BrokenOrgTreeError(code, `上级组织单位 ${parent} 的级别不高于本级`);
  }
  return parent;
}

/**
 * 上级 of the site for routing. The root has no parent, so the root's own portal (中国政府网, bm01000001) is
 * routed to the root itself [INF].
 */
function upperOrSelfForRoot(tree: OrgTree, orgCode: string): string {
  return levelOf(tree, orgCode) === 0 ? orgCode : parentOf(tree, orgCode);
}

/**
 * Multi-step chain for NEW_SITE and OFFLINE requests: starts at the 本级 org (department site) or its parent
 * (portal) and climbs until a level ≤ 1 org. A level-1 org's own portal yields [root]. The last element is the
 * final approver. Snapshot the result at submission (SPEC §7.0).
 */
export function reviewChain(tree: OrgTree, site: SiteRouting): string[] {
  const start = site.isPortal ? upperOrSelfForRoot(tree, site.orgCode) : site.orgCode;
  const chain = [start];
  let current = start;
  while (levelOf(tree, current) > 1) {
    current = parentOf(tree, current);
    chain.push(current);
  }
  return chain;
}

/**
 * Reviewer of single-step requests (MODIFY, SERVICE_ON/OFF, DOMAINS, portal flag). Switching the portal flag on
 * goes to the 上级 org and switching it off to the 本级 org whatever the current flag (SPEC §7.3, §16 item 3);
 * everything else goes to 上级 for a portal and 本级 for a department site.
 */
export function singleReviewer(
  tree: OrgTree,
  site: SiteRouting,
  change: SingleReviewChange = { kind: 'OTHER' },
): string {
  levelOf(tree, site.orgCode);
  switch (change.kind) {
    case 'PORTAL_ON':
      return upperOrSelfForRoot(tree, site.orgCode);
    case 'PORTAL_OFF':
      return site.orgCode;
    case 'OTHER':
      return site.isPortal ? upperOrSelfForRoot(tree, site.orgCode) : site.orgCode;
  }
}

/** A map-backed OrgTree, convenient for tests and for snapshots loaded from the database. */
export function orgTreeFromRecords(
  records: Iterable<{ code: string; parentCode: string | null; level: number }>,
): OrgTree {
  const byCode = new Map<string, { parentCode: string | null; level: number }>();
  for (const r of records) byCode.set(r.code, { parentCode: r.parentCode, level: r.level });
  const get = (code: string) => {
    const r = byCode.get(code);
    if (r === undefined) throw new BrokenOrgTreeError(code, '组织单位不存在');
    return r;
  };
  return { parentOf: (code) => get(code).parentCode, levelOf: (code) => get(code).level };
}
