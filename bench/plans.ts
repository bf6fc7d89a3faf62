// The plans of the site list's standard filters and of the root's whole-tree org-units page (issue #22: "show the
// plans"): each case's statements captured from the use case itself, run 3 times to warm the caches, then
// EXPLAIN (ANALYZE, BUFFERS, SUMMARY). The plans go to `bench-plans-<db>.md` in the current directory; one row per
// case (execution and planning time) goes to the bench's table.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompiledQuery } from 'kysely';
import type { Db } from '../src/server/context.ts';
import { listOrgUnits } from '../src/server/modules/org-units/repository.ts';
import { startServer } from '../src/start.ts';
import type { Target } from './foundation.ts';
import { captureStatements, fmt, recordText } from './lib.ts';
import { actorOf, benchConfig, LIST_FILTER, listStatements } from './site-list.ts';

const VIEWER_LABELS = {
  admin: '根单位（国务院办公厅）',
  hebei: '省级（河北省）',
  haigang: '县级（秦皇岛市海港区）',
} as const;
type Viewer = keyof typeof VIEWER_LABELS;

interface PlanCase {
  filter: string;
  viewer: Viewer;
  /** GET /api/sites query string parameters; absent for the org-units page. */
  query?: Record<string, string>;
}

const PAGE = { page: '1', pageSize: '20' } as const;

/** The site list's standard filters, by viewer (LIST_FILTER is the one the latency and throughput steps use). */
const LIST_CASES: readonly PlanCase[] = [
  { filter: '默认第 1 页（无筛选）', viewer: 'admin', query: PAGE },
  { filter: '默认第 1 页（无筛选）', viewer: 'hebei', query: PAGE },
  { filter: '默认第 1 页（无筛选）', viewer: 'haigang', query: PAGE },
  { filter: '运行状态=正常', viewer: 'admin', query: { ...PAGE, runStatus: 'NORMAL' } },
  { filter: '运行状态=正常', viewer: 'hebei', query: { ...PAGE, runStatus: 'NORMAL' } },
  { filter: '名称「教育」+运行状态=正常', viewer: 'admin', query: LIST_FILTER },
  { filter: '名称「教育」+运行状态=正常', viewer: 'hebei', query: LIST_FILTER },
  { filter: '申报状态=未审核', viewer: 'hebei', query: { ...PAGE, orgStatus: 'NOT_REVIEWED' } },
  { filter: '申报状态=审核中', viewer: 'admin', query: { ...PAGE, orgStatus: 'IN_REVIEW' } },
];

/** GET /api/org-units?pageSize=100&page=3 as the root (the page benchSubtree times). */
const SUBTREE_CASE: PlanCase = { filter: '组织单位全树第 3 页（100 行/页）', viewer: 'admin' };

interface Explained {
  sql: string;
  parameters: readonly unknown[];
  rows: number;
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  plan: string;
}

const number = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);

async function explain(db: Db, statement: CompiledQuery): Promise<Explained> {
  let rows = 0;
  for (let i = 0; i < 3; i++) rows = (await db.executeQuery(statement)).rows.length;
  const result = await db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${statement.sql}`, [...statement.parameters]),
  );
  const plan = result.rows.map((r) => Object.values(r)[0]).join('\n');
  // The top node's Buffers line sums its children's; the planner's own buffers are listed apart under "Planning:".
  const top = /Buffers: ([^\n]*)/.exec(plan)?.[1] ?? '';
  return {
    sql: statement.sql,
    parameters: statement.parameters,
    rows,
    planningMs: number(plan, /Planning Time: ([\d.]+) ms/),
    executionMs: number(plan, /Execution Time: ([\d.]+) ms/),
    sharedHit: number(top, /shared hit=(\d+)/),
    sharedRead: number(top, /read=(\d+)/),
    plan,
  };
}

function caseMarkdown(c: PlanCase, path: string, statements: Explained[]): string {
  const parts = [`## ${c.filter} — ${VIEWER_LABELS[c.viewer]}（${c.viewer}）`, '', `\`${path}\``, ''];
  statements.forEach((s, i) => {
    parts.push(
      `### 语句 ${i + 1}/${statements.length}：${s.rows} 行，Planning Time ${s.planningMs} ms，Execution Time ${s.executionMs} ms，shared hit ${s.sharedHit} / read ${s.sharedRead}`,
      '',
      '```sql',
      s.sql,
      '```',
      '',
      `参数：\`${JSON.stringify(s.parameters)}\``,
      '',
      '```',
      s.plan,
      '```',
      '',
    );
  });
  return parts.join('\n');
}

export async function benchPlans(target: Target): Promise<void> {
  const server = await startServer(benchConfig(target), { logger: false });
  const file = resolve(`bench-plans-${target.label.toLowerCase()}.md`);
  try {
    const ctx = server.app.ctx;
    const sections: string[] = [];
    const cases: { c: PlanCase; path: string; statements: CompiledQuery[] }[] = [];
    for (const c of LIST_CASES) {
      const statements = await listStatements(ctx, await actorOf(ctx.db, c.viewer), c.query ?? {});
      cases.push({ c, path: `/api/sites?${new URLSearchParams(c.query).toString()}`, statements });
    }
    const root = await actorOf(ctx.db, SUBTREE_CASE.viewer);
    const subtree = await captureStatements(ctx.db, (db) =>
      listOrgUnits(db, { rootPath: root.orgPath, page: 3, pageSize: 100 }),
    );
    cases.push({ c: SUBTREE_CASE, path: '/api/org-units?pageSize=100&page=3', statements: subtree });

    for (const { c, path, statements } of cases) {
      const explained: Explained[] = [];
      for (const s of statements) explained.push(await explain(ctx.db, s));
      sections.push(caseMarkdown(c, path, explained));
      const sum = (f: (e: Explained) => number) => explained.reduce((n, e) => n + f(e), 0);
      recordText(
        target.label,
        `执行计划：${c.filter}（${VIEWER_LABELS[c.viewer]}）`,
        `执行 ${fmt(sum((e) => e.executionMs))} ms`,
        '—',
        '—',
        `计划 ${fmt(sum((e) => e.planningMs))} ms；${explained.length} 条语句（${explained.map((e) => `${e.rows} 行`).join('、')}）；shared hit ${sum((e) => e.sharedHit)} / read ${sum((e) => e.sharedRead)}；计划全文见 ${file}`,
      );
    }
    const header = [
      `# 执行计划（${target.label}）`,
      '',
      `${new Date().toISOString()}；每条语句先原样执行 3 次预热缓存，再 EXPLAIN (ANALYZE, BUFFERS, SUMMARY)。语句取自用例本身（bench/plans.ts）。`,
      '',
    ].join('\n');
    writeFileSync(file, `${header}\n${sections.join('\n')}`);
    console.error(`[bench] ${target.label}: plans written to ${file}`);
  } finally {
    await server.close();
  }
}
