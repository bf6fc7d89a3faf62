// The checks of 《政府网站监管年度报表》: entered values are non-negative integers, parts never exceed their totals,
// every rate lies within 0–100 %, and at submission every entered cell is filled. Messages are shown as they are.
import { percent } from '../spot-check.ts';
import {
  ENTERED_KEYS,
  type EnteredKey,
  enteredField,
  MAX_COUNT,
  PART_OF_TOTAL,
  SPOT_CHECK_PERIOD_LABELS,
  SPOT_CHECK_PERIODS,
  SUPERVISION_SECTIONS,
} from './supervision-report-fields.ts';
import type { SupervisionPrefill } from './supervision-report-prefill.ts';

/** The unit's entries; a missing or null value is a blank cell (allowed in a draft). */
export type EnteredValues = Partial<Record<EnteredKey, number | null>>;

/** One cell's own rule: a whole number from 0 to MAX_COUNT. */
export function cellError(key: EnteredKey, value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const { label } = enteredField(key);
  if (!Number.isFinite(value) || !Number.isInteger(value)) return `${label}须为整数`;
  if (value < 0) return `${label}不能为负数`;
  if (value > MAX_COUNT) return `${label}不能超过 ${MAX_COUNT}`;
  return null;
}

/** Checks a draft may fail only by leaving cells blank: every filled cell valid, parts ≤ totals where both filled. */
export function draftErrors(values: EnteredValues): string[] {
  const errors: string[] = [];
  for (const key of ENTERED_KEYS) {
    const e = cellError(key, values[key]);
    if (e) errors.push(e);
  }
  if (errors.length > 0) return errors;
  for (const [part, total] of PART_OF_TOTAL) {
    const p = values[part];
    const t = values[total];
    if (p != null && t != null && p > t) {
      errors.push(`${enteredField(part).label}（${p}）不能大于${enteredField(total).label}（${t}）`);
    }
  }
  return errors;
}

/** Every rate of the prefill lies within 0–100 % (a guard on the stored snapshot, never expected to fail). */
export function prefillErrors(prefill: SupervisionPrefill): string[] {
  const errors: string[] = [];
  const v = prefill.values;
  if (v.portalSites + v.departmentSites !== v.sitesTotal) errors.push('门户网站与部门网站之和应等于网站总数');
  for (const period of SPOT_CHECK_PERIODS) {
    const cells = prefill.spotChecks[period];
    for (const [metric, label] of [
      ['checkRatio', '抽查比例'],
      ['passRate', '合格率'],
    ] as const) {
      const rate = cells[metric];
      if (rate !== null && (rate < 0 || rate > 100)) {
        errors.push(`${SPOT_CHECK_PERIOD_LABELS[period]}${label}应在 0–100% 之间`);
      }
    }
    if ((cells.failedSites ?? 0) > (cells.checkedSites ?? 0)) {
      errors.push(`${SPOT_CHECK_PERIOD_LABELS[period]}不合格网站数量不能大于抽查网站数量`);
    }
  }
  return errors;
}

/** All checks of a submission: the draft checks, then every entered cell filled. */
export function submissionErrors(values: EnteredValues, prefill: SupervisionPrefill): string[] {
  const errors = [...draftErrors(values), ...prefillErrors(prefill)];
  const blank = ENTERED_KEYS.filter((k) => values[k] == null).map((k) => enteredField(k).label);
  if (blank.length > 0) errors.push(`请填写：${blank.join('、')}`);
  return errors;
}

/** The computed rates of the entered sections (e.g. 按期办结率), null while a denominator is blank or zero. */
export function enteredRates(values: EnteredValues): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const section of SUPERVISION_SECTIONS) {
    if (section.kind !== 'FIELDS') continue;
    for (const r of section.rates ?? []) {
      const n = values[r.numerator];
      const d = values[r.denominator];
      out[r.key] = n == null || d == null ? null : percent(n, d);
    }
  }
  return out;
}
