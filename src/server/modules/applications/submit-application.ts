// 新增网站: one idempotent submission creates the application (sites row APPLYING + NEW_SITE request) and its 临时码.

import { createHash } from 'node:crypto';
import { generateTempCode } from '../../../domain/codes.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { type FieldMessage, type SiteInfo, type SiteInfoInput, validateSiteInfo } from '../../../domain/site-info.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { sealCode, unsealCode } from '../../sealed-code.ts';
import { tokenDigest } from '../../secrets.ts';
import { queueRequestEvent } from '../notifications/queue-request-event.ts';
import { lookupOrgCode } from '../org-units/lookup-org-code.ts';
import { computeReviewChain } from '../org-units/routing.ts';
import { assertNoDuplicates, assertPortalFree, conflictFromUniqueViolation } from './conflicts.ts';
import { tempCodeDigest } from './find-by-temp-code.ts';
import {
  type ApplicationRow,
  findApplicationByIdempotencyKey,
  insertApplication,
  lockOrgUnit,
  orgsByCode,
} from './repository.ts';

export interface SubmitApplicationInput {
  info: SiteInfoInput;
  /** From the `idempotency-key` header: one per filled-in form, so a double click or a retry creates one application. */
  idempotencyKey: string | undefined;
  ip: string;
}

export interface SubmitApplicationResult {
  tempCode: string;
  firstReviewer: { code: string; name: string };
  warnings: FieldMessage[];
}

/** What the request payload of a NEW_SITE request holds besides the proposed information. */
export interface SubmissionRecord {
  /** SHA-256 of the normalised information: a replay must carry the same content. */
  bodyDigest: string;
  /** The 临时码 sealed with the server key, only to answer a replay of this submission with the same code. */
  tempCodeSealed: string;
}

const IDEMPOTENCY_KEY_RE = /^[\x21-\x7e]{16,100}$/;

/** A 400 whose details carry the per-field messages, as the form expects them. */
export function invalidInfo(errors: FieldMessage[], warnings: FieldMessage[] = []): AppError {
  return invalid(errors[0]?.message ?? MESSAGES.formInvalid, { fields: errors, warnings });
}

/** Validates the information and resolves its org (exists, enabled), with the org's errors at the org field. */
export async function validateApplicationInfo(ctx: AppContext, input: SiteInfoInput) {
  const checked = validateSiteInfo(input);
  if (!checked.ok) throw invalidInfo(checked.errors, checked.warnings);
  try {
    const org = await lookupOrgCode(ctx.db, checked.value.orgCode);
    return { info: checked.value, warnings: checked.warnings, org };
  } catch (e) {
    if (e instanceof AppError && e.statusCode < 500) throw invalidInfo([{ field: 'orgCode', message: e.message }]);
    throw e;
  }
}

function digestOf(info: SiteInfo): string {
  return createHash('sha256').update(JSON.stringify(info)).digest('base64url');
}

async function replay(
  ctx: AppContext,
  row: ApplicationRow,
  keyDigest: string,
  bodyDigest: string,
  warnings: FieldMessage[],
): Promise<SubmitApplicationResult> {
  const record = (row.payload as { submission?: Partial<SubmissionRecord> }).submission;
  if (record?.bodyDigest !== bodyDigest) {
    throw new AppError('CONFLICT', MESSAGES.submissionKeyReused);
  }
  const tempCode = record.tempCodeSealed ? unsealCode(ctx.keys, record.tempCodeSealed, keyDigest) : null;
  if (tempCode === null) throw new AppError('INTERNAL', MESSAGES.tempCodeUnavailable);
  const first = row.chain[0] ?? '';
  const orgs = await orgsByCode(ctx.db, [first]);
  return { tempCode, firstReviewer: { code: first, name: orgs.get(first)?.name ?? first }, warnings };
}

