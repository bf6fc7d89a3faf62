// Request and response schemas of 工作年度报表 (one contract for Fastify, OpenAPI and the web client).
import { z } from 'zod';
import { WORK_REPORT_STATES } from '../../../domain/annual-report/work-report-states.ts';
import { pageQuery } from '../org-units/schema.ts';

const year = z.coerce.number().int('年度应为整数').min(2017, '年度不正确').max(2100, '年度不正确');
const version = z.number().int().min(0);
/** A field value as the form sends it; the domain checks decide what is acceptable. */
const value = z.union([z.number(), z.boolean(), z.string().max(1000), z.null()]);
const data = z.record(z.string().max(40), value).refine((d) => Object.keys(d).length <= 200, '填报内容过多');

export const yearQuery = z.object({ year: year.optional() });
export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const saveBody = z.object({
  year,
  /** The version read; 0 when no report was saved yet (compare-and-set). */
  version,
  data,
});
export const publishBody = z.object({
  year,
  version,
  url: z.string().trim().min(1, '请填写发布地址').max(500, '发布地址过长'),
});
export const decideBody = z.object({ version });
export const returnBody = z.object({
  version,
  reason: z.string().trim().min(1, '请填写退回原因').max(500, '退回原因不能超过 500 个字'),
});
export const approvePageBody = z.object({
  items: z
    .array(z.object({ id: z.number().int().positive(), version }))
    .min(1, '当页没有可审核的报表')
    .max(100, '一次最多审核 100 份'),
});

export const listQuery = z.object({
  year: year.optional(),
  state: z.enum([...WORK_REPORT_STATES]).optional(),
  /** 网站名称 or 标识码, in part. */
  q: z.string().trim().max(100).optional(),
  /** Only the reports this unit reviews (its own sites). */
  mine: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const windowBody = z.object({
  year,
  fillFrom: z.string().max(10),
  fillTo: z.string().max(10),
  publishBy: z.string().max(10),
});

const message = z.object({ field: z.string(), message: z.string() });
const ability = z.object({ allowed: z.boolean(), reason: z.string().optional() });
const windowView = z.object({
  year: z.number(),
  fillFrom: z.string(),
  fillTo: z.string(),
  publishBy: z.string(),
  /** false: the defaults (no row saved by the root). */
  saved: z.boolean(),
});
export type WindowView = z.infer<typeof windowView>;
export const windowResponse = windowView;

const head = z.object({
  siteName: z.string(),
  homeUrl: z.string(),
  sponsorName: z.string(),
  siteType: z.string(),
  siteCode: z.string(),
  icpNo: z.string(),
  psbNo: z.string(),
});

const linkCheck = z
  .object({ reachable: z.boolean(), titleFound: z.boolean(), message: z.string(), status: z.number().nullable() })
  .nullable();

const tableRow = z.object({ section: z.string(), group: z.string(), label: z.string(), value: z.string() });
export const printTable = z.object({
  title: z.string(),
  period: z.string(),
  head: z.array(z.object({ label: z.string(), value: z.string() })),
  rows: z.array(tableRow),
  signature: z.array(z.object({ label: z.string(), value: z.string() })),
});

export const reportView = z.object({
  id: z.number().nullable(),
  year: z.number(),
  state: z.enum(['NONE', ...WORK_REPORT_STATES]),
  stateLabel: z.string(),
  version: z.number(),
  mustReport: z.boolean(),
  period: z.object({ from: z.string(), to: z.string() }),
  head,
  data: z.record(z.string(), value),
  reviewerOrgName: z.string(),
  returnReason: z.string().nullable(),
  filledOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  publishedUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedLate: z.boolean(),
  linkCheck,
  window: windowView,
  errors: z.array(message),
  warnings: z.array(message),
  abilities: z.record(z.string(), ability),
  /** The official table, once approved (the printable page). */
  table: printTable.nullable(),
});
export type ReportView = z.infer<typeof reportView>;

export const reportList = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      siteCode: z.string(),
      siteName: z.string(),
      orgName: z.string(),
      state: z.enum(WORK_REPORT_STATES),
      stateLabel: z.string(),
      submittedAt: z.string().nullable(),
      publishedUrl: z.string().nullable(),
      linkCheck,
      /** This unit reviews the report (its 本级组织单位). */
      reviewable: z.boolean(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const approvePageResult = z.object({
  approved: z.number(),
  skipped: z.array(z.object({ id: z.number(), reason: z.string() })),
});

export const waitingCount = z.object({ count: z.number().int() });

/** The public 专栏 of a level-1 unit. */
export const columnParams = z.object({ orgCode: z.string().trim().max(20) });
export const columnQuery = z.object({
  year: year.optional(),
  page: listQuery.shape.page,
  pageSize: listQuery.shape.pageSize,
});
export const columnList = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number(),
  /** The years a visitor may choose (2017 to the year now being reported). */
  years: z.array(z.number()),
  items: z.array(
    z.object({
      siteCode: z.string(),
      siteName: z.string(),
      homeUrl: z.string(),
      /** The published address, once 已发布. */
      reportUrl: z.string().nullable(),
      status: z.enum(['已发布', '未发布']),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const progressQuery = z.object({
  year: year.optional(),
  /** A unit of the caller's subtree (drill-down); the caller's own unit when absent. */
  org: z.string().trim().max(20).optional(),
});
const progressCells = z.object({
  due: z.number(),
  submitted: z.number(),
  approved: z.number(),
  published: z.number(),
  fillRate: z.string(),
  reviewRate: z.string(),
  publishRate: z.string(),
});
export const progressBoard = z.object({
  year: z.number(),
  unit: z.object({ code: z.string(), name: z.string(), level: z.number() }),
  /** From the caller's unit down to the unit shown (the drill-down path). */
  trail: z.array(z.object({ code: z.string(), name: z.string() })),
  rows: z.array(
    progressCells.extend({
      code: z.string(),
      name: z.string(),
      /** The row of the unit's own sites (本级). */
      own: z.boolean(),
      /** A subordinate unit with units below it. */
      drillable: z.boolean(),
    }),
  ),
  total: progressCells,
});
export type ProgressBoard = z.infer<typeof progressBoard>;
