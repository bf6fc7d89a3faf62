// Refuses passwords that are common or easy to guess (issue 16 item 6: the structural policy accepted
// "Password123"). zxcvbn-ts with its common-password, name and keyboard-pattern dictionaries estimates how many
// guesses a password needs; below 10^8 (zxcvbn score 3) it is refused, with the account's own words counted as known.
// Server side only: the dictionaries are ~1 MB (≈0.2 s to load), so they are loaded with the first password checked,
// not at start-up, and the web form keeps the structural check of password-policy.ts.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { MESSAGES } from '../domain/messages/index.ts';
import { checkPassword } from '../domain/password-policy.ts';

export const MIN_STRENGTH_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

/** The Chinese problem with a password's guessability, or null when it is strong enough. */
export async function weakPasswordProblem(password: string, knownWords: readonly string[]): Promise<string | null> {
  const words = knownWords.map((w) => w.trim()).filter((w) => w !== '');
  const result = (await loadEstimator()).check(password.slice(0, 128), words);
  return result.score < MIN_STRENGTH_SCORE ? MESSAGES.weakPassword : null;
}

/** Every problem with a new password (structure, then guessability): the server's and the CLI's one check. */
export async function newPasswordProblems(
  password: string,
  username: string,
  knownWords: readonly string[] = [],
): Promise<string[]> {
  const problems = checkPassword(password, username);
  if (problems.length > 0) return problems;
  const weak = await weakPasswordProblem(password, [username, ...knownWords]);
  return weak ? [weak] : [];
}
