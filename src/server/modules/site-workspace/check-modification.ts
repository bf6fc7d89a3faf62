// Checks both pages of 基本信息修改 (SPEC §5.1, §5.2, §7.2): the basic information with the read-only fields taken
// from the live record, and one 栏目 row per active category. Pure; the use cases add the database checks.

import type { StoredColumnRow } from '../../../domain/site-diff.ts';
import { type FieldMessage, type SiteInfo, validateSiteInfo } from '../../../domain/site-info.ts';
import { checkColumns } from '../../../domain/validation/columns.ts';
import type { CategoryRow } from './categories-repository.ts';
import type { ModificationBody } from './schema.ts';

export interface ReadOnlyFields {
  orgCode: string;
  isPortal: boolean;
  isServicePlatform: boolean;
}

export type ModificationCheck =
  | { ok: true; info: SiteInfo; columns: StoredColumnRow[]; warnings: FieldMessage[] }
  | { ok: false; errors: FieldMessage[]; warnings: FieldMessage[] };

/** The form field of a category's row, as errors name it. */
export const columnField = (category: string) => `columns.${category}`;

/**
 * `categories` are the active ones in dictionary order; every one needs a row (「无」 in both when the site has
 * none). Rows of other categories already on the live record are carried over unchanged.
 */
export function checkModification(
  input: ModificationBody,
  readOnly: ReadOnlyFields,
  categories: readonly CategoryRow[],
  liveColumns: readonly StoredColumnRow[],
): ModificationCheck {
  const { orgCode, isPortal, isServicePlatform } = readOnly;
  const info = validateSiteInfo({ ...input.info, orgCode, isPortal, isServicePlatform });
  const byCategory = new Map(input.columns.map((c) => [c.category, c]));
  const columns = checkColumns(
    categories.map((c) => ({
      category: c.code,
      categoryName: c.name,
      names: byCategory.get(c.code)?.names ?? '',
      addresses: byCategory.get(c.code)?.addresses ?? '',
    })),
  );
  const errors: FieldMessage[] = [
    ...info.errors,
    ...(columns.ok ? [] : columns.errors.map((e) => ({ field: columnField(e.category), message: e.message }))),
  ];
  if (!info.ok || !columns.ok) return { ok: false, errors, warnings: info.warnings };
  const active = new Set(categories.map((c) => c.code));
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const rows: StoredColumnRow[] = [
    ...columns.rows.map((r) => ({
      category: r.category,
      categoryName: names.get(r.category) ?? r.category,
      names: r.names,
      addresses: r.addresses,
    })),
    ...liveColumns.filter((r) => !active.has(r.category)),
  ];
  return { ok: true, info: info.value, columns: rows, warnings: info.warnings };
}

/** One line for the error response: the first few problems, each naming its field or 栏目 category. */
export function summarize(errors: readonly FieldMessage[], max = 3): string {
  const shown = errors.slice(0, max).map((e) => e.message);
  const more = errors.length > max ? `等 ${errors.length} 处问题` : '';
  return `${shown.join('；')}${more}`;
}
