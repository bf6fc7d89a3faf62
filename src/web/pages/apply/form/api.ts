// Calls of the application form: org-code lookup, duplicate check, submission, and reopening a returned application.
import type { z } from 'zod';
import type { SiteInfoInput } from '../../../../domain/site-info.ts';
import type {
  duplicateCheckResult,
  openResult,
  resubmitResult,
  submitResult,
} from '../../../../server/modules/applications/schema.ts';
import type { orgLookup } from '../../../../server/modules/org-units/schema.ts';
import { api, request } from '../../../request.ts';

export type OrgLookup = z.infer<typeof orgLookup>;
export type DuplicateCheckResult = z.infer<typeof duplicateCheckResult>;
export type SubmitResult = z.infer<typeof submitResult>;
export type OpenResult = z.infer<typeof openResult>;
export type ResubmitResult = z.infer<typeof resubmitResult>;

export function lookupOrg(code: string): Promise<OrgLookup> {
  return api.get<OrgLookup>(`/api/public/org-lookup/${encodeURIComponent(code)}`);
}

export function checkDuplicates(input: {
  name?: string;
  homeUrl?: string;
  tempCode?: string;
}): Promise<DuplicateCheckResult> {
  return api.post<DuplicateCheckResult>('/api/public/applications/check-duplicates', input);
}

/** One idempotency key per filled-in form: a double click or a retry answers with the same 临时码. */
export function submitApplication(info: SiteInfoInput, idempotencyKey: string): Promise<SubmitResult> {
  return request<SubmitResult>('POST', '/api/public/applications', {
    body: info,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function openApplication(tempCode: string): Promise<OpenResult> {
  return api.post<OpenResult>('/api/public/applications/open', { tempCode });
}

export function resubmitApplication(tempCode: string, info: SiteInfoInput): Promise<ResubmitResult> {
  return api.post<ResubmitResult>('/api/public/applications/resubmit', { tempCode, info });
}
