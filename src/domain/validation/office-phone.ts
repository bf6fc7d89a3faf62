// 办公电话 validation (SPEC §6.2): 区号-号码[-分机], 400/800 numbers, or a mobile number as a fallback.
import { normalizeDashes, stripControlChars, toHalfWidth } from '../text.ts';
import { bareMobile } from './mobile.ts';
import { type Checked, fail, ok } from './result.ts';

export const OFFICE_PHONE_RE = /^0\d{2,3}-[2-8]\d{6,7}(-\d{1,6})?$/;

const EXAMPLE = '应为“区号-号码”或“区号-号码-分机号”，如 010-62345678 或 0571-87654321-123';

/** Mainland area codes: 010 and 020–029 have three digits, every other one has four. */
function areaCodeLength(digits: string): 3 | 4 {
  return /^0(10|2\d)/.test(digits) ? 3 : 4;
}

export function checkOfficePhone(value: string): Checked<string> {
  const s = normalizeDashes(toHalfWidth(stripControlChars(value)))
    .trim()
    // (010)12345678 → 010-12345678; 转 / 分机 / ext mark an extension.
    .replace(/^\((0\d{2,3})\)\s*/, '$1-')
    .replace(/\s*(转|分机|ext\.?|x)\s*(?=\d+$)/i, '-');
  if (s === '') return fail(`请填写办公电话，${EXAMPLE}`);

  const mobile = bareMobile(s);
  if (mobile !== null) return ok(mobile);

  const tokens = s.split(/[\s-]+/).filter((t) => t !== '');
  if (tokens.length === 0 || tokens.some((t) => !/^\d+$/.test(t))) {
    return fail(`办公电话格式不正确，${EXAMPLE}`);
  }

  const joined = tokens.join('');
  if (/^(400|800)\d{7}$/.test(joined) && tokens.length <= 3) {
    return ok(`${joined.slice(0, 3)}-${joined.slice(3, 6)}-${joined.slice(6)}`);
  }

  if (!joined.startsWith('0')) {
    if (/^[2-8]\d{6,7}$/.test(joined)) return fail(`办公电话缺少区号，${EXAMPLE}`);
    return fail(`办公电话格式不正确，${EXAMPLE}`);
  }

  let area: string;
  let rest: string[];
  const first = tokens[0] ?? '';
  if (tokens.length === 1) {
    // No separators at all: split the area code by the 3/4-digit rule; an extension cannot be told apart.
    const n = areaCodeLength(first);
    area = first.slice(0, n);
    rest = [first.slice(n)];
  } else {
    area = first;
    rest = tokens.slice(1);
  }
  let number = rest[0] ?? '';
  let ext = rest.slice(1);
  // 010-1234-5678: a subscriber number typed in two groups.
  if (number.length <= 4 && ext.length > 0 && /^\d{7,8}$/.test(number + (ext[0] ?? ''))) {
    number += ext[0] ?? '';
    ext = ext.slice(1);
  }
  if (ext.length > 1) return fail(`办公电话格式不正确，${EXAMPLE}`);
  const candidate = ext.length === 1 ? `${area}-${number}-${ext[0]}` : `${area}-${number}`;
  if (!OFFICE_PHONE_RE.test(candidate)) return fail(`办公电话格式不正确，${EXAMPLE}`);
  return ok(candidate);
}
