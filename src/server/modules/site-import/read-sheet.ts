// Reads an uploaded register file into heading + rows of text (issue 20): xlsx through exceljs, CSV through the
// domain decoder. Whatever cannot be imported safely — not a spreadsheet, hidden sheets, merged cells, formulas, dates,
// over-long cells, too many rows — becomes a Chinese message; nothing is guessed.
import type ExcelJS from 'exceljs';
import { checkCellText, MAX_IMPORT_ROWS, tooManyRowsMessage } from '../../../domain/site-import/cells.ts';
import { decodeCsv, looksLikeText, parseCsv } from '../../../domain/site-import/csv.ts';
import { columnLetter, type ImportIssue } from '../../../domain/site-import/headers.ts';
import { loadExcelJS } from '../../xlsx-table.ts';

export interface SheetRow {
  rowNumber: number;
  /** 1-based column → text (holes for empty cells). */
  values: (string | undefined)[];
}

export interface SheetData {
  format: 'xlsx' | 'csv';
  /** CSV only: the encoding that was detected. */
  encoding: string | null;
  headers: (string | undefined)[];
  rows: SheetRow[];
  /** Problems that stop the whole file (row null) or sit in one cell. */
  errors: ImportIssue[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

function fileError(message: string): SheetData {
  return { format: 'xlsx', encoding: null, headers: [], rows: [], errors: [fileIssue(message)] };
}

function fileIssue(message: string): ImportIssue {
  return { row: null, column: null, header: null, message };
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.includes('.') ? (base.split('.').pop() ?? '').toLowerCase() : '';
}

/** Reads `content`; the extension says which reader, the leading bytes must agree with it. */
export async function readSheet(fileName: string, content: Uint8Array): Promise<SheetData> {
  const ext = extensionOf(fileName);
  if (content.length === 0) return fileError('文件是空的，请选择要导入的 xlsx 或 CSV 文件');
  if (ext === 'xls' || startsWith(content, OLE)) {
    return fileError('不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入');
  }
  if (ext === 'xlsx') {
    if (!startsWith(content, ZIP)) return fileError('文件内容不是 xlsx 工作簿（可能只是改了扩展名），请确认文件未损坏');
    return readXlsx(content);
  }
  if (ext === 'csv') {
    if (startsWith(content, ZIP)) return fileError('文件内容是 xlsx 工作簿而扩展名为 .csv，请改回 .xlsx 后再导入');
    return readCsv(content);
  }
  return fileError(`不支持的文件类型${ext ? ` .${ext}` : ''}：只能导入 .xlsx 或 .csv 文件`);
}

function readCsv(content: Uint8Array): SheetData {
  const { text, encoding } = decodeCsv(content);
  if (!looksLikeText(text)) return fileError('文件内容不是文本格式的 CSV，请确认选择了正确的文件');
  const table = parseCsv(text);
  const data: SheetData = { format: 'csv', encoding, headers: [], rows: [], errors: [] };
  const [head, ...body] = table;
  if (!head || head.every((h) => h.trim() === '')) {
    data.errors.push(fileIssue('文件中没有内容：第 1 行应为列名，其后每行一个网站'));
    return data;
  }
  data.headers = [undefined, ...head.map((h) => h.replace(/^\uFEFF/, ''))];
  const nonEmpty = body.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length > MAX_IMPORT_ROWS) {
    data.errors.push(fileIssue(tooManyRowsMessage(nonEmpty.length)));
    return data;
  }
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const rowNumber = i + 2;
    const values: (string | undefined)[] = [undefined];
    cells.forEach((raw, j) => {
      values.push(cellValue(raw, rowNumber, j + 1, data));
    });
    data.rows.push({ rowNumber, values });
  });
  if (data.rows.length === 0) data.errors.push(fileIssue('文件中只有列名，没有网站数据'));
  return data;
}

