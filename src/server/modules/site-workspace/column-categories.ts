// The 栏目 dictionary (SPEC §5.2, §16 item 23), edited by the root: add, rename, reorder, deactivate — never delete,
// since stored 栏目 rows refer to the codes.
import type { z } from 'zod';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { type CategoryRow, listCategories, lockCategories, saveCategories } from './categories-repository.ts';
import type { CategoriesBody, categoriesView } from './schema.ts';

type CategoriesView = z.infer<typeof categoriesView>;

export async function listColumnCategories(ctx: AppContext): Promise<CategoriesView> {
  return { items: await listCategories(ctx.db, false) };
}

/** What is wrong with a new dictionary compared with the stored one, or null. */
export function dictionaryProblem(items: CategoriesBody['items'], stored: readonly CategoryRow[]): string | null {
  const codes = new Set<string>();
  for (const item of items) {
    if (codes.has(item.code)) return `类别代码“${item.code}”重复`;
    codes.add(item.code);
  }
  const dropped = stored.find((c) => !codes.has(c.code));
  if (dropped) return `栏目类别“${dropped.name}”不能删除（已填报的栏目信息引用它）；如不再使用，请停用`;
  const active = items.filter((i) => i.active);
  if (active.length === 0) return '至少保留一个启用的栏目类别';
  const names = new Set<string>();
  for (const item of active) {
    if (names.has(item.name)) return `启用的栏目类别中“${item.name}”重名`;
    names.add(item.name);
  }
  return null;
}

export async function saveColumnCategories(
  ctx: AppContext,
  opts: { actor: OrgActor; input: CategoriesBody; ip: string | null },
): Promise<CategoriesView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await lockCategories(trx);
    const before = await listCategories(trx, false);
    const problem = dictionaryProblem(opts.input.items, before);
    if (problem) throw invalid(problem);
    await saveCategories(trx, opts.input.items);
    const after = await listCategories(trx, false);
    await writeAudit(
      trx,
      now,
      opts.actor,
      {
        kind: 'COLUMN_CATEGORIES_MAINTAINED',
        entityType: 'COLUMN_CATEGORIES',
        entityId: 'column_categories',
        data: { before, after },
      },
      opts.ip,
    );
    return { items: after };
  });
}
