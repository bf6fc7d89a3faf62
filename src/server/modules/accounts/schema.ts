// Schemas of the account-management and login-log endpoints.
import { z } from 'zod';
import { pageQuery } from '../org-units/schema.ts';

export const account = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  role: z.enum(['REVIEWER', 'ADMIN']),
  enabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const listAccountsQuery = z.object({ q: z.string().trim().max(50).optional(), ...pageQuery });
export const accountPage = z.object({ items: z.array(account), total: z.number().int() });

export const createAccountBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,30}$/, '用户名须为 3–30 位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1, '请填写姓名').max(30),
  orgCode: z.string().trim().min(6).max(6),
  role: z.enum(['REVIEWER', 'ADMIN']),
});

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const enabledBody = z.object({ enabled: z.boolean() });
export const initialPasswordBody = z.object({ initialPassword: z.string() });

export const loginLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  login: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  ip: z.string(),
  result: z.string(),
});
export const loginLogPage = z.object({ items: z.array(loginLogEntry), total: z.number().int() });
export const loginLogQuery = z.object({ ...pageQuery });
