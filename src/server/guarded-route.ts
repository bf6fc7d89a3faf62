// One shape for the guarded JSON and xlsx routes of the feature modules: access rule, OpenAPI tags and summary, zod
// schemas, and a handler given the typed actor and the parsed request. Routes that need the raw request or another
// reply (multipart uploads, cookies, file downloads, SVG) keep using `app.get` / `app.post`.
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Access, OrgActor, SiteActor } from './context.ts';
import { orgActor, siteActor } from './guards.ts';
import { sendXlsx } from './xlsx-table.ts';

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

export interface RouteSpec {
  summary: string;
  querystring?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  /** The 200 response; Fastify serialises through it, so no other field leaves the server. */
  response?: z.ZodType;
  /** Runs in one of the process's few export slots (large xlsx files). */
  exportSlot?: boolean;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a handler reads of the request, parsed by the spec's schemas. */
export interface RouteRequest<S extends RouteSpec> {
  query: Parsed<S['querystring']>;
  params: Parsed<S['params']>;
  body: Parsed<S['body']>;
  headers: FastifyRequest['headers'];
  ip: string;
}

type Reply<S extends RouteSpec> = S['response'] extends z.ZodType ? z.output<S['response']> : unknown;
type Handler<A, S extends RouteSpec> = (actor: A, request: RouteRequest<S>) => Promise<Reply<S>> | Reply<S>;

/** An xlsx file made by an export use case, sent as an attachment. */
export interface XlsxFile {
  fileName: string;
  body: Buffer | Readable;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function guardedRoutes<A>(app: ZodApp, tags: string[], access: Access, guard: (r: FastifyRequest) => A) {
  const register = (
    method: Method,
    url: string,
    spec: RouteSpec,
    reply: (request: FastifyRequest, res: FastifyReply) => Promise<unknown>,
  ) => {
    const { summary, response, exportSlot, ...inputs } = spec;
    app.route({
      method,
      url,
      config: exportSlot ? { access, exportSlot } : { access },
      schema: { tags, summary, ...inputs, ...(response ? { response: { 200: response } } : {}) },
      handler: reply,
    });
  };
  const parsed = (request: FastifyRequest) => ({
    query: request.query,
    params: request.params,
    body: request.body,
    headers: request.headers,
    ip: request.ip,
  });
  const json =
    (method: Method) =>
    <S extends RouteSpec>(url: string, spec: S, handler: Handler<A, S>) =>
      register(method, url, spec, async (request) => handler(guard(request), parsed(request) as RouteRequest<S>));
  return {
    get: json('GET'),
    post: json('POST'),
    put: json('PUT'),
    delete: json('DELETE'),
    /** A GET answered with an xlsx attachment. */
    xlsx: <S extends RouteSpec>(
      url: string,
      spec: S,
      handler: (actor: A, request: RouteRequest<S>) => Promise<XlsxFile>,
    ) =>
      register('GET', url, spec, async (request, res) => {
        const file = await handler(guard(request), parsed(request) as RouteRequest<S>);
        return sendXlsx(res, file.fileName, file.body);
      }),
  };
}

/** Routes of organizing-unit accounts (`'org'`; `'orgAdmin'` for admins; `'root'` for the 国务院办公厅 only). */
export function orgRoutes(app: ZodApp, tags: string[], access: 'org' | 'orgAdmin' | 'root' = 'org') {
  return guardedRoutes<OrgActor>(app, tags, access, orgActor);
}

/** Routes of a 填报单位 (`access: 'site'`). */
export function siteRoutes(app: ZodApp, tags: string[]) {
  return guardedRoutes<SiteActor>(app, tags, 'site', siteActor);
}

/** Routes anyone may call (`access: 'public'`); the handler gets no actor. */
export function publicRoutes(app: ZodApp, tags: string[]) {
  return guardedRoutes<null>(app, tags, 'public', () => null);
}
