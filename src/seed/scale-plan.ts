// The plan of the national-scale data set, without I/O: which unit gets how many sites, their names and addresses,
// each site's life so far (issued, waiting for its code, somewhere in review …) and the 标识码 sequence numbers.
// Deterministic: the same seed, tree and existing data give the same plan (prng/hashString from people.ts).

import type { OrgBranch } from '../db/schema.ts';
import { type OrgTree, orgTreeFromRecords, reviewChain } from '../domain/review-chain.ts';
import { normalizeName } from '../domain/text.ts';
import { normalizeUrlForCompare } from '../domain/validation/index.ts';
import { hashString, prng } from './people.ts';
import { LOCAL_DEPARTMENTS, SITE_KINDS, VERTICAL_SUBJECTS } from './scale-words.ts';

export const DEFAULT_SCALE_SEED = 20_261_102;

export interface ScaleOrg {
  code: string;
  name: string;
  displayName: string;
  level: number;
  branch: OrgBranch;
  parentCode: string | null;
}

export interface ScaleCategory {
  code: string;
  name: string;
}

/** What the database already holds, so generated rows never collide with it. */
export interface ScaleExisting {
  nameKeys: ReadonlySet<string>;
  urlKeys: ReadonlySet<string>;
  portalOrgs: ReadonlySet<string>;
  lastSeq: ReadonlyMap<string, number>;
  nextSiteId: number;
  nextRequestId: number;
  nextAuditId: number;
}

export interface ScaleInput {
  sites: number;
  seed: number;
  now: Date;
  orgs: readonly ScaleOrg[];
  categories: readonly ScaleCategory[];
  existing: ScaleExisting;
  /** Department-site weight per unit (default: by unit kind, see weightOf). */
  weight?: (org: ScaleOrg) => number;
  /** Share of the sites in each non-issued state (default SHARES). */
  shares?: ReadonlyArray<readonly [Lifecycle, number]>;
  /** The units that get a portal (default: the root, level-1 units, cities, counties while a fifth of N allows). */
  portalOrgs?: readonly string[];
  /**
   * CODE_PENDING approvals fall after the last 16:00 (waiting for the next batch) instead of before it (issued by
   * the next batch run or the start-up catch-up). The demo wants them still waiting after `npm start`.
   */
  pendingAfterCutoff?: boolean;
}

/** Where an application or site is in its life. */
export type Lifecycle = 'ISSUED' | 'CODE_PENDING' | 'SUBMITTED' | 'IN_REVIEW' | 'RETURNED' | 'WITHDRAWN';
/** The open single-step request of an issued site, if any. */
export type OpenChange = 'NONE' | 'MODIFY_SUBMITTED' | 'MODIFY_RETURNED' | 'SERVICE_ON' | 'DOMAINS';

export interface PlannedSite {
  index: number;
  orgCode: string;
  isPortal: boolean;
  name: string;
  homeUrl: string;
  sponsorName: string;
  lifecycle: Lifecycle;
  /** IN_REVIEW / RETURNED: the chain position; else 0 (SUBMITTED) or the last position (CODE_PENDING). */
  step: number;
  openChange: OpenChange;
  /** An approved 基本信息修改 in the site's history. */
  modified: boolean;
  /** 标识码 sequence number (ISSUED only). */
  seq: number;
  /** How long ago the application was submitted. */
  ageDays: number;
}

export interface ScalePlan {
  input: ScaleInput;
  tree: OrgTree;
  orgByCode: ReadonlyMap<string, ScaleOrg>;
  sites: PlannedSite[];
  /** The last sequence number per org after the generated issued sites (for site_sequences). */
  lastSeq: Map<string, number>;
  counts: Record<Lifecycle, number>;
}

/** Share of the sites in each non-issued state; the rest are issued sites. */
const SHARES: ReadonlyArray<readonly [Lifecycle, number]> = [
  // Approved before the last 16:00 and waiting for the batch: 10,000 at 100k, the issuance benchmark's input.
  ['CODE_PENDING', 0.1],
  ['SUBMITTED', 0.03],
  ['IN_REVIEW', 0.04],
  ['RETURNED', 0.015],
  ['WITHDRAWN', 0.005],
];

/** Department-site weight per unit kind: counties and cities carry most sites, ministries many each. */
function weightOf(org: ScaleOrg): number {
  if (org.level === 0) return 20;
  if (org.branch === 'VERTICAL') return org.level === 1 ? 25 : 6;
  return org.level === 1 ? 10 : org.level === 2 ? 3 : 1;
}

