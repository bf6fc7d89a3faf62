// Request and response schemas of the org-unit endpoints.
import { z } from 'zod';

export const personContact = z.object({
  name: z.string(),
  officePhone: z.string(),
  mobile: z.string(),
  email: z.string(),
});

export const orgUnit = z.object({
  code: z.string(),
  name: z.string(),
  displayName: z.string(),
  level: z.number().int(),
  branch: z.enum(['LOCAL', 'VERTICAL']),
  parentCode: z.string().nullable(),
  enabled: z.boolean(),
  principal: personContact.nullable(),
  contacts: z.array(personContact),
});

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => [10, 20, 50, 100].includes(n), '每页条数只能是 10、20、50 或 100')
    .default(20),
};

export const listOrgUnitsQuery = z.object({
  q: z.string().trim().max(50).optional(),
  level: z.coerce.number().int().min(0).max(3).optional(),
  parentCode: z.string().max(6).optional(),
  ...pageQuery,
});

export const orgUnitPage = z.object({
  items: z.array(orgUnit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const orgLookup = z.object({
  code: z.string(),
  name: z.string(),
  displayName: z.string(),
  level: z.number().int(),
  province: z.string(),
  city: z.string(),
  county: z.string(),
});

export const codeParam = z.object({ code: z.string().min(1).max(20) });
