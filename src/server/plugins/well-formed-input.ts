// Makes every string of a request's JSON body, query and parameters well-formed Unicode before validation: a lone
// surrogate (only a JSON escape such as "\ud800" can carry one) becomes U+FFFD, as a UTF-8 encoder would write it.
// PostgreSQL refuses lone surrogates in jsonb and silently replaces them in text; this way both store the same.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

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
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = wellFormed(request.body);
    request.query = wellFormed(request.query);
    request.params = wellFormed(request.params);
  });
});
