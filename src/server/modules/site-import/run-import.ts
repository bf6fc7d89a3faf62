// 确认导入 (issue 20): the file is read and planned again inside one transaction; any error and nothing is written.
// New sites get a fresh 校验码 (argon2id, as the 16:00 batch does) handed out once in the 校验码发放表; changed sites
// are rewritten with a 「批量导入更新」 entry showing the difference; each org's counter moves past its highest code.

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { generateCheckCode } from '../../../domain/codes.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { parseSiteCode } from '../../../domain/org-code.ts';
import { HeaderMatcher } from '../../../domain/site-import/headers.ts';
import { highestSequences } from '../../../domain/site-import/plan.ts';
import { RUN_STATUS_LABELS, type SiteRunStatus } from '../../../domain/status-labels.ts';
import { type AuditEntry, writeAudit, writeAuditEntries } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { hashCheckCode } from '../../passwords.ts';
import { type ImportPlan, type ImportScope, planImport, recheckPlan } from './plan-import.ts';
import { readSheet, type SheetData } from './read-sheet.ts';
import { findSitesByCodes, insertSites, raiseSequences, updateSite, writeDomains } from './repository.ts';
import { buildCheckCodeSheet, type IssuedCode } from './xlsx.ts';

/** Who runs the import: a signed-in unit, or the `govsite import-sites` command on the server. */
export type Importer = { kind: 'ORG'; actor: OrgActor } | { kind: 'CLI'; osUser: string };

export interface ImportOptions {
  scope: ImportScope;
  importer: Importer;
  fileName: string;
  content: Uint8Array;
  ip: string | null;
  /** Called as the work advances (rows checked, codes hashed, rows written), for progress bars. */
  onProgress?: (stage: ImportStage, done: number, total: number) => void;
}

export type ImportStage = '检查' | '生成校验码' | '写入';

export interface ImportResult {
  plan: ImportPlan;
  created: number;
  updated: number;
  unchanged: number;
  /** The 校验码发放表 (only when sites were created); its codes exist nowhere else. */
  checkCodeSheet: { fileName: string; body: Buffer } | null;
}

/** A fresh 校验码 and its argon2id hash per 标识码, in slices that keep the thread pool busy. */
async function hashCodes(
  siteCodes: readonly string[],
  onProgress: (done: number) => void,
  stop: { stopped: boolean } = { stopped: false },
): Promise<Map<string, { plain: string; hash: string }>> {
  const codes = new Map<string, { plain: string; hash: string }>();
  for (let i = 0; i < siteCodes.length && !stop.stopped; i += 64) {
    const hashed = await Promise.all(
      siteCodes.slice(i, i + 64).map(async (siteCode) => {
        const plain = generateCheckCode();
        return [siteCode, { plain, hash: await hashCheckCode(plain) }] as const;
      }),
    );
    for (const [code, v] of hashed) codes.set(code, v);
    onProgress(Math.min(i + 64, siteCodes.length));
  }
  return codes;
}

/** The canonical codes of rows whose 标识码 parses and is not yet in the register (most likely new sites). */
async function newLookingCodes(ctx: AppContext, sheet: SheetData): Promise<string[]> {
  if (sheet.errors.some((e) => e.row === null)) return [];
  const matcher = new HeaderMatcher([]);
  const col = sheet.headers.findIndex(
    (h) =>
      h !== undefined &&
      matcher.match(h).kind === 'field' &&
      (matcher.match(h) as { field: string }).field === 'siteCode',
  );
  if (col < 0) return [];
  const codes = [
    ...new Set(
      sheet.rows.flatMap((r) => {
        const p = parseSiteCode(r.values[col] ?? '');
        return p.ok ? [p.siteCode] : [];
      }),
    ),
  ];
  const existing = await findSitesByCodes(ctx.db, codes);
  return codes.filter((c) => !existing.has(c));
}

