// Limits of an import file and the check of one cell's text (issue 20). Pure.

/** Rows per file; a national register is split by province (a province has ~1,000–5,000 sites). */
export const MAX_IMPORT_ROWS = 50_000;
/** Longest cell accepted: the longest field (主办单位地址) is 200 characters; 栏目 lists may be longer. */
export const MAX_CELL_CHARS = 4000;

export type CellCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * Text of a cell as the import uses it. Our own exports write 「'」 before a leading = + - @ so a spreadsheet does not
 * run it (neutraliseCell); it is taken off again. A CSV cell that still starts with 「=」 is a formula.
 */
export function checkCellText(raw: string): CellCheck {
  if (/^'[=+\-@]/.test(raw)) return { ok: true, value: raw.slice(1) };
  if (/^=[A-Za-z(]/.test(raw.trim())) {
    return { ok: false, message: `单元格是公式（${raw.trim().slice(0, 30)}），请改为填写数值本身后再导入` };
  }
  const length = [...raw].length;
  if (length > MAX_CELL_CHARS) {
    return {
      ok: false,
      message: `单元格内容过长（${length} 个字），最多 ${MAX_CELL_CHARS} 个字，请核对是否误粘贴了其他内容`,
    };
  }
  return { ok: true, value: raw };
}

export function tooManyRowsMessage(rows: number): string {
  return `文件共有 ${rows} 行数据，超过单次导入上限 ${MAX_IMPORT_ROWS} 行，请按组织单位拆分为多个文件分批导入`;
}
