// The staged change set a request carries in `requests.payload`, and the record it proposes: the live record with
// the change applied. Used to apply an approved request and to show the reviewer's diff.
import { z } from 'zod';
import type { StoredColumnRow } from '../../../domain/site-diff.ts';
import type { ChangeType } from './repository.ts';
import { columnInput, siteInfoInput, storedColumn } from './schema.ts';

/** `baseVersion` is sites.version when the change set was last saved or submitted (stale warning, SPEC §7.2). */
const base = { baseVersion: z.number().int().optional() };

export const modifyPayload = z.object({
  ...base,
  info: z.record(z.string(), z.unknown()),
  columns: z.array(storedColumn),
});
/** A 基本信息修改 saved but not (validly) submitted: the form as typed. */
export const draftPayload = z.object({
  ...base,
  draft: z.literal(true),
  info: siteInfoInput,
  columns: z.array(columnInput),
});
const portalPayload = z.object({ ...base, info: z.object({ isPortal: z.boolean() }) });
const servicePayload = z.object({ ...base, info: z.object({ isServicePlatform: z.boolean() }) });
const domainsPayload = z.object({ ...base, domains: z.array(z.string()) });

export type ModifyPayload = z.infer<typeof modifyPayload>;
export type DraftPayload = z.infer<typeof draftPayload>;

export interface LiveRecord {
  info: Record<string, unknown>;
  columns: StoredColumnRow[];
  domains: string[];
  isPortal: boolean;
  isServicePlatform: boolean;
}

/** The live 栏目 rows as stored; rows of another shape (never written by this module) are skipped. */
export function storedColumns(columns: readonly unknown[]): StoredColumnRow[] {
  return columns.flatMap((row) => {
    const parsed = storedColumn.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export class BadChangeSetError extends Error {
  constructor(requestId: number) {
    super(`申请 ${requestId} 的内容无法识别`);
    this.name = 'BadChangeSetError';
  }
}

/**
 * The record as it would be after approval. A 基本信息修改 never carries the org code or the two flags (they are
 * read-only in its form): those stay as they are live.
 */
export function proposedRecord(
  live: LiveRecord,
  type: ChangeType,
  payload: unknown,
  requestId: number,
): LiveRecord & { baseVersion: number | null } {
  const fail = () => new BadChangeSetError(requestId);
  switch (type) {
    case 'MODIFY': {
      const p = modifyPayload.safeParse(payload);
      if (!p.success) throw fail();
      const info = {
        ...p.data.info,
        orgCode: live.info.orgCode,
        isPortal: live.isPortal,
        isServicePlatform: live.isServicePlatform,
      };
      return { ...live, info, columns: p.data.columns, baseVersion: p.data.baseVersion ?? null };
    }
    case 'PORTAL_ON':
    case 'PORTAL_OFF': {
      const p = portalPayload.safeParse(payload);
      if (!p.success) throw fail();
      const isPortal = p.data.info.isPortal;
      return { ...live, info: { ...live.info, isPortal }, isPortal, baseVersion: p.data.baseVersion ?? null };
    }
    case 'SERVICE_ON':
    case 'SERVICE_OFF': {
      const p = servicePayload.safeParse(payload);
      if (!p.success) throw fail();
      const isServicePlatform = p.data.info.isServicePlatform;
      return {
        ...live,
        info: { ...live.info, isServicePlatform },
        isServicePlatform,
        baseVersion: p.data.baseVersion ?? null,
      };
    }
    case 'DOMAINS': {
      const p = domainsPayload.safeParse(payload);
      if (!p.success) throw fail();
      return { ...live, domains: p.data.domains, baseVersion: p.data.baseVersion ?? null };
    }
  }
}