export function fileDigest(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function importerText(importer: Importer): string {
  return importer.kind === 'ORG'
    ? `${importer.actor.displayName}（${importer.actor.orgName}）`
    : `命令行 govsite import-sites（服务器用户 ${importer.osUser}）`;
}

/** 预检: reads and plans the file without writing anything. */
export async function previewImport(
  ctx: AppContext,
  opts: Omit<ImportOptions, 'importer' | 'ip'>,
): Promise<ImportPlan> {
  const sheet = await readSheet(opts.fileName, opts.content);
  return planImport(ctx.db, opts.scope, sheet);
}

export function planFailureMessage(plan: ImportPlan): string {
  if (plan.fileErrors.length > 0) return `文件不能导入：${plan.fileErrors.map((e) => e.message).join('；')}`;
  if (plan.rows.length === 0) return '文件中没有网站数据';
  return `文件中有 ${plan.counts.error} 行存在错误，未导入任何数据；请下载预检报告，按每行的说明修改后重新导入`;
}

export async function runImport(ctx: AppContext, opts: ImportOptions): Promise<ImportResult> {
  const sheet = await readSheet(opts.fileName, opts.content);
  // argon2 is slow: the codes of the rows that look new are hashed on libuv's thread pool while the rows are checked
  // and the transaction re-checks the plan; a failed check stops the hashing.
  const looksNew = await newLookingCodes(ctx, sheet);
  const stop = { stopped: false };
  const speculative = hashCodes(looksNew, (done) => opts.onProgress?.('生成校验码', done, looksNew.length), stop);
  speculative.catch(() => {});
  const first = await planImport(ctx.db, opts.scope, sheet).catch((error: unknown) => {
    stop.stopped = true;
    throw error;
  });
  opts.onProgress?.('检查', sheet.rows.length, sheet.rows.length);
  if (!first.ok) {
    stop.stopped = true;
    throw invalid(planFailureMessage(first), { counts: first.counts });
  }
  const toCreate = first.rows.filter((r) => r.action === 'create').map((r) => r.record!.siteCode);
  const hashing = speculative.then(async (codes) => {
    const rest = toCreate.filter((code) => !codes.has(code));
    for (const [code, v] of await hashCodes(rest, () => {})) codes.set(code, v);
    return codes;
  });
  hashing.catch(() => {});

  const now = ctx.clock.now();
  const digest = fileDigest(opts.content);
  const who = importerText(opts.importer);
  const actor = opts.importer.kind === 'ORG' ? opts.importer.actor : 'SYSTEM';
  const issued: IssuedCode[] = [];

  let checkCodeSheet: ImportResult['checkCodeSheet'] = null;
  const plan = await ctx.db.transaction().execute(async (trx) => {
    // One import at a time (across instances): a second one — the same file sent twice — waits, then its recheck
    // sees the first's sites and refuses instead of colliding on the unique indexes.
    await sql`SELECT pg_advisory_xact_lock(hashtext('govsite:site-import'))`.execute(trx);
    const changed = await recheckPlan(trx, opts.scope, first);
    if (changed) throw new AppError('STATE_CONFLICT', MESSAGES.siteImportStale(changed));
    const plan = first;
    const creates = plan.rows.filter((r) => r.action === 'create');
    const updates = plan.rows.filter((r) => r.action === 'update');
    const codes = await hashing;
    const ids = await insertSites(
      trx,
      now,
      creates.map((r) => ({ record: r.record!, checkCodeHash: codes.get(r.record!.siteCode)!.hash })),
    );
    opts.onProgress?.('写入', creates.length, creates.length + updates.length);
    for (const [i, r] of updates.entries()) {
      const ok = await updateSite(trx, now, { id: r.existing!.id, version: r.existing!.version, record: r.record! });
      if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.siteImportRowChanged(r.rowNumber));
      if ((i + 1) % 200 === 0) opts.onProgress?.('写入', creates.length + i + 1, creates.length + updates.length);
    }
    await writeDomains(
      trx,
      creates
        .filter((r) => r.record!.otherDomains.length > 0)
        .map((r) => ({ siteId: ids.get(r.record!.siteCode)!, hosts: r.record!.otherDomains })),
      true,
    );
    await writeDomains(
      trx,
      updates.map((r) => ({ siteId: r.existing!.id, hosts: r.record!.otherDomains })),
      false,
    );
    await raiseSequences(trx, highestSequences(creates.map((r) => r.record!)));

    const file = `“${opts.fileName}”`;
    const entries: AuditEntry[] = [
      ...creates.map((r) => ({
        kind: 'SITES_IMPORTED' as const,
        entityType: 'SITE',
        entityId: String(ids.get(r.record!.siteCode)),
        siteCode: r.record!.siteCode,
        toState: RUN_STATUS_LABELS[r.record!.runStatus as SiteRunStatus],
        comment: `由${who}从文件${file}第 ${r.rowNumber} 行导入`,
        data: { file: opts.fileName, sha256: digest, row: r.rowNumber },
      })),
      ...updates.map((r) => ({
        kind: 'SITE_IMPORT_UPDATED' as const,
        entityType: 'SITE',
        entityId: String(r.existing!.id),
        siteCode: r.record!.siteCode,
        comment: `由${who}从文件${file}第 ${r.rowNumber} 行更新：${r.changes
          .map((c) => `${c.label}“${c.before}”→“${c.after}”`)
          .join('；')}`,
        data: { file: opts.fileName, sha256: digest, row: r.rowNumber, changes: r.changes },
      })),
    ];
    for (let i = 0; i < entries.length; i += 1000) await writeAuditEntries(trx, now, actor, entries.slice(i, i + 1000));
    const summary = {
      file: opts.fileName,
      sha256: digest,
      importer: who,
      created: creates.length,
      updated: updates.length,
      unchanged: plan.counts.unchanged,
    };
    await writeAudit(
      trx,
      now,
      actor,
      {
        kind: 'SITE_IMPORT_RUN',
        entityType: 'SITE_IMPORT',
        entityId: opts.scope.orgCode,
        comment: `文件${file}：新增 ${creates.length} 个，更新 ${updates.length} 个，不变 ${plan.counts.unchanged} 个`,
        data: summary,
      },
      opts.ip,
    );
    if (creates.length > 0) {
      // The sheet is handed out in this response only: the download is recorded with the import it belongs to.
      await writeAudit(
        trx,
        now,
        actor,
        {
          kind: 'CHECK_CODE_SHEET_DOWNLOADED',
          entityType: 'SITE_IMPORT',
          entityId: opts.scope.orgCode,
          comment: `文件${file}导入的 ${creates.length} 个网站的校验码，由${who}下载`,
          data: { file: opts.fileName, sha256: digest, sites: creates.length },
        },
        opts.ip,
      );
    }
    for (const r of creates) {
      issued.push({
        siteCode: r.record!.siteCode,
        name: r.record!.info.name,
        homeUrl: r.record!.info.homeUrl,
        orgCode: r.record!.orgCode,
        checkCode: codes.get(r.record!.siteCode)!.plain,
      });
    }
    // Built before the commit: if the sheet cannot be made, nothing is imported and no code is lost.
    if (issued.length > 0) checkCodeSheet = await buildCheckCodeSheet(opts.scope.orgCode, now, opts.fileName, issued);
    return plan;
  });
  return {
    plan,
    created: plan.counts.create,
    updated: plan.counts.update,
    unchanged: plan.counts.unchanged,
    checkCodeSheet,
  };
}
