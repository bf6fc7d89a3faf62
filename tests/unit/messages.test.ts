// The catalogue of the server's error messages (src/domain/messages/): every entry is Chinese text, said once, and
// the server throws no error with an inline Chinese message (read as text: a new one belongs in the catalogue).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGE_GROUPS, MESSAGES } from '../../src/domain/messages/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

type Catalogue = typeof MESSAGES;
type FunctionKey = {
  [K in keyof Catalogue]: Catalogue[K] extends (...args: never[]) => string ? K : never;
}[keyof Catalogue];

/** Arguments for every parametrised message (typed: a new function entry without a sample fails the typecheck). */
const SAMPLES: { [K in FunctionKey]: Parameters<Catalogue[K]> } = {
  formFieldInvalid: ['name', '请填写网站名称'],
  accountLocked: ['checkCode', 5, '2026年12月3日 16:30'],
  usernameTaken: ['chief'],
  adminUsernameTaken: ['chief'],
  cannotWithdraw: ['该申请已办结'],
  cannotResubmit: ['该申请已办结'],
  reviewChainEmpty: ['130302'],
  duplicateName: ['已登记网站“石家庄市政府”（标识码 1301000001）'],
  duplicateHomeUrl: ['已登记网站“石家庄市政府”（标识码 1301000001）'],
  homeHostTaken: ['sjz.gov.cn', '已登记网站“石家庄市政府”（标识码 1301000001）'],
  otherReviewPage: ['基本信息修改'],
  noChangeSet: ['新增网站申请'],
  cannotApprove: ['网站名称与其他网站重复'],
  changeSetIncomplete: ['请填写网站名称'],
  portalSlotTaken: ['石家庄市', '130100', '门户网站：已登记网站“石家庄市政府”'],
  portalHolder: ['已登记网站“石家庄市政府”（标识码 1301000001）'],
  portalApplicant: ['石家庄市政府'],
  parentUnitMissing: ['130100'],
  parentUnitDisabled: ['石家庄市'],
  parentUnitDisabledEnableFirst: ['石家庄市'],
  orgCodeTaken: ['130102'],
  orgCodeUnknown: ['130102'],
  orgUnitDisabledNoNewSites: ['130102', '长安区'],
  newParentMissing: ['130100'],
  newParentDisabled: ['石家庄市'],
  moveOneLevelUp: [3, '河北省', 1],
  spotCheckTooManyFindings: [2, 3],
  spotCheckWindowNotOpen: ['2026年第四季度', '2026年12月20日'],
  yearNotStarted: [2027],
  yearNotEnded: [2026],
  workReportNotRequired: [2026],
  workReportHasErrors: [['请填写网站名称', '请填写首页网址', '请填写主办单位', '请填写负责人']],
  attachmentTypeUnsupported: [['pdf', 'docx']],
  attachmentContentMismatch: ['pdf'],
  siteImportStale: ['第 3 行的网站已被删除'],
  siteImportRowChanged: [3],
};

/** Every entry as the text a user reads (functions called with their sample). */
function texts(): [string, string][] {
  return Object.entries(MESSAGES).map(([key, value]) => {
    if (typeof value === 'string') return [key, value];
    const args = (SAMPLES as Record<string, unknown[]>)[key];
    if (!args) throw new Error(`no sample arguments for ${key}`);
    return [key, (value as (...a: unknown[]) => string)(...args)];
  });
}

