// Who is signed in (the /api/session query) and what they may open: the access checks behind routes and the menu.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { ApiResponse } from './api/types.ts';
import { client, queryClient, setCsrfToken, unwrap } from './request.ts';

export type SessionInfo = ApiResponse<'/api/session', 'get'>;
export type Actor = SessionInfo['actor'];
export type OrgUserActor = Extract<Actor, { kind: 'ORG_USER' }>;
export type SiteActor = Extract<Actor, { kind: 'SITE' }>;

export const sessionQueryKey = ['session'] as const;

async function fetchSession(): Promise<SessionInfo> {
  const info = await unwrap(client.GET('/api/session'));
  setCsrfToken(info.csrfToken);
  return info;
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** Starts reading the session before any component asks (page load); `useSession` then finds it in flight. */
export function prefetchSession(): Promise<void> {
  return queryClient.prefetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** Re-reads the session now (after login, logout or a password change) and returns it. */
export function reloadSession(): Promise<SessionInfo> {
  return queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 });
}

/** Forgets everything cached for the previous user, keeping only the session query. */
export function dropUserData(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

let loginNotice: string | null = null;

/**
 * A notice for the home page's login card (e.g. 「登录已过期，请重新登录」). Kept here rather than in the navigation
 * state because the workspace guard may redirect home on its own once the session reads as anonymous.
 */
export function setLoginNotice(notice: string): void {
  loginNotice = notice;
}

export function peekLoginNotice(): string | null {
  return loginNotice;
}

export function clearLoginNotice(): void {
  loginNotice = null;
}

export function isOrgUser(actor: Actor | undefined): actor is OrgUserActor {
  return actor?.kind === 'ORG_USER';
}

/**
 * May this org user open a workspace page? Pages without an access key are open to every org user; the others need
 * their key in the menu the server computed (by level and role).
 */
export function canAccess(actor: OrgUserActor, access: string | undefined): boolean {
  return access === undefined || actor.menu.includes(access);
}

/** 退出: ends the session on the server, forgets cached data and returns to the home page (also if the call fails). */
export function useLogout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/auth/logout')),
    meta: { inlineError: true },
    onSettled: async () => {
      dropUserData();
      await reloadSession().catch(() => {});
      navigate('/', { replace: true });
    },
  });
}
