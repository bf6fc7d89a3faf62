// 党政机关网站标识 (CONAC identifier) check (SPEC §6.7): an unusual shape is only a warning.
import { removeWhitespace, stripControlChars, toHalfWidth } from '../text.ts';
import { type Checked, fail, ok } from './result.ts';

export const CONAC_CODE_RE = /^CA\d{21}$/;
export const CONAC_ID_RE = /^[0-9a-f]{32}$/;

const EXAMPLE = '如 CA061130187606827810001';

export const CONAC_SHAPE_WARNING = `党政机关网站标识代码格式不常见：通常为“CA”加21位数字（${EXAMPLE}）或32位标识编号，请核对`;

/**
 * Accepts `CA` + 21 digits or the 32-hex `id` of the bszs.conac.cn link; also extracts either from a pasted
 * embed script / link. Anything else is kept as entered with a warning.
 */
export function checkConacCode(value: string): Checked<string> {
  const entered = toHalfWidth(stripControlChars(value)).trim();
  const s = removeWhitespace(entered);
  if (s === '') return fail(`请填写党政机关网站标识代码，${EXAMPLE}`);
  if (/^ca\d{21}$/i.test(s)) return ok(s.toUpperCase());
  if (/^[0-9a-f]{32}$/i.test(s)) return ok(s.toLowerCase());

  // Pasted embed code: dcs.conac.cn/js/…/CA<21 digits>.js or bszs.conac.cn/sitename?method=show&id=<32 hex>.
  const fromScript = /(?:^|[^0-9A-Za-z])(CA\d{21})\.js/i.exec(s);
  if (fromScript?.[1] !== undefined) {
    return ok(fromScript[1].toUpperCase(), ['已从粘贴的标识代码脚本中提取党政机关网站标识代码，请核对']);
  }
  const fromLink = /[?&]id=([0-9a-f]{32})(?:[&#]|$)/i.exec(s);
  if (fromLink?.[1] !== undefined) {
    return ok(fromLink[1].toLowerCase(), ['已从粘贴的标识链接中提取党政机关网站标识编号，请核对']);
  }
  return ok(entered, [CONAC_SHAPE_WARNING]);
}
