// Database access of the 栏目 dictionary (column_categories, SPEC §5.2).
import type { Db, Trx } from '../../context.ts';

export interface CategoryRow {
  code: string;
  groupName: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export async function listCategories(db: Db | Trx, activeOnly: boolean): Promise<CategoryRow[]> {
  let q = db.selectFrom('column_categories').select(['code', 'group_name', 'name', 'sort_order', 'active']);
  if (activeOnly) q = q.where('active', '=', true);
  const rows = await q.orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    groupName: r.group_name,
    name: r.name,
    sortOrder: r.sort_order,
    active: r.active,
  }));
}

/** Writes the whole dictionary in the given order (sort_order = position); existing codes are updated. */
export async function saveCategories(trx: Trx, items: readonly Omit<CategoryRow, 'sortOrder'>[]): Promise<void> {
  for (const [i, item] of items.entries()) {
    await trx
      .insertInto('column_categories')
      .values({ code: item.code, group_name: item.groupName, name: item.name, sort_order: i + 1, active: item.active })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          group_name: item.groupName,
          name: item.name,
          sort_order: i + 1,
          active: item.active,
        }),
      )
      .execute();
  }
}

/** Locks the dictionary for one writer at a time. */
export async function lockCategories(trx: Trx): Promise<void> {
  await trx.selectFrom('column_categories').select('code').forUpdate().execute();
}
