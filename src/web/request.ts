// The one HTTP client of the web UI: JSON over fetch with the CSRF header, and the single place API errors are handled.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
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

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  const info = await request<{ csrfToken: string }>('GET', '/api/session');
  csrfToken = info.csrfToken;
  return csrfToken;
}

export async function request<T>(
  method: string,
  path: string,
  options: { body?: unknown; query?: QueryParams; headers?: Record<string, string>; form?: FormData } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method)) headers['x-csrf-token'] = await ensureCsrfToken();
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      // A form (file upload) sets its own multipart content type with the boundary.
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', t.request.network);
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'BAD_RESPONSE', t.request.badResponse);
    }
  }
  if (!response.ok) {
    const body = (data ?? {}) as { code?: unknown; message?: unknown; details?: Record<string, unknown> };
    const message = typeof body.message === 'string' && body.message ? body.message : t.request.badResponse;
    throw new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : 'HTTP_ERROR',
      message,
      body.details,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};

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
