// Text normalisation shared by the validators: full-width → half-width, name cleanup, control-character removal.

/**
 * Full-width forms (U+FF01–U+FF5E) that are ordinary Chinese punctuation in running text. `normalizeName`
 * keeps them (SPEC §6.8: "convert full-width ASCII to half-width except Chinese punctuation"), so that
 * 「北京市人民政府（首都之窗）」 is not turned into 「北京市人民政府(首都之窗)」. 「；」 (U+FF1B) is also the
 * 栏目 list separator (SPEC §5.2); callers that split on it pass it in `keep`.
 */
export const CHINESE_PUNCTUATION_FULLWIDTH = '！（），：；？' as const;

/** The 栏目 list separator (U+FF1B FULLWIDTH SEMICOLON). */
export const COLUMN_SEPARATOR = '；' as const;

export interface HalfWidthOptions {
  /** Characters from the full-width block that must survive unchanged, e.g. '；' or CHINESE_PUNCTUATION_FULLWIDTH. */
  keep?: string;
}

/**
 * Converts full-width ASCII variants (U+FF01–U+FF5E) to their ASCII counterparts and the ideographic space
 * (U+3000) to a normal space. Other characters, including CJK punctuation outside that block (「、」「。」「《》」),
 * are left untouched.
 */
export function toHalfWidth(s: string, options: HalfWidthOptions = {}): string {
  const keep = options.keep ?? '';
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e && !keep.includes(ch)) {
      out += String.fromCodePoint(cp - 0xfee0);
    } else if (cp === 0x3000 && !keep.includes(ch)) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

// C0/C1 controls plus invisible format characters that sneak in through copy-paste from Word or web pages
// (zero-width spaces/joiners, bidi overrides, word joiner, BOM).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const CONTROL_KEEP_NEWLINES_RE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

export interface StripControlOptions {
  /** Keep `\n` and `\t` (for multi-line free text such as 说明); `\r\n` and lone `\r` become `\n`. */
  keepNewlines?: boolean;
}

/** Removes control and invisible formatting characters. */
export function stripControlChars(s: string, options: StripControlOptions = {}): string {
  if (options.keepNewlines) {
    return s.replace(/\r\n?/g, '\n').replace(CONTROL_KEEP_NEWLINES_RE, '');
  }
  return s.replace(CONTROL_RE, '');
}

/**
 * Normalises a name (网站名称, 主办单位, 栏目名称 …) per SPEC §6.8: strip control characters, convert full-width
 * ASCII to half-width except Chinese punctuation, collapse runs of whitespace to one space, trim.
 */
export function normalizeName(s: string): string {
  // Controls become spaces first so that "a\tb" does not fuse into "ab".
  const noControls = s.replace(/[\t\n\r\v\f]/g, ' ');
  return toHalfWidth(stripControlChars(noControls), { keep: CHINESE_PUNCTUATION_FULLWIDTH })
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Removes every whitespace character (including U+3000); used for codes and numbers typed with spaces. */
export function removeWhitespace(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Maps the various dash characters people type (－ — – ‐ ‑ − ﹣) to ASCII '-'. */
export function normalizeDashes(s: string): string {
  return s.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu, '-');
}

/** A sentence without its closing punctuation, so that it can be followed by 「。」 and more text (no 「。。」). */
export function withoutClosingStop(sentence: string): string {
  return sentence.replace(/[\s。．.！!？?；;，,、]+$/u, '');
}
