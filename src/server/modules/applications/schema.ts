// Request and response schemas of the public new-site application endpoints (新增网站, 临时码, progress query).
import { z } from 'zod';
import { REQUEST_STATES } from '../../../domain/requests.ts';

// Shapes only: every rule (required, formats, lengths) is checked by validateSiteInfo, which answers per field in
// Chinese. The generous maxima only stop absurd payloads.
const text = z.string().max(1000).nullish();
const flag = z.boolean().nullish();
const person = z.object({ name: text, title: text, officePhone: text, mobile: text, email: text }).nullish();

export const siteInfoBody = z.object({
  name: text,
  homeUrl: text,
  orgCode: text,
  isPortal: flag,
  isServicePlatform: flag,
  sponsorName: text,
  sponsorAddress: text,
  organizerName: text,
  maintainerName: text,
  principal: person,
  contacts: z.array(person).max(10).nullish(),
  icpNo: text,
  psbNo: text,
  conacCode: text,
  chineseDomain: text,
});

const contact = z.object({ name: z.string(), officePhone: z.string(), mobile: z.string(), email: z.string() });

/** The stored, normalised basic information (src/domain/site-info.ts `SiteInfo`). */
export const siteInfo = z.object({
  name: z.string(),
  homeUrl: z.string(),
  orgCode: z.string(),
  isPortal: z.boolean(),
  isServicePlatform: z.boolean(),
  sponsorName: z.string(),
  sponsorAddress: z.string(),
  organizerName: z.string(),
  maintainerName: z.string(),
  principal: contact.extend({ title: z.string() }),
  contacts: z.array(contact),
  icpNo: z.string(),
  psbNo: z.string(),
  conacCode: z.string(),
  chineseDomain: z.string(),
});

const fieldMessage = z.object({ field: z.string(), message: z.string() });

export const checkDuplicatesBody = z.object({
  name: z.string().max(1000).optional(),
  homeUrl: z.string().max(1000).optional(),
  /** While correcting a returned application: its 临时码, so that it does not collide with itself. */
  tempCode: z.string().max(100).optional(),
});

export const duplicateCheckResult = z.object({
  /** Blocking: the name or URL is taken. `field` is `name` or `homeUrl`. */
  conflicts: z.array(
    fieldMessage.extend({
      siteName: z.string(),
      siteCode: z.string().nullable(),
    }),
  ),
  /** Not blocking: `www.` variants of a registered URL. */
  warnings: z.array(fieldMessage),
});

export const orgRef = z.object({ code: z.string(), name: z.string() });

export const submitResult = z.object({
  tempCode: z.string(),
  firstReviewer: orgRef,
  /** Warnings of the accepted information (e.g. non-.gov.cn domain), to show on the receipt. */
  warnings: z.array(fieldMessage),
});

export const tempCodeBody = z.object({ tempCode: z.string().max(100) });

export const resubmitBody = z.object({ tempCode: z.string().max(100), info: siteInfoBody });

const requestState = z.enum(REQUEST_STATES);

/** 网站标识码 and 校验码 shown once the code is issued; filled by the issuance module (null until then). */
export const progressCredentials = z.object({
  siteCode: z.string(),
  /** The 校验码 until the site's first login, null afterwards. */
  checkCode: z.string().nullable(),
  /** e.g. that the 校验码 has been used and how to get a new one. */
  note: z.string().nullable(),
});

export const progressResult = z.object({
  state: requestState,
  /** The contractual 临时码 query text (SPEC §7.1.3). */
  text: z.string(),
  siteName: z.string(),
  homeUrl: z.string(),
  /** The first submission; a resubmission after a return is `resubmittedAt`. */
  submittedAt: z.string(),
  resubmittedAt: z.string().nullable(),
  /** When the application was returned, while it is 审核未通过. */
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** The organizing unit that must act now, with its public contact telephone. */
  holder: z
    .object({ code: z.string(), name: z.string(), officePhone: z.string().nullable(), daysWaiting: z.number().int() })
    .nullable(),
  /** Units that have approved, in chain order, with the approval time when the 审核流水 records it. */
  passedSteps: z.array(orgRef.extend({ approvedAt: z.string().nullable() })),
  /** The whole chain, for a steps display, and the position of the unit that holds (or returned) it. */
  chain: z.array(orgRef),
  stepIndex: z.number().int(),
  canResubmit: z.boolean(),
  canWithdraw: z.boolean(),
  credentials: progressCredentials.nullable(),
});

export const openResult = z.object({
  state: requestState,
  text: z.string(),
  returnReason: z.string().nullable(),
  /** True only while RETURNED: the applicant may correct and resubmit. */
  editable: z.boolean(),
  info: siteInfo,
});

export const resubmitResult = z.object({ state: requestState, text: z.string(), firstReviewer: orgRef });

export const withdrawResult = z.object({ state: requestState, text: z.string() });
