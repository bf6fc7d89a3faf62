// 临时码 and 校验码: random codes over an unambiguous alphabet, and tolerant parsing of what users type (SPEC §4.2, §4.3).
import { normalizeDashes, removeWhitespace, toHalfWidth } from './text.ts';

/** No I/L/O/0/1: codes are read off screenshots and paper, so look-alike characters are left out. */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TEMP_CODE_LENGTH = 12;
export const CHECK_CODE_LENGTH = 8;

const TEMP_CODE_RE = new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{${TEMP_CODE_LENGTH}}$`);
const CHECK_CODE_RE = new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{${CHECK_CODE_LENGTH}}$`);

/**
 * `length` characters drawn uniformly from the Web Crypto generator (global in Node and in browsers, so the domain
 * imports no node: module): a 32-bit draw at or above the largest multiple of the alphabet's size is drawn again, so
 * no character is favoured. One call fills the whole code; a redraw is needed about once in 10^9 characters.
 */
function randomCode(length: number): string {
  const n = UNAMBIGUOUS_ALPHABET.length;
  const limit = 2 ** 32 - (2 ** 32 % n);
  const draws = crypto.getRandomValues(new Uint32Array(length));
  let out = '';
  for (let i = 0; i < length; i++) {
    while (draws[i]! >= limit) draws[i] = crypto.getRandomValues(new Uint32Array(1))[0]!;
    out += UNAMBIGUOUS_ALPHABET[draws[i]! % n];
  }
  return out;
}

/** 临时码: 12 characters (~59 bits), cryptographically random. Uniqueness is enforced by the database. */
export function generateTempCode(): string {
  return randomCode(TEMP_CODE_LENGTH);
}

/** 校验码: 8 characters (~40 bits), cryptographically random; stored only hashed/encrypted. */
export function generateCheckCode(): string {
  return randomCode(CHECK_CODE_LENGTH);
}

/** What a user typed → canonical code: half-width, upper-case, without spaces or hyphens. */
export function normalizeCodeInput(s: string): string {
  return removeWhitespace(normalizeDashes(toHalfWidth(s)))
    .replaceAll('-', '')
    .toUpperCase();
}

/** Checks the canonical form; pass user input through `normalizeCodeInput` first. */
export function isWellFormedTempCode(s: string): boolean {
  return TEMP_CODE_RE.test(s);
}

export function isWellFormedCheckCode(s: string): boolean {
  return CHECK_CODE_RE.test(s);
}

/** `ABCDEFGHJKMN` → `ABCD-EFGH-JKMN`: easier to copy by hand; `normalizeCodeInput` removes the hyphens again. */
export function formatCodeForDisplay(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
