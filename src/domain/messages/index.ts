// The catalogue of the server's error messages, one entry per thing said, grouped by area. Messages that are data
// of a domain rule (field checks in `validation/`, the annual reports' checks) stay beside their rule.
import { AUTH_MESSAGES } from './auth.ts';
import { COMMON_MESSAGES } from './common.ts';
import { ISSUANCE_MESSAGES } from './issuance.ts';
import { NOTICE_MESSAGES } from './notices.ts';
import { OFFLINE_MESSAGES } from './offline.ts';
import { ORG_UNIT_MESSAGES } from './org-units.ts';
import { REPORT_MESSAGES } from './reports.ts';
import { REQUEST_MESSAGES } from './requests.ts';
import { SITE_MESSAGES } from './sites.ts';

/** The groups, for the catalogue's own test (every key unique across them). */
export const MESSAGE_GROUPS = {
  AUTH_MESSAGES,
  COMMON_MESSAGES,
  ISSUANCE_MESSAGES,
  NOTICE_MESSAGES,
  OFFLINE_MESSAGES,
  ORG_UNIT_MESSAGES,
  REPORT_MESSAGES,
  REQUEST_MESSAGES,
  SITE_MESSAGES,
} as const;

export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...AUTH_MESSAGES,
  ...REQUEST_MESSAGES,
  ...OFFLINE_MESSAGES,
  ...ISSUANCE_MESSAGES,
  ...ORG_UNIT_MESSAGES,
  ...REPORT_MESSAGES,
  ...NOTICE_MESSAGES,
  ...SITE_MESSAGES,
} as const;
