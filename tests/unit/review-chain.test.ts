import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BrokenOrgTreeError,
  type OrgTree,
  orgTreeFromRecords,
  reviewChain,
  singleReviewer,
} from '../../src/domain/review-chain.ts';

// A slice of the real tree (SPEC §3.2): root bm0100; Hebei → Qinhuangdao → Haigang; Beijing → Xicheng;
// ministry bm2900 with provincial bureaus; bm1900 → bm1940 → bm1941.
const tree = orgTreeFromRecords([
  { code: 'bm0100', parentCode: null, level: 0 },
  { code: '130000', parentCode: 'bm0100', level: 1 },
  { code: '130300', parentCode: '130000', level: 2 },
  { code: '130302', parentCode: '130300', level: 3 },
  { code: '110000', parentCode: 'bm0100', level: 1 },
  { code: '110102', parentCode: '110000', level: 2 },
  { code: 'bm2900', parentCode: 'bm0100', level: 1 },
  { code: 'bm2901', parentCode: 'bm2900', level: 2 },
  { code: 'bm2940', parentCode: 'bm2900', level: 2 },
  { code: 'bm2941', parentCode: 'bm2940', level: 3 },
]);

describe('reviewChain (SPEC §3.6)', () => {
  it.each([
    ['county department site', '130302', false, ['130302', '130300', '130000']],
    ['county portal', '130302', true, ['130300', '130000']],
    ['city department site', '130300', false, ['130300', '130000']],
    ['city portal', '130300', true, ['130000']],
    ['province department site', '130000', false, ['130000']],
    ['province portal', '130000', true, ['bm0100']],
    ['municipal district department site', '110102', false, ['110102', '110000']],
    ['municipal district portal', '110102', true, ['110000']],
    ['ministry portal', 'bm2900', true, ['bm0100']],
    ['vertical bureau site', 'bm2901', false, ['bm2901', 'bm2900']],
    ['sub-bureau site', 'bm2941', false, ['bm2941', 'bm2940', 'bm2900']],
    ['sub-bureau portal', 'bm2941', true, ['bm2940', 'bm2900']],
    ['root department site', 'bm0100', false, ['bm0100']],
    ['root portal (中国政府网)', 'bm0100', true, ['bm0100']],
  ])('%s', (_label, orgCode, isPortal, chain) => {
    expect(reviewChain(tree, { orgCode, isPortal })).toEqual(chain);
  });

  it('throws a typed error for a broken tree', () => {
    const missingParent = orgTreeFromRecords([
      { code: '130300', parentCode: null, level: 2 },
      { code: '130302', parentCode: '130300', level: 3 },
    ]);
    expect(() => reviewChain(missingParent, { orgCode: '130302', isPortal: false })).toThrow(BrokenOrgTreeError);
    const unknownOrg = () => reviewChain(tree, { orgCode: '999999', isPortal: false });
    expect(unknownOrg).toThrow(BrokenOrgTreeError);
    const cycle: OrgTree = { parentOf: (c) => (c === 'a' ? 'b' : 'a'), levelOf: () => 2 };
    expect(() => reviewChain(cycle, { orgCode: 'a', isPortal: false })).toThrow(BrokenOrgTreeError);
    const badLevel: OrgTree = { parentOf: () => null, levelOf: () => Number.NaN };
    expect(() => reviewChain(badLevel, { orgCode: 'a', isPortal: false })).toThrow(/级别/);
    try {
      reviewChain(missingParent, { orgCode: '130302', isPortal: false });
    } catch (e) {
      expect((e as BrokenOrgTreeError).code).toBe('ORG_TREE_BROKEN');
      expect((e as BrokenOrgTreeError).orgCode).toBe('130300');
      expect((e as Error).message).toContain('缺少上级组织单位');
    }
  });
});

