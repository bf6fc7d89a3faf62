import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/domain/password-policy.ts';

describe('checkPassword', () => {
  it.each(['Correct-Horse9', 'abcdefGH12', 'abcdefgh1!', 'ABCDEFGH1!', 'Ab!cdefghij', '政府网站Abc12345'])(
    'accepts %s',
    (pw) => {
      expect(checkPassword(pw, 'beijing-admin')).toEqual([]);
    },
  );

  it('requires at least 10 characters', () => {
    expect(checkPassword('Abc123!x', 'u')).toEqual(['密码长度不能少于10个字符']);
    expect(checkPassword('Abc123!xyz', 'u')).toEqual([]);
  });

  it('allows at most 128 characters', () => {
    const base = 'Aa1!';
    expect(checkPassword(base.repeat(32), 'user')).toEqual([]);
    expect(checkPassword(`${base.repeat(32)}x`, 'user')).toEqual(['密码长度不能超过128个字符']);
  });

  it('requires three of four character classes', () => {
    expect(checkPassword('abcdefghijkl', 'user')).toEqual(['密码须至少包含大写字母、小写字母、数字、符号中的三类']);
    expect(checkPassword('abcdefgh1234', 'user')).toEqual(['密码须至少包含大写字母、小写字母、数字、符号中的三类']);
    expect(checkPassword('abcdefgh123X', 'user')).toEqual([]);
  });

  it('must not contain the username, case-insensitively', () => {
    expect(checkPassword('Xbm0100Admin!', 'BM0100')).toEqual(['密码不能包含用户名']);
    expect(checkPassword('zhangsan2024!A', 'ZhangSan')).toEqual(['密码不能包含用户名']);
    expect(checkPassword('Correct-Horse9', '  ')).toEqual([]);
  });

  it('reports several problems at once', () => {
    expect(checkPassword('admin', 'admin')).toHaveLength(3);
  });

  it('accepts any long password mixing three classes that avoids the username (property)', () => {
    const chars = (s: string) => fc.string({ unit: fc.constantFrom(...s), minLength: 4, maxLength: 20 });
    fc.assert(
      fc.property(chars('ABCDEFGH'), chars('abcdefgh'), chars('0123456789'), (u, l, d) => {
        expect(checkPassword(`${u}${l}${d}`, 'zzz-user')).toEqual([]);
      }),
    );
  });
});
