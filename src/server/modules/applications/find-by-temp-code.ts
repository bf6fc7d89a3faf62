// Finds an application by its 临时码 behind a per-IP limit on failed look-ups (SPEC §4.3: rate-limit the query).

import { isWellFormedTempCode, normalizeCodeInput } from '../../../domain/codes.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { releaseAttempt, takeAttempt } from '../../attempt-limits.ts';
import { MINUTE } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { tokenDigest } from '../../secrets.ts';
import { type ApplicationRow, findApplicationByDigest } from './repository.ts';

export const TEMP_CODE_WINDOW_MS = 15 * MINUTE;
export const TEMP_CODE_MAX_FAILURES = 10;

/**
 * The application behind a typed 临时码. A wrong code — malformed, unknown, or never issued — gets one answer,
 * after the same digest computation and indexed query, so the response tells nothing about which codes exist.
 * Every query is counted against its IP before the look-up (one atomic statement) and a found code gives its place
 * back, so an IP that failed `TEMP_CODE_MAX_FAILURES` times in the window is refused, however many queries it sends
 * at once.
 */
export async function findByTempCode(ctx: AppContext, rawCode: string, ip: string): Promise<ApplicationRow> {
  const key = `temp-code-ip:${ip}`;
  const limit = { windowMs: TEMP_CODE_WINDOW_MS, max: TEMP_CODE_MAX_FAILURES };
  if (!(await takeAttempt(ctx.db, key, ctx.clock.now(), limit))) {
    throw new AppError('RATE_LIMITED', MESSAGES.tempCodeThrottled);
  }
  const code = normalizeCodeInput(rawCode);
  const row = await findApplicationByDigest(ctx.db, tokenDigest(ctx.keys, code));
  if (row === undefined || !isWellFormedTempCode(code)) throw new AppError('NOT_FOUND', MESSAGES.tempCodeUnknown);
  await releaseAttempt(ctx.db, key);
  return row;
}

/** The digest stored for a 临时码 (the code itself is never stored in clear). */
export function tempCodeDigest(ctx: AppContext, code: string): string {
  return tokenDigest(ctx.keys, normalizeCodeInput(code));
}
