// Password rules for 组织单位 accounts: length, character classes, no username inside.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter usernames are not searched for: a 1–2 character name would forbid half the keyboard. */
const USERNAME_MIN_MATCH = 3;

/** Returns the problems in Chinese; an empty list means the password is acceptable. */
export function checkPassword(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码长度不能少于${PASSWORD_MIN_LENGTH}个字符`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码长度不能超过${PASSWORD_MAX_LENGTH}个字符`);

  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9\s]/u].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须至少包含大写字母、小写字母、数字、符号中的三类');

  const name = username.trim().toLowerCase();
  if ([...name].length >= USERNAME_MIN_MATCH && password.toLowerCase().includes(name)) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}
