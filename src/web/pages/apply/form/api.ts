// Calls of the application form: org-code lookup, duplicate check, submission, and reopening a returned application.

import type { SiteInfoInput } from '../../../../domain/site-info.ts';
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type OrgLookup = ApiResponse<'/api/public/org-lookup/{code}', 'get'>;
export type DuplicateCheckResult = ApiResponse<'/api/public/applications/check-duplicates', 'post'>;
export type SubmitResult = ApiResponse<'/api/public/applications', 'post'>;
export type OpenResult = ApiResponse<'/api/public/applications/open', 'post'>;
export type ResubmitResult = ApiResponse<'/api/public/applications/resubmit', 'post'>;

export function lookupOrg(code: string): Promise<OrgLookup> {
  return unwrap(client.GET('/api/public/org-lookup/{code}', { params: { path: { code } } }));
}

export function checkDuplicates(input: {
  name?: string;
  homeUrl?: string;
  tempCode?: string;
}): Promise<DuplicateCheckResult> {
  return unwrap(client.POST('/api/public/applications/check-duplicates', { body: input }));
}

/** The form's value as JSON sends it: an unset contact slot becomes null. */
const asBody = (info: SiteInfoInput) => ({ ...info, contacts: info.contacts?.map((contact) => contact ?? null) });

/** One idempotency key per filled-in form: a double click or a retry answers with the same 临时码. */
export function submitApplication(info: SiteInfoInput, idempotencyKey: string): Promise<SubmitResult> {
  return unwrap(
    client.POST('/api/public/applications', { body: asBody(info), headers: { 'idempotency-key': idempotencyKey } }),
  );
}

export function openApplication(tempCode: string): Promise<OpenResult> {
  return unwrap(client.POST('/api/public/applications/open', { body: { tempCode } }));
}

export function resubmitApplication(tempCode: string, info: SiteInfoInput): Promise<ResubmitResult> {
  return unwrap(client.POST('/api/public/applications/resubmit', { body: { tempCode, info: asBody(info) } }));
}