function shuffle<T>(rand: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export const between = (rand: () => number, lo: number, hi: number) => lo + rand() * (hi - lo);

/**
 * Splits `total` over the weights: each slot gets the floor of its share, the units left over go to slots with
 * probability proportional to their remainders (systematic sampling), so that small totals still reach the many
 * lightly weighted slots (counties) instead of only the heaviest. Never more than `cap` per slot.
 */
function apportion(rand: () => number, weights: readonly number[], total: number, cap: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? Math.min(cap, (w / sum) * total) : 0));
  const out = exact.map((x) => Math.floor(x));
  const left = total - out.reduce((a, b) => a + b, 0);
  const remainders = exact.map((x) => x - Math.floor(x));
  const remainderSum = remainders.reduce((a, b) => a + b, 0);
  if (left <= 0 || remainderSum <= 0) return out;
  const step = remainderSum / left;
  let next = rand() * step;
  let cumulative = 0;
  for (const [i, rem] of remainders.entries()) {
    cumulative += rem;
    while (next < cumulative && out[i]! < cap) {
      out[i]!++;
      next += step;
    }
  }
  return out;
}

/** Display names that are unique in the country: 「鼓楼区」 becomes 「南京市鼓楼区」 where needed. */
function qualifiedNames(orgs: readonly ScaleOrg[]): Map<string, string> {
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const count = new Map<string, number>();
  for (const o of orgs) count.set(o.displayName, (count.get(o.displayName) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const o of orgs) {
    let name = o.displayName;
    let parent = o.parentCode ? byCode.get(o.parentCode) : undefined;
    if ((count.get(name) ?? 0) > 1 && o.branch === 'LOCAL') {
      while (parent && parent.level >= 1 && !name.startsWith(parent.displayName)) {
        name = `${parent.displayName}${name}`;
        parent = parent.parentCode ? byCode.get(parent.parentCode) : undefined;
        if ((count.get(name) ?? 0) <= 1) break;
      }
    }
    out.set(o.code, name);
  }
  return out;
}

function departmentName(org: ScaleOrg, dept: string): string {
  // Provincial departments are 厅 (教育厅), cities and counties have 局.
  return org.branch === 'LOCAL' && org.level === 1 ? dept.replace(/局$/, '厅') : dept;
}

const hostLabel = (code: string) => code.toLowerCase();

/** Plans every site: units, names, addresses, states and 标识码 sequence numbers. */
export function planScale(input: ScaleInput): ScalePlan {
  const { existing } = input;
  const orgs = [...input.orgs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const orgByCode = new Map(orgs.map((o) => [o.code, o]));
  const tree = orgTreeFromRecords(orgs.map((o) => ({ code: o.code, parentCode: o.parentCode, level: o.level })));
  const shown = qualifiedNames(orgs);
  const rand = prng(input.seed);
  const n = Math.max(0, Math.floor(input.sites));

  // Portals: the root, then level-1 units, cities, counties, while a fifth of N allows.
  const portalCandidates = orgs
    .filter((o) => (o.level === 0 || o.branch === 'LOCAL' || o.level === 1) && !existing.portalOrgs.has(o.code))
    .sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1));
  const portals = new Set(
    input.portalOrgs
      ? input.portalOrgs.filter((code) => orgByCode.has(code) && !existing.portalOrgs.has(code))
      : portalCandidates.slice(0, Math.floor(n / 5)).map((o) => o.code),
  );
  const weight = input.weight ?? weightOf;
  const perOrgDepartments = apportion(
    rand,
    orgs.map((o) => weight(o) * between(prng(hashString(`${input.seed}|w|${o.code}`)), 0.5, 1.5)),
    n - portals.size,
    4000,
  );

  const nameKeys = new Set(existing.nameKeys);
  const urlKeys = new Set(existing.urlKeys);
  const unique = (name: string, url: (k: number) => string) => {
    for (let k = 0; ; k++) {
      const candidate = k === 0 ? name : `${name}（${k + 1}）`;
      const address = url(k);
      const nk = normalizeName(candidate);
      const uk = normalizeUrlForCompare(address);
      if (!nameKeys.has(nk) && !urlKeys.has(uk)) {
        nameKeys.add(nk);
        urlKeys.add(uk);
        return { name: candidate, homeUrl: address };
      }
    }
  };

  const sites: PlannedSite[] = [];
  const site = (
    org: ScaleOrg,
    isPortal: boolean,
    name: string,
    url: (k: number) => string,
    sponsorName: string,
  ): void => {
    const at = unique(name, url);
    sites.push({
      index: sites.length,
      orgCode: org.code,
      isPortal,
      ...at,
      sponsorName,
      lifecycle: 'ISSUED',
      step: 0,
      openChange: 'NONE',
      modified: false,
      seq: 0,
      ageDays: 0,
    });
  };
  orgs.forEach((org, orgIndex) => {
    const place = shown.get(org.code) ?? org.displayName;
    const domain = `${hostLabel(org.code)}.gov.cn`;
    if (portals.has(org.code)) {
      const portalName = org.branch === 'LOCAL' ? `${place}人民政府网站` : `${place}门户网站`;
      site(org, true, portalName, (k) => `https://www${k ? k + 1 : ''}.${domain}/`, org.name);
    }
    const words = org.branch === 'LOCAL' ? LOCAL_DEPARTMENTS : VERTICAL_SUBJECTS;
    const order = shuffle(
      prng(hashString(`${input.seed}|d|${org.code}`)),
      words.map((_, i) => i),
    );
    for (let i = 0; i < (perOrgDepartments[orgIndex] ?? 0); i++) {
      const [word, label] = words[order[i % words.length]!]!;
      const [kind, kindLabel] = SITE_KINDS[Math.floor(i / words.length) % SITE_KINDS.length]!;
      const round = Math.floor(i / (words.length * SITE_KINDS.length));
      const unit = org.branch === 'LOCAL' ? `${place}${departmentName(org, word)}` : `${place}${word}`;
      const name = `${unit}${kind}${round > 0 ? `（第${round + 1}批）` : ''}`;
      const host = `${label}${kindLabel}${round > 0 ? round + 1 : ''}`;
      site(org, false, name, (k) => `https://${host}${k ? `-${k + 1}` : ''}.${domain}/`, unit);
    }
  });

  // States: exact shares of N over a shuffled order of the department sites (portals are long-standing sites).
  const counts: Record<Lifecycle, number> = {
    ISSUED: 0,
    CODE_PENDING: 0,
    SUBMITTED: 0,
    IN_REVIEW: 0,
    RETURNED: 0,
    WITHDRAWN: 0,
  };
  const departmentSites = shuffle(
    rand,
    sites.filter((s) => !s.isPortal),
  );
  let cursor = 0;
  for (const [lifecycle, share] of input.shares ?? SHARES) {
    const k = Math.min(Math.round(n * share), departmentSites.length - cursor);
    for (let i = 0; i < k; i++) departmentSites[cursor + i]!.lifecycle = lifecycle;
    cursor += k;
  }

  for (const s of sites) {
    const r = prng(hashString(`${input.seed}|p|${s.index}`));
    const chain = reviewChain(tree, { orgCode: s.orgCode, isPortal: s.isPortal });
    switch (s.lifecycle) {
      case 'ISSUED': {
        s.ageDays = between(r, 45, 1460);
        const x = r();
        s.openChange =
          x < 0.04
            ? 'MODIFY_SUBMITTED'
            : x < 0.05
              ? 'MODIFY_RETURNED'
              : x < 0.055
                ? 'SERVICE_ON'
                : x < 0.06
                  ? 'DOMAINS'
                  : 'NONE';
        s.modified = r() < 0.2;
        break;
      }
      case 'CODE_PENDING':
        s.step = chain.length - 1;
        s.ageDays = between(r, 2, 20);
        break;
      case 'IN_REVIEW':
      case 'RETURNED':
        s.step = Math.floor(r() * chain.length);
        s.ageDays = between(r, 1, 25);
        break;
      default:
        s.ageDays = between(r, 0.1, 15);
    }
    counts[s.lifecycle]++;
  }

  // 标识码: consecutive per org, in the order the sites were issued (oldest first), after any existing ones.
  const lastSeq = new Map(existing.lastSeq);
  const issuedByOrg = new Map<string, PlannedSite[]>();
  for (const s of sites) {
    if (s.lifecycle !== 'ISSUED') continue;
    const list = issuedByOrg.get(s.orgCode) ?? [];
    list.push(s);
    issuedByOrg.set(s.orgCode, list);
  }
  for (const [org, list] of issuedByOrg) {
    list.sort((a, b) => b.ageDays - a.ageDays || a.index - b.index);
    let seq = lastSeq.get(org) ?? 0;
    for (const s of list) s.seq = ++seq;
    lastSeq.set(org, seq);
  }
  return { input, tree, orgByCode, sites, lastSeq, counts };
}
