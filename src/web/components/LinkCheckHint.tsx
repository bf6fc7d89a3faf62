// Shows whether a typed URL — or a 「；」-separated list of 栏目 addresses — can be reached: a warning, never a block.
// Drop next to a URL field: <LinkCheckHint url={Form.useWatch('homeUrl', form)} /> (kind="COLUMN" for 栏目地址).
import { Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { ApiResponse } from '../api/types.ts';
import { t } from '../locales/zh-CN.ts';
import { client, errorMessage, unwrap } from '../request.ts';

export type LinkCheckResult = ApiResponse<'/api/link-check', 'post'>;
/** HOME ignores robots.txt; COLUMN respects it (a 栏目 address). */
export type LinkCheckKind = 'HOME' | 'COLUMN';

export type LinkCheckState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'done'; results: LinkCheckResult[] }
  | { phase: 'error'; message: string };

/** Only complete-looking addresses are checked, so typing does not fire a check per keystroke. */
const URL_RE = /^https?:\/\/[^/\s?#]+\.[^/\s?#]+/i;
const MAX_URLS = 10;
const CACHE_MS = 60_000;

const cache = new Map<string, { at: number; result: Promise<LinkCheckResult> }>();

function checkOnce(kind: LinkCheckKind, url: string): Promise<LinkCheckResult> {
  const key = `${kind} ${url}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.result;
  const result = unwrap(client.POST('/api/link-check', { body: { url, kind } }));
  cache.set(key, { at: Date.now(), result });
  result.catch(() => cache.delete(key));
  return result;
}

/** The addresses in a field value: split on 「；」/`;`, 「无」 and incomplete entries left out. */
export function linkCheckTargets(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(/[；;]/)) {
    const url = part.trim();
    if (URL_RE.test(url) && !out.includes(url)) out.push(url);
  }
  return out.slice(0, MAX_URLS);
}

export function useLinkCheck(
  value: string | undefined,
  kind: LinkCheckKind = 'HOME',
  debounceMs = 800,
): LinkCheckState {
  const [state, setState] = useState<LinkCheckState>({ phase: 'idle' });
  const key = linkCheckTargets(value ?? '').join('\n');
  useEffect(() => {
    if (key === '') {
      setState({ phase: 'idle' });
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setState({ phase: 'checking' });
      Promise.all(key.split('\n').map((url) => checkOnce(kind, url)))
        .then((results) => {
          if (!cancelled) setState({ phase: 'done', results });
        })
        .catch((error: unknown) => {
          if (!cancelled) setState({ phase: 'error', message: errorMessage(error) });
        });
    }, debounceMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, kind, debounceMs]);
  return state;
}

export function LinkCheckHint({
  url,
  kind = 'HOME',
  debounceMs,
}: {
  url: string | undefined;
  kind?: LinkCheckKind;
  debounceMs?: number;
}) {
  const state = useLinkCheck(url, kind, debounceMs);
  if (state.phase === 'idle') return null;
  const wrap = (children: ReactNode) => (
    <div data-testid="link-check-hint" role="status" aria-live="polite">
      {children}
    </div>
  );
  if (state.phase === 'checking')
    return wrap(<Typography.Text type="secondary">{t.linkCheck.checking}</Typography.Text>);
  if (state.phase === 'error') {
    return wrap(<Typography.Text type="secondary">{t.linkCheck.unavailable(state.message)}</Typography.Text>);
  }
  // Each address with its status and time (or why it failed); the note only when something failed.
  const single = state.results.length === 1;
  return wrap(
    <>
      {state.results.map((r) => (
        <div key={r.url}>
          <Typography.Text type={r.ok ? 'success' : r.error === 'ROBOTS' ? 'secondary' : 'warning'}>
            {single ? r.message : t.linkCheck.result(r.url, r.message)}
          </Typography.Text>
        </div>
      ))}
      {state.results.some((r) => !r.ok) && (
        <Typography.Text type="secondary">{t.linkCheck.notBlocking}</Typography.Text>
      )}
    </>,
  );
}
