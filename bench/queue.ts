// Applications prepared for a benchmark: new-site applications from Hebei's counties, either waiting for the province
// (IN_REVIEW at its last step) or finally approved (CODE_PENDING), inserted in batches.
import { orgTreeFromRecords, reviewChain } from '../src/domain/review-chain.ts';
import { normalizeName } from '../src/domain/text.ts';
import { hostOf, normalizeUrlForCompare } from '../src/domain/validation/index.ts';
import type { Db } from '../src/server/context.ts';

export const PROVINCE = '130000';

export interface QueueOptions {
  /** Makes names and addresses unique to this batch. */
  tag: string;
  count: number;
  state: 'IN_REVIEW' | 'CODE_PENDING';
  /** CODE_PENDING: the final approval time (after the cut-off keeps them out of the 16:00 batch). */
  finalApprovedAt?: Date;
}

/** Inserts the applications and returns their request ids, in order. */
export async function prepareQueue(db: Db, o: QueueOptions): Promise<number[]> {
  const orgs = await db.selectFrom('org_units').select(['code', 'parent_code', 'level', 'branch', 'path']).execute();
  const tree = orgTreeFromRecords(orgs.map((x) => ({ code: x.code, parentCode: x.parent_code, level: x.level })));
  const counties = orgs
    .filter((x) => x.level === 3 && x.branch === 'LOCAL' && x.path.startsWith(`/bm0100/${PROVINCE}/`))
    .map((x) => x.code)
    .sort();
  const ids: number[] = [];
  const now = new Date();
  for (let from = 0; from < o.count; from += 500) {
    const batch = Array.from({ length: Math.min(500, o.count - from) }, (_, k) => {
      const i = from + k;
      const orgCode = counties[i % counties.length]!;
      const name = `基准测试${o.state === 'IN_REVIEW' ? '审核' : '发码'}队列${o.tag}第${i + 1}号网站`;
      const homeUrl = `https://q${i + 1}-${o.tag}.${orgCode}.gov.cn/`;
      return { orgCode, name, homeUrl, chain: reviewChain(tree, { orgCode, isPortal: false }) };
    });
    const sites = await db
      .insertInto('sites')
      .values(
        batch.map((b) => ({
          site_code: null,
          org_code: b.orgCode,
          name: b.name,
          name_key: normalizeName(b.name),
          home_url: b.homeUrl,
          home_url_key: normalizeUrlForCompare(b.homeUrl),
          home_host: hostOf(b.homeUrl) ?? '',
          sponsor_name: b.name,
          is_portal: false,
          is_service_platform: false,
          info: JSON.stringify({ name: b.name, homeUrl: b.homeUrl, orgCode: b.orgCode }),
          run_status: 'APPLYING' as const,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    const pending = o.state === 'CODE_PENDING';
    const approvedAt = o.finalApprovedAt ?? now;
    const requests = await db
      .insertInto('requests')
      .values(
        batch.map((b, k) => ({
          type: 'NEW_SITE' as const,
          state: o.state,
          site_id: sites[k]!.id,
          org_code: b.orgCode,
          is_portal: false,
          chain: b.chain,
          step_index: b.chain.length - 1,
          current_org: pending ? null : (b.chain[b.chain.length - 1] ?? null),
          payload: JSON.stringify({}),
          submitted_at: now,
          updated_at: now,
          step_entered_at: now,
          final_approved_at: pending ? approvedAt : null,
          decided_at: pending ? approvedAt : null,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...requests.map((r) => r.id));
  }
  return ids;
}
