// Re-routing open review steps after a tree change: the approved-prefix rule and skipping disabled units.
import { describe, expect, it } from 'vitest';
import { rerouteRequest, skipDisabled } from '../../src/domain/reroute.ts';

describe('rerouteRequest', () => {
  const chain = ['130302', '130300', '130000'];

  it('keeps the step when the approved prefix is still the start of the new chain', () => {
    const r = rerouteRequest({ state: 'IN_REVIEW', chain, stepIndex: 1 }, ['130302', '130400', '130000']);
    expect(r).toEqual({ chain: ['130302', '130400', '130000'], stepIndex: 1, currentOrg: '130400', changed: true });
  });

  it('goes back to the first unit whose approval is no longer on the route', () => {
    const r = rerouteRequest({ state: 'IN_REVIEW', chain, stepIndex: 2 }, ['130302', '130400', '130000']);
    expect(r).toMatchObject({ stepIndex: 1, currentOrg: '130400' });
  });

  it('never finalises by itself when the new chain is already approved', () => {
    const r = rerouteRequest({ state: 'IN_REVIEW', chain, stepIndex: 2 }, ['130302', '130300']);
    expect(r).toMatchObject({ stepIndex: 1, currentOrg: '130300', changed: true });
  });

  it('reports no change when the route is the same', () => {
    expect(rerouteRequest({ state: 'SUBMITTED', chain, stepIndex: 0 }, [...chain]).changed).toBe(false);
  });

  it('gives returned requests the new chain at step 0 and leaves finished ones alone', () => {
    expect(rerouteRequest({ state: 'RETURNED', chain, stepIndex: 2 }, ['130302', '130400', '130000'])).toMatchObject({
      stepIndex: 0,
      currentOrg: null,
      changed: true,
    });
    expect(rerouteRequest({ state: 'CODE_PENDING', chain, stepIndex: 2 }, ['x']).changed).toBe(false);
  });
});

describe('skipDisabled', () => {
  const ancestors: Record<string, string[]> = {
    '130303': ['130300', '130000', 'bm0100'],
    '130300': ['130000', 'bm0100'],
    '130000': ['bm0100'],
  };
  const up = (code: string) => ancestors[code] ?? [];

  it('replaces a disabled unit by its nearest enabled ancestor and drops the repeat', () => {
    const off = new Set(['130303']);
    expect(skipDisabled(['130303', '130300', '130000'], (c) => !off.has(c), up)).toEqual(['130300', '130000']);
  });

  it('sends a disabled province’s final step to the root', () => {
    const off = new Set(['130000']);
    expect(skipDisabled(['130303', '130300', '130000'], (c) => !off.has(c), up)).toEqual([
      '130303',
      '130300',
      'bm0100',
    ]);
  });
});
