// The authorization matrix's third axis: record state. Every review decision (通过 / 退回 of a new-site application)
// × every state and step the application can be in × every organizing-unit role (the three units of its chain, a
// sibling county's reviewer, the root) answers what the pure state machine says — 200 when decide() allows it, 403
// when it is another unit's turn, 409 when the application is past that point, 404 when the caller cannot see it —
// and a refused call leaves the request, the site and the 审核流水 as they were.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentOrgOf, decide, type RequestState } from '../../src/domain/requests.ts';
import { makeApplication } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
const CALLERS = [
  { username: 'haigang', orgCode: '130302' },
  { username: 'qinhuangdao', orgCode: '130300' },
  { username: 'hebei', orgCode: '130000' },
  { username: 'shanhaiguan', orgCode: '130303' },
  { username: 'admin', orgCode: 'bm0100' },
] as const;
const CHAIN = ['130302', '130300', '130000'];
const clients = new Map<string, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  for (const c of CALLERS) clients.set(c.username, await t.loginAs(c.username));
});
afterAll(async () => {
  await t?.close();
});

const STATES: { state: RequestState; stepIndex: number }[] = [
  { state: 'SUBMITTED', stepIndex: 0 },
  { state: 'IN_REVIEW', stepIndex: 0 },
  { state: 'IN_REVIEW', stepIndex: 1 },
  { state: 'IN_REVIEW', stepIndex: 2 },
  { state: 'RETURNED', stepIndex: 1 },
  { state: 'CODE_PENDING', stepIndex: 2 },
  { state: 'WITHDRAWN', stepIndex: 0 },
];

/** The status the state machine and the subtree rule predict. */
function expected(caller: (typeof CALLERS)[number], s: (typeof STATES)[number], action: 'APPROVE' | 'RETURN'): number {
  // 山海关区 is a sibling of 海港区: the record is outside its subtree. Withdrawn applications are shown to no unit.
  if (caller.orgCode === '130303' || s.state === 'WITHDRAWN') return 404;
  const snapshot = { type: 'NEW_SITE' as const, state: s.state, chain: CHAIN, stepIndex: s.stepIndex };
  const d = decide(snapshot, { kind: 'ORG', orgCode: caller.orgCode }, action, '状态矩阵测试');
  if (d.ok) return 200;
  const current = currentOrgOf(snapshot);
  return current !== null && current !== caller.orgCode ? 403 : 409;
}

async function snapshotOf(requestId: number, siteId: number): Promise<string> {
  const r = await sql<{ j: string }>`
    SELECT json_build_array(
      (SELECT row_to_json(r) FROM requests r WHERE r.id = ${requestId}),
      (SELECT row_to_json(s) FROM sites s WHERE s.id = ${siteId}),
      (SELECT count(*) FROM audit_log a WHERE a.request_id = ${requestId})
    )::text AS j`.execute(t.ctx.db);
  return r.rows[0]?.j ?? '';
}

describe('authorization matrix (C): record state × caller × decision', () => {
  it('answers as decide() and the subtree say; refusals change nothing; successes move as decide() says', async () => {
    const failures: string[] = [];
    let cells = 0;
    let n = 0;
    for (const s of STATES) {
      for (const caller of CALLERS) {
        for (const action of ['APPROVE', 'RETURN'] as const) {
          n++;
          const app = await makeApplication(t.ctx.db, {
            orgCode: '130302',
            name: `状态矩阵${n}网站`,
            state: s.state,
            stepIndex: s.stepIndex,
          });
          const id = app.request.id;
          const before = await snapshotOf(id, app.site.id);
          const path = `/api/requests/${id}/${action === 'APPROVE' ? 'approve' : 'return'}`;
          const res = await clients
            .get(caller.username)!
            .post(path, action === 'RETURN' ? { reason: '状态矩阵测试' } : {});
          cells++;
          const want = expected(caller, s, action);
          const where = `${action} ${s.state}@${s.stepIndex} by ${caller.username}`;
          if (res.status !== want) failures.push(`${where} → ${res.status}, expected ${want}`);
          if (res.status >= 400 && !/[\u4e00-\u9fff]/.test(String(res.body?.message ?? '')))
            failures.push(`${where} without a Chinese message`);
          if (res.status !== 200) {
            if ((await snapshotOf(id, app.site.id)) !== before) failures.push(`${where} changed the database`);
            continue;
          }
          const d = decide(
            { type: 'NEW_SITE', state: s.state, chain: CHAIN, stepIndex: s.stepIndex },
            { kind: 'ORG', orgCode: caller.orgCode },
            action,
            '状态矩阵测试',
          );
          const row = await t.ctx.db
            .selectFrom('requests')
            .select(['state', 'step_index', 'current_org'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          if (d.ok && (row.state !== d.next.state || row.step_index !== d.next.stepIndex))
            failures.push(
              `${where} moved to ${row.state}@${row.step_index}, decide() says ${d.next.state}@${d.next.stepIndex}`,
            );
          if (d.ok && row.current_org !== d.next.currentOrg)
            failures.push(`${where} left current_org ${row.current_org}, decide() says ${d.next.currentOrg}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(STATES.length * CALLERS.length * 2);
  }, 300_000);
});