function cellValue(raw: string, row: number, col: number, data: SheetData): string | undefined {
  const checked = checkCellText(raw);
  if (!checked.ok) {
    data.errors.push({ row, column: columnLetter(col), header: data.headers[col] ?? null, message: checked.message });
    return undefined;
  }
  return checked.value;
}

async function readXlsx(content: Uint8Array): Promise<SheetData> {
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return fileError('无法读取该 xlsx 文件：文件可能已损坏或不是 Excel 工作簿');
  }
  const data: SheetData = { format: 'xlsx', encoding: null, headers: [], rows: [], errors: [] };
  const hidden = workbook.worksheets.filter((ws) => ws.state !== 'visible');
  if (hidden.length > 0) {
    data.errors.push(
      fileIssue(
        `工作簿含隐藏的工作表（${hidden.map((ws) => `“${ws.name}”`).join('、')}），为避免漏看数据请删除或取消隐藏后再导入`,
      ),
    );
    return data;
  }
  const withData = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet = withData[0];
  if (!sheet) {
    data.errors.push(fileIssue('工作表是空的：第 1 行应为列名，其后每行一个网站'));
    return data;
  }
  if (withData.length > 1) {
    data.errors.push(
      fileIssue(
        `工作簿有 ${withData.length} 个含数据的工作表（${withData.map((ws) => `“${ws.name}”`).join('、')}），请只保留要导入的一个`,
      ),
    );
    return data;
  }
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length > 0) {
    data.errors.push(
      fileIssue(
        `工作表“${sheet.name}”含合并单元格（${merges.slice(0, 5).join('、')}${merges.length > 5 ? ' 等' : ''}），请取消合并、每行只填一个网站后再导入`,
      ),
    );
    return data;
  }
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS) {
    data.errors.push(fileIssue(tooManyRowsMessage(sheet.actualRowCount - 1)));
    return data;
  }
  const first = sheet.getRow(1);
  first.eachCell({ includeEmpty: false }, (cell, col) => {
    data.headers[col] = plainText(cell.value) ?? '';
  });
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: (string | undefined)[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = xlsxCellText(cell.value, rowNumber, col, data);
      if (text !== undefined && text.trim() !== '') any = true;
      values[col] = text;
    });
    if (any) data.rows.push({ rowNumber, values });
  });
  if (data.headers.every((h) => h === undefined || h.trim() === '')) {
    data.errors.push(fileIssue('第 1 行没有列名：第 1 行应为列名，其后每行一个网站'));
  } else if (data.rows.length === 0 && data.errors.length === 0) {
    data.errors.push(fileIssue('工作表中只有列名，没有网站数据'));
  }
  return data;
}

/** Text of a heading cell (formulas and dates in headings are simply shown as text). */
function plainText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  return undefined;
}

function xlsxCellText(value: ExcelJS.CellValue, row: number, col: number, data: SheetData): string | undefined {
  const at = { row, column: columnLetter(col), header: data.headers[col] ?? null };
  const problem = (message: string) => {
    data.errors.push({ ...at, message });
    return undefined;
  };
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    return problem(
      `单元格是日期格式（${value.toISOString().slice(0, 10)}），系统中没有日期字段；请将该列设为“文本”格式并按原样重新填写`,
    );
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) && Number.isInteger(value)) {
      return problem('单元格是数字格式且位数过多，已丢失精度；请将该列设为“文本”格式后重新填写');
    }
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return cellValue(value, row, col, data);
  if ('formula' in value || 'sharedFormula' in value) {
    return problem('单元格含公式，请复制该列后“选择性粘贴 → 数值”，再导入');
  }
  if ('error' in value) return problem(`单元格是错误值（${String(value.error)}），请修正后再导入`);
  if ('richText' in value) return cellValue(value.richText.map((r) => r.text).join(''), row, col, data);
  if ('text' in value) {
    const text = typeof value.text === 'string' ? value.text : plainText(value.text as ExcelJS.CellValue);
    return text === undefined ? undefined : cellValue(text, row, col, data);
  }
  return problem('无法识别该单元格的内容，请改为文本后再导入');
}
