// Names for the parts of the generated API contract (schema.ts) that pages use as their own types.
import type { paths } from './schema.ts';

export type ApiPath = keyof paths;
/** The methods a path answers (openapi-typescript marks the others `?: never`). */
export type ApiMethod<P extends ApiPath> = {
  [M in keyof paths[P]]-?: paths[P][M] extends { responses: unknown } ? M : never;
}[keyof paths[P]];

type Operation<P extends ApiPath, M extends PropertyKey> = M extends keyof paths[P] ? paths[P][M] : never;
type Answer<O> = O extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/** The JSON body of a 200 answer. */
export type ApiResponse<P extends ApiPath, M extends ApiMethod<P>> = Answer<Operation<P, M>>;

/** The JSON request body. */
export type ApiBody<P extends ApiPath, M extends ApiMethod<P>> =
  Operation<P, M> extends {
    requestBody?: { content: { 'application/json': infer B } };
  }
    ? B
    : never;

/** The query string parameters. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod<P>> =
  Operation<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

/** POST routes that take a multipart upload: a JSON answer but no JSON body. */
export type UploadPath =
  | '/api/notices/attachments'
  | '/api/site/offline/attachments'
  | '/api/site-import/preview'
  | '/api/site-import/commit';
export type UploadAnswer<P extends UploadPath> = Answer<Operation<P, 'post'>>;

/** GET routes that answer a file (xlsx exports), fetched by shared/download-file.ts: no JSON answer. */
export type DownloadPath = {
  [P in ApiPath]: paths[P] extends { get: { responses: { 200: { content?: never } } } } ? P : never;
}[ApiPath];
