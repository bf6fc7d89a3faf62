// The one HTTP client of the web UI: typed JSON over fetch with the CSRF header, and the single place API errors are
// handled.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import type { paths } from './api/schema.ts';
import type { UploadAnswer, UploadPath } from './api/types.ts';
import { t } from './locales/zh-CN.ts';

/** An error answered by the API: `{ code, message, details? }` with a Chinese message meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

declare module '@tanstack/react-query' {
  interface Register {
    /** `inlineError`: the form shows the message itself; redirects for a lost session still happen here. */
    mutationMeta: { inlineError?: boolean };
  }
}

/** What the error policy needs from the running app; installed once by the app shell (see RequestBridge). */
export interface ErrorHooks {
  notify(text: string): void;
  onSessionLost(): void;
  onPasswordChangeRequired(): void;
  refreshSession(): void;
}

let hooks: ErrorHooks = {
  notify: (text) => console.error(text),
  onSessionLost: () => window.location.assign('/'),
  onPasswordChangeRequired: () => window.location.assign('/org/password'),
  refreshSession: () => {},
};

export function installErrorHooks(next: ErrorHooks): void {
  hooks = next;
}

let csrfToken: string | null = null;

/** The token changes at login; take it from the latest login or /api/session response. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Query parameters of a file download (shared/download-file.ts); API calls take the typed ones of their route. */
export type QueryParams = Record<string, string | number | boolean | undefined | null>;

async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  const info = await unwrap(client.GET('/api/session'));
  csrfToken = info.csrfToken;
  return csrfToken;
}

/**
 * The transport under every API call: the CSRF header on unsafe methods, and network failures and error answers
 * turned into an ApiError with the server's Chinese message. A successful answer is returned unread.
 */
export async function send(request: Request): Promise<Response> {
  request.headers.set('accept', 'application/json');
  if (UNSAFE.has(request.method)) request.headers.set('x-csrf-token', await ensureCsrfToken());
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    throw new ApiError(0, 'NETWORK', t.request.network);
  }
  if (response.ok) return response;
  let body: { code?: unknown; message?: unknown; details?: Record<string, unknown> } = {};
  try {
    const text = await response.text();
    if (text) body = JSON.parse(text) ?? {};
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', t.request.badResponse);
  }
  const message = typeof body.message === 'string' && body.message ? body.message : t.request.badResponse;
  throw new ApiError(response.status, typeof body.code === 'string' ? body.code : 'HTTP_ERROR', message, body.details);
}

/** Query strings as the API reads them: empty, null and undefined values are left out. */
function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/**
 * The typed API client: paths, parameters, bodies and answers come from src/web/api/schema.ts, generated from the
 * server's route schemas (`npm run gen:api`). Wrap each call in `unwrap()` to get the answer or an ApiError.
 */
export const client = createClient<paths>({ fetch: send, credentials: 'same-origin', querySerializer: serializeQuery });

/** The answer of a client call; `send` has already thrown for an error status, so here only a bad body is left. */
export async function unwrap<D>(pending: Promise<{ data?: D; response: Response }>): Promise<D> {
  let result: { data?: D };
  try {
    result = await pending;
  } catch (error) {
    // A 2xx body that is not JSON (e.g. a proxy's HTML page); anything else (ApiError from `send`) goes on as it is.
    if (error instanceof SyntaxError) throw new ApiError(0, 'BAD_RESPONSE', t.request.badResponse);
    throw error;
  }
  if (result.data === undefined) throw new ApiError(0, 'BAD_RESPONSE', t.request.badResponse);
  return result.data;
}

/** A multipart upload (openapi-fetch has no body type for it: the routes read the file stream, not a schema). */
export async function upload<P extends UploadPath>(path: P, form: FormData): Promise<UploadAnswer<P>> {
  const response = await send(new Request(path, { method: 'POST', body: form, credentials: 'same-origin' }));
  try {
    return await response.json();
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', t.request.badResponse);
  }
}

/** The text to show for any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t.request.network;
}

/**
 * The error policy, in one place: a lost session goes back to the home page's login, a pending password change goes
 * to the change-password page, anything else is shown — as a toast, or inline by the form that asked for it.
 */
export function handleApiError(error: unknown, options: { inline?: boolean } = {}): void {
  if (error instanceof ApiError) {
    if (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED') {
      hooks.onSessionLost();
      return;
    }
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
      hooks.onPasswordChangeRequired();
      return;
    }
    // A stale token (e.g. after logging in from another tab): fetch the current one so a retry succeeds.
    if (error.code === 'CSRF_INVALID') hooks.refreshSession();
  }
  if (!options.inline) hooks.notify(errorMessage(error));
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => handleApiError(error) }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _result, mutation) =>
      handleApiError(error, { inline: mutation.meta?.inlineError === true }),
  }),
  defaultOptions: {
    queries: {
      // API answers are final; only a dropped connection is worth one more try.
      retry: (count, error) => error instanceof ApiError && error.code === 'NETWORK' && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
    mutations: { retry: false },
  },
});