export async function submitApplication(
  ctx: AppContext,
  input: SubmitApplicationInput,
): Promise<SubmitApplicationResult> {
  const key = input.idempotencyKey ?? '';
  if (!IDEMPOTENCY_KEY_RE.test(key)) {
    throw invalid(MESSAGES.submissionKeyMissing);
  }
  const { info, warnings, org } = await validateApplicationInfo(ctx, input.info);
  // The key is stored as an HMAC digest: whoever reads the database cannot replay a submission to learn its 临时码.
  const keyDigest = tokenDigest(ctx.keys, `idempotency:${key}`);
  const bodyDigest = digestOf(info);

  const earlier = await findApplicationByIdempotencyKey(ctx.db, keyDigest);
  if (earlier) return replay(ctx, earlier, keyDigest, bodyDigest, warnings);
  // Checked before the transaction for the common case; again under the org lock, and by the unique indexes.
  try {
    await assertNoDuplicates(ctx.db, info);
  } catch (error) {
    // The same form sent twice at once: the other copy committed between the lookup above and this check, and its
    // site now holds the name. That is this submission's own application, not a duplicate.
    const winner = await findApplicationByIdempotencyKey(ctx.db, keyDigest);
    if (winner) return replay(ctx, winner, keyDigest, bodyDigest, warnings);
    throw error;
  }

  const tempCode = generateTempCode();
  const now = ctx.clock.now();
  let outcome: { kind: 'created'; chain: string[] } | { kind: 'replay'; row: ApplicationRow };
  try {
    outcome = await ctx.db.transaction().execute(async (trx) => {
      // Serialises submissions under one org: the portal rule and same-key retries see each other's rows.
      const locked = await lockOrgUnit(trx, org.code);
      if (!locked?.enabled)
        throw invalidInfo([{ field: 'orgCode', message: MESSAGES.orgUnitDisabledNoNewSites(org.code, org.name) }]);
      const raced = await findApplicationByIdempotencyKey(trx, keyDigest);
      if (raced) return { kind: 'replay' as const, row: raced };
      await assertNoDuplicates(trx, info);
      if (info.isPortal) await assertPortalFree(trx, locked);
      const chain = await computeReviewChain(trx, { orgCode: info.orgCode, isPortal: info.isPortal });
      if (chain.length === 0) throw new AppError('INTERNAL', MESSAGES.reviewChainEmpty(org.code));
      const submission: SubmissionRecord = { bodyDigest, tempCodeSealed: sealCode(ctx.keys, tempCode, keyDigest) };
      const { requestId } = await insertApplication(trx, {
        info,
        chain,
        payload: { info, submission },
        tempCodeDigest: tempCodeDigest(ctx, tempCode),
        idempotencyKey: keyDigest,
        at: now,
      });
      await writeAudit(
        trx,
        now,
        { kind: 'ANONYMOUS' },
        {
          kind: 'REQUEST_SUBMITTED',
          entityType: 'REQUEST',
          entityId: String(requestId),
          requestId,
          fromState: null,
          toState: 'SUBMITTED',
          data: { type: 'NEW_SITE', siteName: info.name, orgCode: info.orgCode, isPortal: info.isPortal },
        },
        input.ip,
      );
      // The first unit of the chain is told by mail, committed with the application (issue 9).
      await queueRequestEvent(trx, { type: 'SUBMITTED', requestId, at: now });
      return { kind: 'created' as const, chain };
    });
  } catch (error) {
    // A concurrent request with the same key may have won the race to a unique index.
    const winner = await findApplicationByIdempotencyKey(ctx.db, keyDigest);
    if (winner && !(error instanceof AppError)) return replay(ctx, winner, keyDigest, bodyDigest, warnings);
    const conflict = await conflictFromUniqueViolation(ctx.db, error, info, org);
    throw conflict ?? error;
  }
  if (outcome.kind === 'replay') return replay(ctx, outcome.row, keyDigest, bodyDigest, warnings);
  const first = outcome.chain[0] ?? '';
  const orgs = await orgsByCode(ctx.db, [first]);
  return { tempCode, firstReviewer: { code: first, name: orgs.get(first)?.name ?? first }, warnings };
}
