// Schemas of the issuance endpoints: the batch ledger and controls (root), 重置校验码 (org), verification (public).
import { z } from 'zod';
import { ISSUANCE_RUN_STATUSES, ISSUANCE_TRIGGERS } from '../../../domain/issuance.ts';
import { pageQuery } from '../org-units/schema.ts';

export const runError = z.object({
  requestId: z.number().int().nullable(),
  siteId: z.number().int().nullable(),
  orgCode: z.string().nullable(),
  name: z.string().nullable(),
  message: z.string(),
});

export const issuanceRun = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  cutoff: z.string(),
  trigger: z.enum(ISSUANCE_TRIGGERS),
  status: z.enum(ISSUANCE_RUN_STATUSES),
  issuedCount: z.number().int(),
  codes: z.array(z.string()),
  errors: z.array(runError),
  dryRun: z.boolean(),
  triggeredBy: z.string().nullable(),
  message: z.string().nullable(),
});

export const listRunsQuery = z.object({
  ...pageQuery,
  /** Previews (dry runs) are recorded too; the ledger hides them unless asked. */
  includeDryRuns: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const runPage = z.object({ items: z.array(issuanceRun), total: z.number().int() });

const pendingApplication = z.object({
  requestId: z.number().int(),
  siteId: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  name: z.string(),
  homeUrl: z.string(),
  finalApprovedAt: z.string(),
});

export const issuancePreview = z.object({
  cutoff: z.string(),
  total: z.number().int(),
  items: z.array(pendingApplication.extend({ siteCode: z.string().nullable(), error: z.string().nullable() })),
  waitingTotal: z.number().int(),
  waiting: z.array(pendingApplication.extend({ scheduledAt: z.string() })),
});

export const runResult = z.object({
  runId: z.number().int(),
  status: z.enum(['DONE', 'FAILED', 'SKIPPED']),
  cutoff: z.string(),
  issued: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(runError),
  codes: z.array(z.string()),
  message: z.string().nullable(),
});

export const siteIdParam = z.object({ id: z.coerce.number().int().positive() });
export const resetCheckCodeResult = z.object({ siteCode: z.string(), name: z.string(), checkCode: z.string() });

export const siteCodeParam = z.object({ siteCode: z.string().max(40) });
export const verifiedSite = z.object({
  siteCode: z.string(),
  name: z.string(),
  homeUrl: z.string(),
  sponsorName: z.string(),
  orgName: z.string(),
  runStatusLabel: z.string(),
});
