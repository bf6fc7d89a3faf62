// The checks of a 工作年度报表: value formats (non-negative integers, days), filled before submitting, parts within
// their totals, and warnings (never errors) for implausible changes against the site's previous report.
import {
  fieldApplies,
  fieldPath,
  WORK_REPORT_FIELD_BY_KEY,
  WORK_REPORT_FIELDS,
  type WorkReportData,
  type WorkReportField,
} from './work-report-fields.ts';

export interface WorkReportMessage {
  field: string;
  message: string;
}

export interface WorkReportCheck {
  errors: WorkReportMessage[];
  warnings: WorkReportMessage[];
}

/** A count above this is surely a typo (more than any national site's yearly page views). */
export const MAX_COUNT = 100_000_000_000;
/** 平均办理时间 above a year is refused. */
export const MAX_DAYS = 366;
/** A change of this factor or more against last year draws a warning. */
export const TREND_FACTOR = 10;

function formatError(f: WorkReportField, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const name = fieldPath(f);
  switch (f.kind) {
    case 'count':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return `${name}应为不小于 0 的整数`;
      if (v > MAX_COUNT) return `${name}数值过大，请核实`;
      return null;
    case 'days':
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return `${name}应为不小于 0 的天数`;
      if (Math.round(v * 10) !== v * 10) return `${name}最多保留一位小数`;
      if (v > MAX_DAYS) return `${name}不能超过 ${MAX_DAYS} 天`;
      return null;
    case 'yesNo':
      return typeof v === 'boolean' ? null : `${name}请选择“是”或“否”`;
    case 'text':
      if (typeof v !== 'string') return `${name}应为文字`;
      if (f.maxLength !== undefined && v.length > f.maxLength) return `${name}不能超过 ${f.maxLength} 个字`;
      return null;
  }
}

/**
 * Keeps the known fields only, trims texts (an all-blank text is not filled) and reports values of the wrong form.
 * A draft with format errors is not saved; a draft with empty fields is.
 */
export function normalizeWorkReportData(input: Readonly<Record<string, unknown>>): {
  data: WorkReportData;
  errors: WorkReportMessage[];
} {
  const data: WorkReportData = {};
  const errors: WorkReportMessage[] = [];
  for (const f of WORK_REPORT_FIELDS) {
    let v = input[f.key];
    if (typeof v === 'string') v = v.trim() === '' ? null : f.kind === 'text' ? v.trim() : v;
    const error = formatError(f, v);
    if (error) {
      errors.push({ field: f.key, message: error });
      data[f.key] = null;
      continue;
    }
    data[f.key] = (v as WorkReportData[string] | undefined) ?? null;
  }
  return { data, errors };
}

const num = (data: WorkReportData, key: string): number | null => {
  const v = data[key];
  return typeof v === 'number' ? v : null;
};

/** Rules between fields; each part no larger than its total, and the few the template implies. */
function relationErrors(data: WorkReportData): WorkReportMessage[] {
  const errors: WorkReportMessage[] = [];
  for (const f of WORK_REPORT_FIELDS) {
    if (!f.partOf || !fieldApplies(f, data)) continue;
    const part = num(data, f.key);
    const total = num(data, f.partOf);
    const totalField = WORK_REPORT_FIELD_BY_KEY.get(f.partOf);
    if (part === null || total === null || !totalField) continue;
    if (part > total) {
      errors.push({
        field: f.key,
        message: `${fieldPath(f)}（${part}）不能大于${fieldPath(totalField)}（${total}）`,
      });
    }
  }
  const closed = num(data, 'messagesClosed');
  const avg = num(data, 'messagesAvgDays');
  if (closed === 0 && avg !== null && avg > 0) {
    errors.push({ field: 'messagesAvgDays', message: '没有办结留言时，平均办理时间应填 0' });
  }
  if (data.hasNewMedia === true) {
    const named = ['weiboName', 'wechatName', 'otherMedia'].some((k) => typeof data[k] === 'string');
    if (!named) errors.push({ field: 'weiboName', message: '有移动新媒体时，请至少填写微博、微信或其他中的一项名称' });
  }
  return errors;
}

function missingErrors(data: WorkReportData): WorkReportMessage[] {
  const errors: WorkReportMessage[] = [];
  for (const f of WORK_REPORT_FIELDS) {
    if (!fieldApplies(f, data)) continue;
    const filled = data[f.key] !== null && data[f.key] !== undefined;
    // A named 微博/微信 account needs its counts.
    const account = f.group === '微博' ? 'weiboName' : f.group === '微信' ? 'wechatName' : null;
    const needed = f.required || (account !== null && f.kind === 'count' && typeof data[account] === 'string');
    if (needed && !filled) errors.push({ field: f.key, message: `请填写${fieldPath(f)}` });
  }
  return errors;
}

/** Tenfold changes against last year's report, and a count that fell to zero. */
function trendWarnings(data: WorkReportData, previous: WorkReportData): WorkReportMessage[] {
  const warnings: WorkReportMessage[] = [];
  for (const f of WORK_REPORT_FIELDS) {
    if (!f.trend) continue;
    const now = num(data, f.key);
    const before = num(previous, f.key);
    if (now === null || before === null || before === 0) continue;
    if (now === 0) {
      warnings.push({ field: f.key, message: `${fieldPath(f)}为 0，上一年度为 ${before}，请核实` });
    } else if (now >= before * TREND_FACTOR || now * TREND_FACTOR <= before) {
      warnings.push({
        field: f.key,
        message: `${fieldPath(f)}（${now}）与上一年度（${before}）相差 ${TREND_FACTOR} 倍以上，请核实`,
      });
    }
  }
  for (const key of ['serviceCatalog', 'unifiedPlatform', 'securityMonitoring', 'securityOwner'] as const) {
    const f = WORK_REPORT_FIELD_BY_KEY.get(key);
    if (f && previous[key] === true && data[key] === false) {
      warnings.push({ field: key, message: `上一年度${fieldPath(f)}为“是”，本年度为“否”，请核实` });
    }
  }
  return warnings;
}

/**
 * Every check of a report. `submit` adds the fields that must be filled; a draft is checked for form and relations
 * only. `previous` is the site's report of the year before, when there is one.
 */
export function checkWorkReport(
  input: Readonly<Record<string, unknown>>,
  options: { submit: boolean; previous?: WorkReportData | null },
): WorkReportCheck {
  const { data, errors } = normalizeWorkReportData(input);
  errors.push(...relationErrors(data));
  if (options.submit) errors.push(...missingErrors(data));
  const warnings = options.previous ? trendWarnings(data, options.previous) : [];
  return { errors, warnings };
}
