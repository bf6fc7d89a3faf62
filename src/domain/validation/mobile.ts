// 手机号码 validation (SPEC §6.1): tolerant input, stored as the bare 11 digits.
import { normalizeDashes, stripControlChars, toHalfWidth } from '../text.ts';
import { type Checked, fail, ok } from './result.ts';

export const MOBILE_RE = /^1[3-9]\d{9}$/;
const MOBILE_EXAMPLE = '如 13912345678';

/** Strips separators and an optional +86 / 86 / 0086 prefix; returns the bare digits or null if it is not a mobile number. */
export function bareMobile(input: string): string | null {
  const s = normalizeDashes(toHalfWidth(stripControlChars(input))).replace(/[\s\-()（）]/gu, '');
  const digits = s.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return MOBILE_RE.test(digits) ? digits : null;
}

export function checkMobile(value: string): Checked<string> {
  if (toHalfWidth(value).trim() === '') return fail(`请填写手机号码，${MOBILE_EXAMPLE}`);
  const mobile = bareMobile(value);
  if (mobile === null) return fail(`手机号码格式不正确，应为11位数字，${MOBILE_EXAMPLE}`);
  return ok(mobile);
}
