// 预检 (issue 20): what importing a file would do, row by row — 新增, 更新 (with the fields that differ), 不变 — and
// every error with its row, column and reason. Reads only; the import itself runs the same plan in its transaction.
import { parseSiteCode } from '../../../domain/org-code.ts';
import { HeaderMatcher, type ImportField, type ImportIssue, mapHeaders } from '../../../domain/site-import/headers.ts';
import {
  type ChangedField,
  diffRecord,
  findDuplicatesInFile,
  holdsUniqueKeys,
  uniqueKeysOf,
} from '../../../domain/site-import/plan.ts';
import { buildRecord, type ImportRecord, isImportRunStatus } from '../../../domain/site-import/rows.ts';
import { RUN_STATUS_LABELS, type SiteRunStatus } from '../../../domain/status-labels.ts';
import { hostToUnicode } from '../../../domain/validation/index.ts';
import type { Db, Trx } from '../../context.ts';
import { listCategories } from '../site-workspace/categories-repository.ts';
import type { SheetData } from './read-sheet.ts';
import { type ExistingSite, findKeyHolders, findOrgs, findPortalHolders, findSitesByCodes } from './repository.ts';

/** Whose register the import writes: the caller's org and its subtree. */
export interface ImportScope {
  orgCode: string;
  orgName: string;
  orgPath: string;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

export const ROW_ACTION_LABELS: Readonly<Record<RowAction, string>> = {
  create: '新增',
  update: '更新',
  unchanged: '不变',
  error: '错误',
};

export interface RowPlan {
  rowNumber: number;
  siteCode: string;
  name: string;
  action: RowAction;
  changes: ChangedField[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  record: ImportRecord | null;
  existing: ExistingSite | null;
}

export interface ImportPlan {
  format: SheetData['format'];
  encoding: string | null;
  headers: (string | undefined)[];
  /** The file's rows as read (for the downloadable report). */
  sheetRows: SheetData['rows'];
  rows: RowPlan[];
  /** Problems of the whole file (nothing can be imported). */
  fileErrors: ImportIssue[];
  /** Unknown and ignored columns. */
  notices: ImportIssue[];
  counts: Record<RowAction, number>;
  /** True when the file can be imported: no file error and no row error. */
  ok: boolean;
}

function emptyPlan(sheet: SheetData, fileErrors: ImportIssue[], notices: ImportIssue[] = []): ImportPlan {
  return {
    format: sheet.format,
    encoding: sheet.encoding,
    headers: sheet.headers,
    sheetRows: sheet.rows,
    rows: [],
    fileErrors,
    notices,
    counts: { create: 0, update: 0, unchanged: 0, error: 0 },
    ok: false,
  };
}

const inScope = (scope: ImportScope, path: string) => path.startsWith(scope.orgPath);

export async function planImport(db: Db | Trx, scope: ImportScope, sheet: SheetData): Promise<ImportPlan> {
  const fileErrors = sheet.errors.filter((e) => e.row === null);
  if (fileErrors.length > 0) return emptyPlan(sheet, fileErrors);
  const categories = (await listCategories(db, false)).map((c) => ({ code: c.code, name: c.name }));
  const headers = mapHeaders(sheet.headers, new HeaderMatcher(categories));
  if (headers.errors.length > 0) return emptyPlan(sheet, headers.errors, headers.notices);

  const cellErrors = new Map<number, ImportIssue[]>();
  for (const e of sheet.errors) {
    if (e.row !== null) cellErrors.set(e.row, [...(cellErrors.get(e.row) ?? []), e]);
  }
  const raw = sheet.rows.map((r) => {
    const cells = new Map<ImportField, string>();
    r.values.forEach((v, col) => {
      const field = headers.fields.get(col);
      if (field && v !== undefined) cells.set(field, v);
    });
    return { rowNumber: r.rowNumber, cells };
  });
  const codes = raw.map((r) => parseSiteCode(r.cells.get('siteCode') ?? '')).flatMap((p) => (p.ok ? [p] : []));
  const existing = await findSitesByCodes(
    db,
    codes.map((c) => c.siteCode),
  );
  const orgs = await findOrgs(
    db,
    codes.map((c) => c.orgCode),
  );

  const rows: RowPlan[] = raw.map((row) => {
    const plan: RowPlan = {
      rowNumber: row.rowNumber,
      siteCode: (row.cells.get('siteCode') ?? '').trim(),
      name: (row.cells.get('name') ?? '').trim(),
      action: 'error',
      changes: [],
      errors: [...(cellErrors.get(row.rowNumber) ?? [])],
      warnings: [],
      record: null,
      existing: null,
    };
    const at = (message: string): ImportIssue => ({
      row: row.rowNumber,
      column: headers.columnOf.get('siteCode')?.letter ?? null,
      header: headers.columnOf.get('siteCode')?.header ?? null,
      message,
    });
    const code = parseSiteCode(plan.siteCode);
    const ex = code.ok ? (existing.get(code.siteCode) ?? null) : null;
    if (ex && !inScope(scope, ex.orgPath)) {
      plan.errors.push(at(`网站标识码 ${ex.record.siteCode} 已被${scope.orgName}管辖范围以外的网站使用，不能导入`));
      return plan;
    }
    if (code.ok && !ex) {
      const org = orgs.get(code.orgCode);
      if (!org) {
        plan.errors.push(at(`网站标识码前 6 位“${code.orgCode}”不是已登记的组织单位，请先导入或新建该组织单位`));
      } else if (!inScope(scope, org.path)) {
        plan.errors.push(at(`组织单位 ${org.code}（${org.name}）不在${scope.orgName}的管辖范围内，不能导入其网站`));
      } else if (!org.enabled) {
        plan.errors.push(at(`组织单位 ${org.code}（${org.name}）已停用，不能接收网站`));
      }
    }
    const built = buildRecord(row, {
      headers,
      categories,
      existing: ex?.record ?? null,
      provinceCode: code.ok ? code.orgCode : undefined,
    });
    if (!built.ok) {
      plan.errors.push(...built.errors);
      return plan;
    }
    plan.warnings = built.record.warnings;
    plan.name = built.record.info.name;
    if (plan.errors.length > 0) return plan;
    plan.record = built.record;
    plan.existing = ex;
    if (!ex) {
      plan.action = 'create';
      return plan;
    }
    plan.changes = diffRecord(ex.record, built.record);
    if (plan.changes.length === 0) {
      plan.action = 'unchanged';
      return plan;
    }
    if (ex.hasOpenRequest) {
      plan.errors.push(at('该网站有尚未办结的申请，请待申请办结后再导入更新'));
    } else if (!isImportRunStatus(ex.record.runStatus)) {
      const label = RUN_STATUS_LABELS[ex.record.runStatus as SiteRunStatus] ?? ex.record.runStatus;
      plan.errors.push(at(`该网站当前为“${label}”，不能通过导入修改`));
    } else plan.action = 'update';
    return plan;
  });

  await checkUniqueness(db, rows);
  const matcher = new HeaderMatcher(categories);
  for (const r of rows) {
    for (const e of [...r.errors, ...r.warnings]) {
      if (e.column !== null || e.header === null) continue;
      const m = matcher.match(e.header);
      const col = m.kind === 'field' ? headers.columnOf.get(m.field) : undefined;
      if (col) Object.assign(e, { column: col.letter, header: col.header });
    }
  }
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) {
    if (r.errors.length > 0) r.action = 'error';
    counts[r.action]++;
  }
  return {
    format: sheet.format,
    encoding: sheet.encoding,
    headers: sheet.headers,
    sheetRows: sheet.rows,
    rows,
    fileErrors: [],
    notices: headers.notices,
    counts,
    ok: counts.error === 0 && rows.length > 0,
  };
}

/** Duplicates inside the file and against the rest of the register (SPEC §5.5), and one portal per org. */
async function checkUniqueness(db: Db | Trx, rows: RowPlan[]): Promise<void> {
  const good = rows.filter((r) => r.record !== null);
  const byRow = new Map(rows.map((r) => [r.rowNumber, r]));
  for (const issue of findDuplicatesInFile(good.map((r) => r.record!))) byRow.get(issue.row!)?.errors.push(issue);

  const live = good.filter((r) => holdsUniqueKeys(r.record!.runStatus) && r.action !== 'unchanged');
  const inFile = new Set(good.flatMap((r) => (r.existing ? [r.existing.id] : [])));
  const keyed = live.map((r) => ({ row: r, keys: uniqueKeysOf(r.record!) }));
  const found = await findKeyHolders(
    db,
    {
      names: keyed.map((k) => k.keys.nameKey),
      urls: keyed.map((k) => k.keys.urlKey),
      homeHosts: keyed.map((k) => k.keys.homeHost),
      otherHosts: keyed.flatMap((k) => k.keys.hosts),
    },
    inFile,
  );
  const index = (list: { key: string; name: string; siteCode: string | null }[]) => {
    const m = new Map<string, { name: string; siteCode: string | null }>();
    for (const h of list) if (!m.has(h.key)) m.set(h.key, h);
    return m;
  };
  const names = index(found.names);
  const urls = index(found.urls);
  const homes = index(found.homeOfOthers);
  const domains = index(found.domainsOfOthers);
  const who = (h: { name: string; siteCode: string | null }) =>
    h.siteCode ? `网站“${h.name}”（标识码 ${h.siteCode}）` : `正在申请中的网站“${h.name}”`;
  const issue = (r: RowPlan, header: string, message: string): ImportIssue => ({
    row: r.rowNumber,
    column: null,
    header,
    message,
  });
  for (const { row, keys } of keyed) {
    const n = names.get(keys.nameKey);
    if (n) row.errors.push(issue(row, '网站名称', `网站名称“${row.record!.info.name}”已被${who(n)}使用`));
    const u = urls.get(keys.urlKey);
    if (u) row.errors.push(issue(row, '首页网址', `首页网址“${row.record!.info.homeUrl}”已被${who(u)}使用`));
    const d = domains.get(keys.homeHost);
    if (d) {
      row.errors.push(issue(row, '首页网址', `域名“${hostToUnicode(keys.homeHost)}”已被${who(d)}登记为其他域名`));
    }
    for (const host of keys.hosts) {
      const h = homes.get(host) ?? domains.get(host);
      if (h) {
        const as = homes.has(host) ? '作为首页网址使用' : '登记为其他域名';
        row.errors.push(issue(row, '其他域名', `域名“${hostToUnicode(host)}”已被${who(h)}${as}`));
      }
    }
  }

  const portals = live.filter((r) => r.record!.info.isPortal);
  if (portals.length === 0) return;
  const holders = await findPortalHolders(
    db,
    portals.map((r) => r.record!.orgCode),
    inFile,
  );
  for (const r of portals) {
    const h = holders.find((p) => p.orgCode === r.record!.orgCode);
    if (h) {
      const what = h.pending ? '已有申请门户网站的申请' : '已有门户网站';
      r.errors.push(
        issue(
          r,
          '是否本级政府门户网站',
          `组织单位 ${r.record!.orgCode} ${what}：${who(h)}；每个组织单位只能有一个门户网站`,
        ),
      );
    }
  }
}

/**
 * Inside the import's transaction: the plan still holds when no site it reads was added, removed or changed since,
 * every org that receives a new site is still enabled and inside the scope, and no other site took a name, URL, host
 * or portal slot meanwhile. The rows are not parsed again (that is pure and already done). Returns the reason when
 * the plan no longer holds, null when it does.
 */
export async function recheckPlan(trx: Trx, scope: ImportScope, plan: ImportPlan): Promise<string | null> {
  const rows = plan.rows.filter((r) => r.record !== null);
  const now = await findSitesByCodes(
    trx,
    rows.map((r) => r.record!.siteCode),
  );
  for (const r of rows) {
    const after = now.get(r.record!.siteCode);
    if (
      (after?.id ?? null) !== (r.existing?.id ?? null) ||
      (after?.version ?? null) !== (r.existing?.version ?? null)
    ) {
      return `第 ${r.rowNumber} 行的网站（${r.record!.siteCode}）在预检后发生了变化`;
    }
  }
  const creates = rows.filter((r) => r.action === 'create');
  const orgs = await findOrgs(
    trx,
    creates.map((r) => r.record!.orgCode),
  );
  for (const r of creates) {
    const org = orgs.get(r.record!.orgCode);
    if (!org?.enabled || !inScope(scope, org.path)) return `组织单位 ${r.record!.orgCode} 在预检后发生了变化`;
  }
  const copies: RowPlan[] = plan.rows.map((r) => ({ ...r, errors: [] }));
  await checkUniqueness(trx, copies);
  const clash = copies.find((r) => r.errors.length > 0);
  return clash ? `第 ${clash.rowNumber} 行：${clash.errors[0]!.message}` : null;
}
