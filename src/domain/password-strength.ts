// Refuses passwords that are common or easy to guess (issue 16 item 6: the structural policy accepted
// "Password123"). zxcvbn-ts with its common-password, name and keyboard-pattern dictionaries estimates how many
// guesses a password needs; below 10^8 (zxcvbn score 3) it is refused, with the account's own words counted as known.
// Server side only: the dictionaries are ~1 MB, so the web form keeps the structural check of password-policy.ts.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword } from './password-policy.ts';

export const MIN_STRENGTH_SCORE = 3;
export const WEAK_PASSWORD_MESSAGE = '密码过于常见或容易被猜中（如 Password123、Admin@12345），请换一个不易猜测的密码';

let estimator: ZxcvbnFactory | undefined;

/** The Chinese problem with a password's guessability, or null when it is strong enough. */
export function weakPasswordProblem(password: string, knownWords: readonly string[]): string | null {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const words = knownWords.map((w) => w.trim()).filter((w) => w !== '');
  const result = estimator.check(password.slice(0, 128), words);
  return result.score < MIN_STRENGTH_SCORE ? WEAK_PASSWORD_MESSAGE : null;
}

/** Every problem with a new password (structure, then guessability): the server's and the CLI's one check. */
export function newPasswordProblems(password: string, username: string, knownWords: readonly string[] = []): string[] {
  const problems = checkPassword(password, username);
  if (problems.length > 0) return problems;
  const weak = weakPasswordProblem(password, [username, ...knownWords]);
  return weak ? [weak] : [];
}
