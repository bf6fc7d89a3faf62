// The API documentation loads on first visit (plugins/api-docs.ts) and answers as before: the Swagger UI page and its
// static files, the OpenAPI document with every route, behind the main app's security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('API documentation', () => {
  it('serves the OpenAPI document of every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.keys(doc.paths);
    // Every API route except the documentation's own is in the document (path parameters as {name}).
    const routes = new Set(t.app.routeTable.map((r) => r.url.replace(/:(\w+)/g, '{$1}')));
    expect(routes.size).toBeGreaterThan(80);
    for (const url of routes) expect(documented, url).toContain(url);
    expect(documented.some((p) => p.startsWith('/api/docs'))).toBe(false);
  });

  it('serves the Swagger UI page and its files, with the app’s security headers', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const scripts = [...page.body.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const file = await t.app.inject({ method: 'GET', url: src });
      expect(file.statusCode, src).toBe(200);
      expect(file.headers['content-type'], src).toMatch(/javascript/);
      expect(file.rawPayload.length, src).toBeGreaterThan(100);
    }
    const head = await t.app.inject({ method: 'HEAD', url: '/api/docs/json' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers a missing documentation file with 404 and never another route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/static/nope.js' });
    expect(res.statusCode).toBe(404);
    const post = await t.app.inject({ method: 'POST', url: '/api/docs/json', payload: {} });
    expect(post.statusCode).toBe(404);
  });
});
