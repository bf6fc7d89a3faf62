// 电子邮箱 validation (SPEC §6.3): RFC-5322-lite, at most 100 characters, domain lower-cased.
import { stripControlChars, toHalfWidth } from '../text.ts';
import { type Checked, fail, ok } from './result.ts';

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX_LENGTH = 100;

const EXAMPLE = '如 zhangsan@example.gov.cn';
// Letters/digits of any script plus '-' — rejects 「。」「，」 typed into the domain by a Chinese IME.
const DOMAIN_LABEL_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

export function checkEmail(value: string): Checked<string> {
  const s = toHalfWidth(stripControlChars(value)).trim();
  if (s === '') return fail(`请填写电子邮箱，${EXAMPLE}`);
  if ([...s].length > EMAIL_MAX_LENGTH) return fail(`电子邮箱不能超过${EMAIL_MAX_LENGTH}个字符`);
  if (!EMAIL_RE.test(s)) return fail(`电子邮箱格式不正确，${EXAMPLE}`);
  const at = s.lastIndexOf('@');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (!labels.every((l) => DOMAIN_LABEL_RE.test(l)) || [...tld].length < 2 || /^\d+$/.test(tld)) {
    return fail(`电子邮箱的域名部分“${domain}”不正确，${EXAMPLE}`);
  }
  return ok(`${local}@${domain}`);
}
