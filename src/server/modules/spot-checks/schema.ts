// Request and response schemas of 上报抽查情况.
import { z } from 'zod';
import { PROBLEM_TYPES } from '../../../domain/spot-check.ts';

export { PROBLEM_TYPE_LABELS, PROBLEM_TYPES } from '../../../domain/spot-check.ts';

export const quarterQuery = z.object({
  year: z.coerce.number().int().min(2015).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});

export const reportQuery = quarterQuery.extend({ org: z.string().max(6).optional() });

const count = z.number().int('须为整数').min(0, '不能为负数').max(1_000_000);

export const findingInput = z.object({
  siteId: z.number().int().positive(),
  problemType: z.enum(PROBLEM_TYPES),
  description: z.string().trim().min(1, '请填写问题描述').max(1000),
  rectification: z.string().trim().max(1000).default(''),
  accountabilityCount: count.default(0),
});
export type FindingInput = z.infer<typeof findingInput>;

export const saveReportBody = quarterQuery.extend({
  /** 0 for a report not saved yet; otherwise the version read (compare-and-set). */
  version: z.number().int().min(0),
  checkedCount: count,
  passedCount: count,
  errorReports: count.nullable().default(null),
  summary: z.string().trim().max(5000).default(''),
  reporterName: z.string().trim().max(30).default(''),
  reporterPhone: z.string().trim().max(30).default(''),
  findings: z.array(findingInput).max(1000).default([]),
  /** Site ids of an accepted sample suggestion. */
  sample: z.array(z.number().int().positive()).max(20_000).default([]),
});

export const submitBody = quarterQuery.extend({ version: z.number().int().min(1) });
export const returnBody = z.object({ reason: z.string().trim().min(1, '请填写退回原因').max(500) });
export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const suggestBody = quarterQuery.extend({ ratio: z.number().min(1).max(100).default(30) });

const sampleEntry = z.object({
  siteId: z.number().int(),
  siteCode: z.string().nullable(),
  name: z.string(),
  stratum: z.string(),
});

export const suggestion = z.object({
  ratio: z.number(),
  candidates: z.number().int(),
  strata: z.array(z.object({ stratum: z.string(), candidates: z.number().int(), picked: z.number().int() })),
  items: z.array(sampleEntry),
});

export const reportView = z.object({
  id: z.number().int().nullable(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  quarterLabel: z.string(),
  status: z.enum(['NEW', 'DRAFT', 'SUBMITTED', 'RETURNED']),
  runningTotal: z.number().int(),
  newSites: z.number().int(),
  closedSites: z.number().int(),
  checkedCount: z.number().int(),
  passedCount: z.number().int(),
  samplingRatio: z.number().nullable(),
  passRate: z.number().nullable(),
  samplingWarning: z.boolean(),
  errorReports: z.number().int().nullable(),
  summary: z.string(),
  reporterName: z.string(),
  reporterPhone: z.string(),
  findings: z.array(
    findingInput.extend({ siteCode: z.string().nullable(), siteName: z.string(), orgName: z.string() }),
  ),
  sample: z.array(sampleEntry),
  late: z.boolean(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  window: z.object({ opensAt: z.string(), lastDay: z.string(), state: z.enum(['NOT_OPEN', 'OPEN', 'LATE']) }),
  editable: z.boolean(),
});
export type ReportView = z.infer<typeof reportView>;

export const reportList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      year: z.number().int(),
      quarter: z.number().int(),
      quarterLabel: z.string(),
      status: z.enum(['DRAFT', 'SUBMITTED', 'RETURNED']),
      checkedCount: z.number().int(),
      passedCount: z.number().int(),
      late: z.boolean(),
      submittedAt: z.string().nullable(),
    }),
  ),
});

export const rollupRow = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  reportId: z.number().int().nullable(),
  status: z.enum(['NONE', 'DRAFT', 'SUBMITTED', 'RETURNED']),
  runningTotal: z.number().int().nullable(),
  newSites: z.number().int().nullable(),
  closedSites: z.number().int().nullable(),
  checkedCount: z.number().int().nullable(),
  passedCount: z.number().int().nullable(),
  samplingRatio: z.number().nullable(),
  passRate: z.number().nullable(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
});

export const rollup = z.object({
  quarterLabel: z.string(),
  rows: z.array(rollupRow),
  totals: z.object({
    submitted: z.number().int(),
    units: z.number().int(),
    runningTotal: z.number().int(),
    newSites: z.number().int(),
    closedSites: z.number().int(),
    checkedCount: z.number().int(),
    passedCount: z.number().int(),
    samplingRatio: z.number().nullable(),
    /** Weighted: all passed / all checked, over submitted reports. */
    passRate: z.number().nullable(),
  }),
});

export const sitePickerQuery = z.object({ q: z.string().trim().max(50).default('') });
export const sitePicker = z.object({
  items: z.array(
    z.object({ id: z.number().int(), siteCode: z.string().nullable(), name: z.string(), orgName: z.string() }),
  ),
});

/** Sites failing the nightly link check, offered as 不合格网站清单 entries (the unit decides). */
export const linkProblems = z.object({
  /** All failing sites of the subtree; at most LINK_PROBLEMS_LIMIT are listed. */
  total: z.number().int(),
  items: z.array(
    z.object({
      siteId: z.number().int(),
      siteCode: z.string().nullable(),
      name: z.string(),
      orgName: z.string(),
      problemType: z.enum(PROBLEM_TYPES),
      description: z.string(),
      checkedAt: z.string(),
      /** Home page unreachable on three consecutive sweeps. */
      flagged: z.boolean(),
    }),
  ),
});
