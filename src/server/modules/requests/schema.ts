// Request (申请) contracts shared by the modules that file, review or show requests: the types with their labels and
// a site's 审核流水 entries, and the review actions' shared params, bodies and results. Browser-safe like every schema.ts (review/schema.ts re-exports them for the web UI).
import { z } from 'zod';

export { REQUEST_TYPE_LABELS, REQUEST_TYPES } from '../../../domain/requests.ts';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  unitName: z.string(),
  person: z.string(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  comment: z.string(),
});
export const auditTrail = z.object({ items: z.array(auditEntry) });

/** What the caller may do with a row, and if not, why. */
export const ability = z.object({ allowed: z.boolean(), reason: z.string().optional() });

export const idParam = z.object({ id: z.coerce.number().int().positive() });
/** `version` is the request version the client showed; a different current version is a conflict. */
export const approveBody = z.object({ version: z.number().int().positive().optional() });

/** A request after an approve or a return. */
export const transitionResult = z.object({
  id: z.number().int(),
  state: z.string(),
  stepIndex: z.number().int(),
  version: z.number().int(),
  orgStatus: z.string(),
});
