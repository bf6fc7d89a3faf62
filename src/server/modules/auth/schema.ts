// Schemas of the session and login endpoints.
import { z } from 'zod';

export const sessionInfo = z.object({
  csrfToken: z.string(),
  actor: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('ANONYMOUS') }),
    z.object({
      kind: z.literal('ORG_USER'),
      userId: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(['REVIEWER', 'ADMIN']),
      orgCode: z.string(),
      orgName: z.string(),
      orgLevel: z.number().int(),
      mustChangePassword: z.boolean(),
      menu: z.array(z.string()),
    }),
    z.object({ kind: z.literal('SITE'), siteCode: z.string() }),
  ]),
});

export const orgLoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(50),
  password: z.string().min(1, '请输入密码').max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(200),
  newPassword: z.string().min(1, '请输入新密码').max(200),
});

export const okBody = z.object({ ok: z.literal(true) });
