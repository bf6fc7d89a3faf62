// Finds an application by its 临时码 behind a per-IP limit on failed look-ups (SPEC §4.3: rate-limit the query).
import { isWellFormedTempCode, normalizeCodeInput } from '../../../domain/codes.ts';
import { MINUTE } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { tokenDigest } from '../../secrets.ts';
import { type ApplicationRow, countRecentFailures, findApplicationByDigest, recordFailure } from './repository.ts';

export const TEMP_CODE_WINDOW_MS = 15 * MINUTE;
export const TEMP_CODE_MAX_FAILURES = 10;
export const TEMP_CODE_THROTTLED = '查询过于频繁，请稍后再试';
export const TEMP_CODE_UNKNOWN = '临时码不正确，请核对后重新输入（临时码为12位字母和数字）';

/**
 * The application behind a typed 临时码. A wrong code — malformed, unknown, or never issued — gets one answer,
 * after the same digest computation and indexed query, so the response tells nothing about which codes exist.
 * Once an IP has failed `TEMP_CODE_MAX_FAILURES` times in the window it is refused before any look-up.
 */
export async function findByTempCode(ctx: AppContext, rawCode: string, ip: string): Promise<ApplicationRow> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - TEMP_CODE_WINDOW_MS);
  if ((await countRecentFailures(ctx.db, ip, since)) >= TEMP_CODE_MAX_FAILURES) {
    throw new AppError('RATE_LIMITED', TEMP_CODE_THROTTLED);
  }
  const code = normalizeCodeInput(rawCode);
  const row = await findApplicationByDigest(ctx.db, tokenDigest(ctx.keys, code));
  if (row === undefined || !isWellFormedTempCode(code)) {
    await recordFailure(ctx.db, ip, now, since);
    throw new AppError('NOT_FOUND', TEMP_CODE_UNKNOWN);
  }
  return row;
}

/** The digest stored for a 临时码 (the code itself is never stored in clear). */
export function tempCodeDigest(ctx: AppContext, code: string): string {
  return tokenDigest(ctx.keys, normalizeCodeInput(code));
}