describe('the error message catalogue', () => {
  it('says every message in Chinese, trimmed and without an unfilled placeholder', () => {
    for (const [key, text] of texts()) {
      expect(text.trim(), key).toBe(text);
      expect(text, key).toMatch(CJK);
      expect(text, key).not.toMatch(/undefined|null|NaN|\[object /);
    }
  });

  it('holds each key in one group only, and says each fixed message once', () => {
    const keys = Object.values(MESSAGE_GROUPS).flatMap((group) => Object.keys(group));
    expect(keys.length).toBe(new Set(keys).size);
    expect(new Set(keys)).toEqual(new Set(Object.keys(MESSAGES)));
    const fixed = Object.values(MESSAGES).filter((v): v is string => typeof v === 'string');
    const seen = new Map<string, number>();
    for (const text of fixed) seen.set(text, (seen.get(text) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([text]) => text)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The server's throws, read as text.

/** The error constructors of src/server/errors.ts and the modules' local `conflict(…)` helpers. */
const ERROR_CALL = /(?<![\w.])(new AppError|invalid|forbidden|notFound|conflict)\s*\(/g;

/**
 * Calls allowed to keep an inline Chinese literal, as `file: call prefix`, with the reason. Empty today: keep it
 * short, and say why an entry cannot move to the catalogue.
 */
const ALLOWED: readonly string[] = [];

/** The text with comments blanked out (same length, so offsets still give line numbers); strings kept. */
function withoutComments(src: string): string {
  let out = '';
  let mode: 'code' | "'" | '"' | '`' = 'code';
  const braces: ('{' | '${')[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const next = src[i + 1];
    if (mode === 'code') {
      if (c === '/' && (next === '/' || next === '*')) {
        const end = next === '/' ? src.indexOf('\n', i) : src.indexOf('*/', i + 2) + 2;
        const stop = end <= 1 || end === -1 ? src.length : end;
        out += src.slice(i, stop).replace(/[^\n]/g, ' ');
        i = stop - 1;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') mode = c;
      else if (c === '{') braces.push('{');
      else if (c === '}' && braces.pop() === '${') mode = '`';
      out += c;
      continue;
    }
    if (c === '\\') {
      out += c + (next ?? '');
      i++;
      continue;
    }
    if (mode === '`' && c === '$' && next === '{') {
      braces.push('${');
      mode = 'code';
      out += '${';
      i++;
      continue;
    }
    if (c === mode) mode = 'code';
    out += c;
  }
  return out;
}

/** The call starting at `open` (its opening parenthesis) up to the matching one; strings are skipped over. */
function callText(text: string, start: number, open: number): string {
  let depth = 0;
  let mode: 'code' | "'" | '"' | '`' = 'code';
  const braces: ('{' | '${')[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (mode === 'code') {
      if (c === "'" || c === '"' || c === '`') mode = c;
      else if (c === '{') braces.push('{');
      else if (c === '}' && braces.pop() === '${') mode = '`';
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return text.slice(start, i + 1);
      continue;
    }
    if (c === '\\') i++;
    else if (mode === '`' && c === '$' && text[i + 1] === '{') {
      braces.push('${');
      mode = 'code';
      i++;
    } else if (c === mode) mode = 'code';
  }
  return text.slice(start);
}

/** Error calls with a Chinese literal among their arguments, as `file:line: call`. */
function inlineMessages(file: string, source: string): string[] {
  const text = withoutComments(source);
  const found: string[] = [];
  for (const m of text.matchAll(ERROR_CALL)) {
    const call = callText(text, m.index, m.index + m[0].length - 1);
    if (!CJK.test(call)) continue;
    const line = text.slice(0, m.index).split('\n').length;
    found.push(`${file}:${line}: ${call.replace(/\s+/g, ' ')}`);
  }
  return found;
}

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('the server throws catalogue messages', () => {
  it('finds an inline Chinese message, and not one in a comment or a catalogue reference', () => {
    const sample = [
      "// throw invalid('注释里的中文');",
      'throw notFound(MESSAGES.siteNotFound);',
      `const url = 'https://example.org'; throw new AppError('CONFLICT', \`用户名 \${name} 已被使用\`);`,
      'throw invalid(',
      "  '请填写通知正文',",
      ');',
    ].join('\n');
    expect(inlineMessages('x.ts', sample)).toEqual([
      `x.ts:3: new AppError('CONFLICT', \`用户名 \${name} 已被使用\`)`,
      "x.ts:4: invalid( '请填写通知正文', )",
    ]);
  });

  it('has no AppError / invalid / conflict / forbidden / notFound with an inline Chinese message', () => {
    const found = serverFiles(join(root, 'src/server')).flatMap((path) =>
      inlineMessages(relative(root, path), readFileSync(path, 'utf8')),
    );
    expect(found.filter((f) => !ALLOWED.some((allowed) => f.startsWith(allowed)))).toEqual([]);
  });
});
