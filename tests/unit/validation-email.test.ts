import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/domain/validation/email.ts';
import { errorMessage, okValue } from './validation-helpers.ts';

describe('checkEmail (SPEC §6.3)', () => {
  it.each([
    ['zhangsan@example.gov.cn', 'zhangsan@example.gov.cn'],
    ['ZhangSan@Example.GOV.CN', 'ZhangSan@example.gov.cn'],
    ['  wangwu@qq.com ', 'wangwu@qq.com'],
    ['ｌｉｓｉ＠１６３．ｃｏｍ', 'lisi@163.com'],
    ['a.b+tag@mail.beijing.gov.cn', 'a.b+tag@mail.beijing.gov.cn'],
    ['张三@例子.中国', '张三@例子.中国'],
  ])('accepts %s → %s', (input, stored) => {
    expect(okValue(checkEmail(input))).toBe(stored);
  });

  it.each([
    '',
    'zhangsan',
    'zhangsan@',
    '@example.com',
    'zhang san@example.com',
    'a@b@c.com',
    'a@example',
    'a@example.com。',
    'a@example..com',
    'a@-x.com',
    'a@x.c',
    'a@x.123',
  ])('rejects %s', (input) => {
    expect(errorMessage(checkEmail(input))).toMatch(/电子邮箱/);
  });

  it('shows an example of the right format', () => {
    expect(errorMessage(checkEmail('zhangsan'))).toBe('电子邮箱格式不正确，如 zhangsan@example.gov.cn');
  });

  it('limits the length to 100 characters', () => {
    const at100 = `${'a'.repeat(100 - '@x.gov.cn'.length)}@x.gov.cn`;
    expect(at100.length).toBe(100);
    expect(okValue(checkEmail(at100))).toBe(at100);
    expect(errorMessage(checkEmail(`a${at100}`))).toBe('电子邮箱不能超过100个字符');
  });
});
