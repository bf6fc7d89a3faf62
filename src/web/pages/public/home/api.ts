// Calls of the public home page: the two logins.
import type { z } from 'zod';
import type { orgLoginBody } from '../../../../server/modules/auth/schema.ts';
import { api } from '../../../request.ts';

export type OrgLoginInput = z.input<typeof orgLoginBody>;
/** Response of POST /api/auth/login (declared inline in src/server/modules/auth/routes.ts). */
export interface OrgLoginResult {
  csrfToken: string;
  mustChangePassword: boolean;
}

export function loginOrgUser(input: OrgLoginInput): Promise<OrgLoginResult> {
  return api.post<OrgLoginResult>('/api/auth/login', input);
}

/** 填报单位 login: 网站标识码 + 校验码. The endpoint is being built; until then the server answers with its message. */
export interface SiteLoginInput {
  siteCode: string;
  checkCode: string;
}

export function loginSite(input: SiteLoginInput): Promise<{ csrfToken: string }> {
  return api.post<{ csrfToken: string }>('/api/auth/site-login', input);
}
