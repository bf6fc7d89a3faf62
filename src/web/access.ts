// Who is signed in (the /api/session query) and what they may open: the access checks behind routes and the menu.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionInfo } from '../server/modules/auth/schema.ts';
import { api, queryClient, setCsrfToken } from './request.ts';

export type SessionInfo = z.infer<typeof sessionInfo>;
export type Actor = SessionInfo['actor'];
export type OrgUserActor = Extract<Actor, { kind: 'ORG_USER' }>;
export type SiteActor = Extract<Actor, { kind: 'SITE' }>;

export const sessionQueryKey = ['session'] as const;

async function fetchSession(): Promise<SessionInfo> {
  const info = await api.get<SessionInfo>('/api/session');
  setCsrfToken(info.csrfToken);
  return info;
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** Re-reads the session now (after login, logout or a password change) and returns it. */
export function reloadSession(): Promise<SessionInfo> {
  return queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 });
}

/** Forgets everything cached for the previous user, keeping only the session query. */
export function dropUserData(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
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
