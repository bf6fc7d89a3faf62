// Request and response schemas of 《政府网站监管年度报表》.
import { z } from 'zod';
import {
  ENTERED_KEYS,
  MAX_COUNT,
  PREFILL_KEYS,
  SPOT_CHECK_PERIODS,
} from '../../../domain/annual-report/supervision-report-fields.ts';
import { SUPERVISION_REPORT_STATES } from '../../../domain/annual-report/supervision-report-states.ts';

export const yearQuery = z.object({ year: z.coerce.number().int('年度须为整数').min(2017).max(2100) });
export const idParam = z.object({ id: z.coerce.number().int().positive() });

const cell = z.number().int('须为整数').min(0, '不能为负数').max(MAX_COUNT).nullable();
export const enteredValues = z.object(
  Object.fromEntries(ENTERED_KEYS.map((k) => [k, cell.optional()])) as Record<
    (typeof ENTERED_KEYS)[number],
    z.ZodOptional<typeof cell>
  >,
);

export const openBody = yearQuery;
export const versionBody = z.object({ version: z.number().int().min(1) });
export const draftBody = versionBody.extend({ data: enteredValues });
export const returnBody = versionBody.extend({ reason: z.string().trim().min(1, '请填写退回原因').max(500) });

const spotCells = z.object({
  checks: z.number().int().nullable(),
  checkedSites: z.number().int().nullable(),
  checkRatio: z.number().nullable(),
  passRate: z.number().nullable(),
  failedSites: z.number().int().nullable(),
  accountability: z.number().int().nullable(),
});

export const prefillView = z.object({
  values: z.object(
    Object.fromEntries(PREFILL_KEYS.map((k) => [k, z.number().int()])) as Record<
      (typeof PREFILL_KEYS)[number],
      z.ZodNumber
    >,
  ),
  spotChecks: z.object(
    Object.fromEntries(SPOT_CHECK_PERIODS.map((p) => [p, spotCells])) as Record<
      (typeof SPOT_CHECK_PERIODS)[number],
      typeof spotCells
    >,
  ),
});

const ability = z.object({ allowed: z.boolean(), reason: z.string().optional() });

export const reportView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  state: z.enum(SUPERVISION_REPORT_STATES),
  stateLabel: z.string(),
  version: z.number().int(),
  data: z.object(
    Object.fromEntries(ENTERED_KEYS.map((k) => [k, z.number().int().nullable()])) as Record<
      (typeof ENTERED_KEYS)[number],
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  rates: z.record(z.string(), z.number().nullable()),
  prefill: prefillView,
  prefilledAt: z.string(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  abilities: z.object({
    save: ability,
    refreshPrefill: ability,
    submit: ability,
    approve: ability,
    return: ability,
  }),
});
export type ReportView = z.infer<typeof reportView>;

export const mineView = z.object({ report: reportView.nullable() });

export const reportList = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      orgCode: z.string(),
      orgName: z.string(),
      reportId: z.number().int().nullable(),
      state: z.enum([...SUPERVISION_REPORT_STATES, 'NONE']),
      stateLabel: z.string(),
      submittedAt: z.string().nullable(),
      decidedAt: z.string().nullable(),
    }),
  ),
});