describe('singleReviewer (SPEC §3.6, §7.3, §16 item 3)', () => {
  it('routes ordinary changes to 本级 for department sites and 上级 for portals', () => {
    expect(singleReviewer(tree, { orgCode: '130302', isPortal: false })).toBe('130302');
    expect(singleReviewer(tree, { orgCode: '130302', isPortal: true })).toBe('130300');
    expect(singleReviewer(tree, { orgCode: '130000', isPortal: true }, { kind: 'OTHER' })).toBe('bm0100');
    expect(singleReviewer(tree, { orgCode: 'bm0100', isPortal: true })).toBe('bm0100');
  });

  it('PORTAL_ON goes to 上级, PORTAL_OFF to 本级, whatever the current flag', () => {
    for (const isPortal of [true, false]) {
      expect(singleReviewer(tree, { orgCode: '130302', isPortal }, { kind: 'PORTAL_ON' })).toBe('130300');
      expect(singleReviewer(tree, { orgCode: '130302', isPortal }, { kind: 'PORTAL_OFF' })).toBe('130302');
      expect(singleReviewer(tree, { orgCode: 'bm2901', isPortal }, { kind: 'PORTAL_ON' })).toBe('bm2900');
    }
  });

  it('throws for an unknown org or a missing parent', () => {
    expect(() => singleReviewer(tree, { orgCode: 'nope', isPortal: false })).toThrow(BrokenOrgTreeError);
    const orphan = orgTreeFromRecords([{ code: '130300', parentCode: null, level: 2 }]);
    expect(() => singleReviewer(orphan, { orgCode: '130300', isPortal: false }, { kind: 'PORTAL_ON' })).toThrow(
      BrokenOrgTreeError,
    );
    expect(singleReviewer(orphan, { orgCode: '130300', isPortal: false })).toBe('130300');
  });
});

// Random trees: node i > 0 picks a parent among earlier nodes of level < 3; level = parent level + 1.
const randomTree = fc.array(fc.nat(), { minLength: 0, maxLength: 40 }).map((picks) => {
  const nodes: { code: string; parentCode: string | null; level: number }[] = [
    { code: 'n0', parentCode: null, level: 0 },
  ];
  for (const [i, pick] of picks.entries()) {
    const candidates = nodes.filter((n) => n.level < 3);
    const parent = candidates[pick % candidates.length];
    if (parent === undefined) continue;
    nodes.push({ code: `n${i + 1}`, parentCode: parent.code, level: parent.level + 1 });
  }
  return nodes;
});

describe('reviewChain over random trees (property)', () => {
  it('is a non-empty upward path ending at level ≤ 1, made of ancestors of the org or of its parent', () => {
    fc.assert(
      fc.property(randomTree, fc.nat(), fc.boolean(), (nodes, pick, isPortal) => {
        const t = orgTreeFromRecords(nodes);
        const site = nodes[pick % nodes.length];
        if (site === undefined) return;
        const chain = reviewChain(t, { orgCode: site.code, isPortal });

        expect(chain.length).toBeGreaterThan(0);
        for (let i = 1; i < chain.length; i++) expect(t.parentOf(chain[i - 1] ?? '')).toBe(chain[i]);
        expect(t.levelOf(chain[chain.length - 1] ?? '')).toBeLessThanOrEqual(1);
        for (const code of chain.slice(0, -1)) expect(t.levelOf(code)).toBeGreaterThan(1);

        const ancestorsOrSelf = new Set<string>();
        for (let c: string | null = site.code; c !== null; c = t.parentOf(c)) ancestorsOrSelf.add(c);
        for (const code of chain) expect(ancestorsOrSelf.has(code)).toBe(true);

        const start = isPortal && site.level > 0 ? t.parentOf(site.code) : site.code;
        expect(chain[0]).toBe(start);
        // The single-step reviewer of the same site is the head of its chain.
        expect(singleReviewer(t, { orgCode: site.code, isPortal })).toBe(chain[0]);
        expect(new Set(chain).size).toBe(chain.length);
      }),
      { numRuns: 500 },
    );
  });
});
