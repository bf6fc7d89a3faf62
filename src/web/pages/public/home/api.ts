// Calls of the public home page: the two logins.
import type { ApiBody, ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type OrgLoginInput = ApiBody<'/api/auth/login', 'post'>;
export type OrgLoginResult = ApiResponse<'/api/auth/login', 'post'>;

export function loginOrgUser(input: OrgLoginInput): Promise<OrgLoginResult> {
  return unwrap(client.POST('/api/auth/login', { body: input }));
}

/** 填报单位 login: 网站标识码 + 校验码. */
export type SiteLoginInput = ApiBody<'/api/auth/site-login', 'post'>;

export function loginSite(input: SiteLoginInput): Promise<ApiResponse<'/api/auth/site-login', 'post'>> {
  return unwrap(client.POST('/api/auth/site-login', { body: input }));
}
