// Response schemas of the site import (issue 20), shared with the web page's types.
import { z } from 'zod';

export const importIssue = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
});

export const planCounts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});

export const planRowView = z.object({
  rowNumber: z.number().int(),
  siteCode: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  changes: z.array(z.object({ label: z.string(), before: z.string(), after: z.string() })),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
});

export const planView = z.object({
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  ok: z.boolean(),
  counts: planCounts,
  fileErrors: z.array(importIssue),
  notices: z.array(importIssue),
  rows: z.array(planRowView),
});
export type PlanView = z.infer<typeof planView>;

export const commitResult = z.object({
  fileName: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The 校验码发放表, base64: shown once, never stored. */
  checkCodeSheet: z.object({ fileName: z.string(), base64: z.string() }).nullable(),
});
export type CommitResult = z.infer<typeof commitResult>;
