import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECK_CODE_LENGTH,
  formatCodeForDisplay,
  generateCheckCode,
  generateTempCode,
  isWellFormedCheckCode,
  isWellFormedTempCode,
  normalizeCodeInput,
  TEMP_CODE_LENGTH,
  UNAMBIGUOUS_ALPHABET,
} from '../../src/domain/codes.ts';

const alphabet = new Set(UNAMBIGUOUS_ALPHABET);

describe('alphabet', () => {
  it('has 31 distinct characters and no look-alikes', () => {
    expect(UNAMBIGUOUS_ALPHABET).toBe('ABCDEFGHJKMNPQRSTUVWXYZ23456789');
    expect(alphabet.size).toBe(31);
    for (const c of 'IL O01') expect(alphabet.has(c)).toBe(false);
  });
});

describe('generated codes', () => {
  it('use only the alphabet and have the right length (property)', () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        const t = generateTempCode();
        const c = generateCheckCode();
        expect(t).toHaveLength(TEMP_CODE_LENGTH);
        expect(c).toHaveLength(CHECK_CODE_LENGTH);
        expect([...t, ...c].every((ch) => alphabet.has(ch))).toBe(true);
        expect(isWellFormedTempCode(t)).toBe(true);
        expect(isWellFormedCheckCode(c)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('produce no 临时码 collisions in two runs of 100,000', () => {
    const run = () => {
      const s = new Set<string>();
      for (let i = 0; i < 100_000; i++) s.add(generateTempCode());
      return s;
    };
    const first = run();
    const second = run();
    expect(first.size).toBe(100_000);
    expect(second.size).toBe(100_000);
    let shared = 0;
    for (const code of second) if (first.has(code)) shared++;
    expect(shared).toBe(0);
  });

  it('use every character of the alphabet with a plausible frequency', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) for (const ch of generateTempCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // 60,000 draws: ≈1935 per character; ±25 % is far beyond random variation.
    for (const n of counts.values()) expect(Math.abs(n - 60_000 / 31)).toBeLessThan(60_000 / 31 / 4);
  });
});

describe('user input', () => {
  it('normalises case, spaces, hyphens and full-width characters', () => {
    expect(normalizeCodeInput(' abcd-efgh-jkmn ')).toBe('ABCDEFGHJKMN');
    expect(normalizeCodeInput('ＡＢＣＤ　ＥＦＧＨ－ＪＫＭＮ')).toBe('ABCDEFGHJKMN');
    expect(normalizeCodeInput('abcd—efgh')).toBe('ABCDEFGH');
    expect(isWellFormedTempCode(normalizeCodeInput('abcd efgh jkmn'))).toBe(true);
    expect(isWellFormedCheckCode(normalizeCodeInput('2345-6789'))).toBe(true);
  });

  it('rejects wrong lengths and characters outside the alphabet', () => {
    expect(isWellFormedTempCode('ABCDEFGHJKM')).toBe(false);
    expect(isWellFormedTempCode('ABCDEFGHJKMNP')).toBe(false);
    expect(isWellFormedTempCode('ABCDEFGHJKMO')).toBe(false);
    expect(isWellFormedTempCode('abcdefghjkmn')).toBe(false);
    expect(isWellFormedCheckCode('ABCDEFG1')).toBe(false);
    expect(isWellFormedCheckCode('ABCDEFGHJ')).toBe(false);
    expect(isWellFormedCheckCode('')).toBe(false);
  });

  it('display grouping is undone by normalizeCodeInput (property)', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const code = generateTempCode();
        expect(formatCodeForDisplay(code)).toMatch(/^.{4}-.{4}-.{4}$/);
        expect(normalizeCodeInput(formatCodeForDisplay(code))).toBe(code);
      }),
    );
  });
});
