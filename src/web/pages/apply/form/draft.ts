// The form draft in sessionStorage (this tab only): a refresh loses nothing, closing the tab forgets it.
import type { SiteInfoInput } from '../../../../domain/site-info.ts';
import type { OrgLookup, SubmitResult } from './api.ts';

export interface ApplyDraft {
  values: SiteInfoInput;
  step: number;
  /** Made once per form; kept with the draft so a refresh and resubmit still count as the same submission. */
  idempotencyKey: string;
  org: OrgLookup | null;
  /** Set while correcting a returned application. */
  resubmit: { tempCode: string; returnReason: string | null } | null;
}

/** What the success page needs after a refresh: the 临时码 is shown until the applicant starts over. */
export interface SubmittedApplication extends SubmitResult {
  siteName: string;
  homeUrl: string;
  orgName: string;
  submittedAt: string;
}

const DRAFT_KEY = 'govsite.apply.draft';
const RESULT_KEY = 'govsite.apply.result';

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works, only a refresh would lose it.
  }
}

export const loadDraft = () => read<ApplyDraft>(DRAFT_KEY);
export const saveDraft = (draft: ApplyDraft) => write(DRAFT_KEY, draft);
export const clearDraft = () => sessionStorage.removeItem(DRAFT_KEY);

export const loadSubmitted = () => read<SubmittedApplication>(RESULT_KEY);
export const saveSubmitted = (result: SubmittedApplication) => write(RESULT_KEY, result);
export const clearSubmitted = () => sessionStorage.removeItem(RESULT_KEY);

/** 32 hex characters; getRandomValues also works on plain-http intranet deployments, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
