// import-orgs: adds or updates org units from spreadsheet rows; keeps the valid rows and reports each bad one.

import type { PersonContact } from '../../../db/schema.ts';
import { expectedLocalParent, parseOrgCode } from '../../../domain/org-code.ts';
import { normalizeName } from '../../../domain/text.ts';
import { checkEmail, checkMobile, checkOfficePhone } from '../../../domain/validation/index.ts';
import { writeAudit } from '../../audit.ts';
import type { Db } from '../../context.ts';
import { insertOrgUnits } from './repository.ts';

export const IMPORT_HEADERS = {
  code: '组织单位代码',
  name: '名称',
  displayName: '显示名称',
  parentCode: '上级代码',
  enabled: '是否启用',
} as const;

const PERSON_PREFIXES = ['负责人', '联系人1', '联系人2', '联系人3'] as const;

export interface ImportRow {
  /** 1-based row number in the file (the header is row 1). */
  rowNumber: number;
  cells: Record<string, string>;
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: { rowNumber: number; code: string; reason: string }[];
}

function person(cells: Record<string, string>, prefix: string): PersonContact | null | string {
  const name = normalizeName(cells[`${prefix}姓名`] ?? '');
  const officePhone = (cells[`${prefix}办公电话`] ?? '').trim();
  const mobile = (cells[`${prefix}手机`] ?? '').trim();
  const email = (cells[`${prefix}邮箱`] ?? '').trim();
  if (!name && !officePhone && !mobile && !email) return null;
  if (!name) return `${prefix}姓名未填写`;
  const out: PersonContact = { name, officePhone: '', mobile: '', email: '' };
  if (officePhone) {
    const r = checkOfficePhone(officePhone);
    if (!r.ok) return `${prefix}办公电话：${r.error}`;
    out.officePhone = r.value;
  }
  if (mobile) {
    const r = checkMobile(mobile);
    if (!r.ok) return `${prefix}手机：${r.error}`;
    out.mobile = r.value;
  }
  if (email) {
    const r = checkEmail(email);
    if (!r.ok) return `${prefix}邮箱：${r.error}`;
    out.email = r.value;
  }
  return out;
}

export async function importOrgUnits(
  db: Db,
  rows: ImportRow[],
  now: Date,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, errors: [] };
  const existing = new Map(
    (await db.selectFrom('org_units').select(['code', 'level', 'branch', 'parent_code', 'path']).execute()).map((r) => [
      r.code,
      r,
    ]),
  );
  const seenInFile = new Set<string>();
  let done = 0;
  for (const row of rows) {
    const fail = (code: string, reason: string) => result.errors.push({ rowNumber: row.rowNumber, code, reason });
    const c = row.cells;
    const rawCode = (c[IMPORT_HEADERS.code] ?? '').trim();
    done++;
    onProgress(done, rows.length);
    const parsed = parseOrgCode(rawCode);
    if (!parsed.ok) {
      fail(rawCode, rawCode ? parsed.reason : '组织单位代码未填写');
      continue;
    }
    const code = parsed.code;
    if (seenInFile.has(code)) {
      fail(code, '与文件中前面的行代码重复');
      continue;
    }
    const name = normalizeName(c[IMPORT_HEADERS.name] ?? '');
    if (!name || name.length > 100) {
      fail(code, name ? '名称超过 100 个字' : '名称未填写');
      continue;
    }
    const displayName = normalizeName(c[IMPORT_HEADERS.displayName] ?? '') || name;
    const enabledText = (c[IMPORT_HEADERS.enabled] ?? '').trim();
    if (enabledText && !['是', '否'].includes(enabledText)) {
      fail(code, '是否启用只能填“是”或“否”');
      continue;
    }
    const people = PERSON_PREFIXES.map((p) => person(c, p));
    const personError = people.find((p): p is string => typeof p === 'string');
    if (personError) {
      fail(code, personError);
      continue;
    }
    const [principal, ...contacts] = people as (PersonContact | null)[];
    const parentInput = (c[IMPORT_HEADERS.parentCode] ?? '').trim();
    const parentParsed = parentInput ? parseOrgCode(parentInput) : null;
    if (parentParsed && !parentParsed.ok) {
      fail(code, `上级代码：${parentParsed.reason}`);
      continue;
    }
    const parentCode = parentParsed?.ok ? parentParsed.code : null;
    const stored = existing.get(code);

    if (stored) {
      if (parentCode && parentCode !== stored.parent_code) {
        fail(code, `上级代码与现有挂接关系（${stored.parent_code ?? '无'}）不一致；调整挂接关系请使用“挂接关系维护”`);
        continue;
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('org_units')
          .set({
            name,
            display_name: displayName,
            principal: JSON.stringify(principal ?? null),
            contacts: JSON.stringify(contacts.filter((p): p is PersonContact => p !== null)),
            ...(enabledText ? { enabled: enabledText === '是' } : {}),
            updated_at: now,
          })
          .where('code', '=', code)
          .execute();
        await writeAudit(trx, now, 'SYSTEM', {
          kind: 'ORG_UNITS_IMPORT_UPDATED',
          entityType: 'ORG_UNIT',
          entityId: code,
          data: { rowNumber: row.rowNumber },
        });
      });
      seenInFile.add(code);
      result.updated++;
      continue;
    }

    if (!parentCode) {
      fail(code, '新增组织单位必须填写上级代码');
      continue;
    }
    const parent = existing.get(parentCode);
    if (!parent) {
      fail(code, `上级代码 ${parentCode} 不存在`);
      continue;
    }
    const level = parent.level + 1;
    if (level > 3) {
      fail(code, `上级 ${parentCode} 已是县级/垂管分局，不能再挂接下级组织单位`);
      continue;
    }
    const branch = parsed.family === 'LOCAL' ? 'LOCAL' : 'VERTICAL';
    if (branch === 'LOCAL' && parent.branch === 'LOCAL' && parent.level > 0) {
      const expected = expectedLocalParent(code);
      if (expected && expected !== parentCode) {
        fail(code, `按行政区划代码，${code} 应挂接在 ${expected} 之下，而不是 ${parentCode}`);
        continue;
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertOrgUnits(
        trx,
        [
          {
            code,
            name,
            displayName,
            level,
            branch,
            parentCode,
            principal: principal ?? null,
            contacts: contacts.filter((p): p is PersonContact => p !== null),
            enabled: enabledText ? enabledText === '是' : true,
          },
        ],
        now,
      );
      await writeAudit(trx, now, 'SYSTEM', {
        kind: 'ORG_UNITS_IMPORT_CREATED',
        entityType: 'ORG_UNIT',
        entityId: code,
        data: { rowNumber: row.rowNumber, parentCode },
      });
    });
    existing.set(code, { code, level, branch, parent_code: parentCode, path: `${parent.path}${code}/` });
    seenInFile.add(code);
    result.created++;
  }
  return result;
}
