// The 16:00 batch's lanes on PostgreSQL (splitByOrg, issue-codes.ts): every application in exactly one lane, each
// org's applications whole in one lane and in approval order (its codes stay consecutive in that order), lanes
// balanced by count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByOrg } from '../../src/server/modules/issuance/issue-codes.ts';
import type { PendingApplication } from '../../src/server/modules/issuance/repository.ts';

const app = (requestId: number, orgCode: string): PendingApplication => ({
  requestId,
  siteId: requestId,
  orgCode,
  orgName: orgCode,
  name: `网站${requestId}`,
  homeUrl: `https://s${requestId}.gov.cn`,
  finalApprovedAt: new Date(1_700_000_000_000 + requestId),
});

describe('splitByOrg', () => {
  it('keeps every application once, each org whole and in order, in balanced lanes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('130302', '130303', '130100', 'bm3000', '420000'), { maxLength: 300 }),
        fc.integer({ min: 1, max: 4 }),
        (orgs, n) => {
          const apps = orgs.map((org, i) => app(i + 1, org));
          const lanes = splitByOrg(apps, n);
          expect(lanes.length).toBeLessThanOrEqual(n);
          expect(
            lanes
              .flat()
              .map((a) => a.requestId)
              .sort((a, b) => a - b),
          ).toEqual(apps.map((a) => a.requestId));
          for (const lane of lanes) {
            expect(lane.length).toBeGreaterThan(0);
            const ids = lane.map((a) => a.requestId);
            expect(ids).toEqual([...ids].sort((a, b) => a - b));
          }
          const laneOfOrg = new Map<string, number>();
          lanes.forEach((lane, i) => {
            for (const a of lane) {
              expect(laneOfOrg.get(a.orgCode) ?? i).toBe(i);
              laneOfOrg.set(a.orgCode, i);
            }
          });
          // Largest org first to the lightest lane: no lane exceeds the average by more than the largest org.
          const largest = Math.max(0, ...[...new Set(orgs)].map((o) => orgs.filter((x) => x === o).length));
          for (const lane of lanes) expect(lane.length).toBeLessThanOrEqual(apps.length / n + largest);
        },
      ),
    );
  });

  it('gives two lanes of equal size for two equal orgs', () => {
    const apps = [app(1, 'a'), app(2, 'b'), app(3, 'a'), app(4, 'b')];
    expect(splitByOrg(apps, 2).map((lane) => lane.map((a) => a.requestId))).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });
});
