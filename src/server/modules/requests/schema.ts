// Request (申请) contracts shared by the modules that file, review or show requests: the types with their labels and
// a site's 审核流水 entries. Browser-safe like every schema.ts (review/schema.ts re-exports them for the web UI).
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
