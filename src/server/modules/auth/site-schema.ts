// Schemas of the 填报单位 login and its own record.
import { z } from 'zod';
import { siteIdentityShape } from '../site-workspace/schema.ts';

export const siteLoginBody = z.object({
  siteCode: z.string().trim().min(1, '请输入网站标识码').max(40),
  checkCode: z.string().min(1, '请输入校验码').max(40),
});

export const siteLoginResult = z.object({ csrfToken: z.string(), siteCode: z.string() });

export const siteRecord = z.object({
  ...siteIdentityShape,
  orgChain: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int() })),
  runStatus: z.string(),
  runStatusLabel: z.string(),
  codeIssuedAt: z.string().nullable(),
  firstLoginAt: z.string().nullable(),
});
