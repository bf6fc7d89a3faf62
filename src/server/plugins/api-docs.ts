// The API documentation, /api/docs (Swagger UI) and /api/docs/json (OpenAPI). @fastify/swagger collects the document
// from the routes' schemas at start-up, which is cheap; the Swagger UI package and its ~20 static files load on the
// first visit, into an inner Fastify instance answered through `inject`, so a start-up no longer pays ~0.3 s of CPU for
// a page that integrators open now and then. The main app's hooks (helmet, no-store) still wrap every answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { OpenAPIV3 } from 'openapi-types';

const DOCS_PREFIX = '/api/docs';
/** Hop-by-hop and length headers the outer reply sets for itself. */
const OWN_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

async function loadDocsApp(app: FastifyInstance): Promise<FastifyInstance> {
  const [{ default: Fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('fastify'),
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const docs = Fastify({ logger: false });
  // The document is OpenAPI 3.1; the static mode's type names 3.0 and 2.0 only, and serves any version as given.
  const document = app.swagger() as OpenAPIV3.Document;
  await docs.register(swagger, { mode: 'static', specification: { document } });
  await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });
  await docs.ready();
  return docs;
}

export const apiDocsPlugin = fp(async (app: FastifyInstance) => {
  let docsApp: Promise<FastifyInstance> | undefined;
  app.addHook('onClose', async () => {
    if (docsApp) await (await docsApp.catch(() => undefined))?.close();
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    docsApp ??= loadDocsApp(app).catch((error: unknown) => {
      docsApp = undefined; // a failed load is tried again by the next visit
      throw error;
    });
    const docs = await docsApp;
    const answer = await docs.inject({
      method: request.method as 'GET' | 'HEAD',
      url: request.url,
      headers: { accept: request.headers.accept ?? '*/*', 'accept-encoding': 'identity' },
    });
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !OWN_HEADERS.has(name)) reply.header(name, value);
    }
    return reply.status(answer.statusCode).send(answer.rawPayload);
  };
  // No `access` rule: the documentation is public (plugins/session.ts lets /api/docs* go without one).
  app.get(DOCS_PREFIX, { schema: { hide: true } }, serve);
  app.get(`${DOCS_PREFIX}/*`, { schema: { hide: true } }, serve);
});
