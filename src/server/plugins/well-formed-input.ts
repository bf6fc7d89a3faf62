// Input shape guards before validation. JSON bodies nested deeper than any form of ours are refused before they are
// parsed (a 20,000-level array would otherwise overflow the stack of every recursive walk: a 500). Then every string
// of a request's JSON body, query and parameters is made well-formed Unicode: a lone surrogate (only a JSON escape
// such as "\ud800" can carry one) becomes U+FFFD, as a UTF-8 encoder would write it. PostgreSQL refuses lone
// surrogates in jsonb and silently replaces them in text; this way both store the same.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { MESSAGES } from '../../domain/messages/index.ts';
import { AppError } from '../errors.ts';

/** The deepest JSON any route accepts: our forms nest a few levels (栏目 lists in a change set are the deepest). */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing (brackets inside strings skipped). */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A copy of `value` with every string (values and keys) well-formed; other values unchanged. */
export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    // defineProperty: a "__proto__" key stays an own property instead of replacing the prototype.
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, wellFormed(k) as string, {
        value: wellFormed(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

export const wellFormedInputPlugin = fp(async (app: FastifyInstance) => {
  // Fastify's own JSON parser (prototype-poisoning checks kept), behind the depth check.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(new AppError('VALIDATION_FAILED', MESSAGES.inputTooDeep), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = wellFormed(request.body);
    request.query = wellFormed(request.query);
    request.params = wellFormed(request.params);
  });
});
