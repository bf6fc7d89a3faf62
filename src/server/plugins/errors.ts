// One error handler: typed AppErrors and schema validation failures become a Chinese message with a stable code.

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { MESSAGES } from '../../domain/messages/index.ts';
import { AppError } from '../errors.ts';

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** SQLSTATE 22021 (character not in repertoire, e.g. NUL) and 22P05 (untranslatable character, e.g. \u0000 in jsonb). */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** Errors Fastify raises before routing (malformed or over-long URL), in Chinese like every other answer. */
export function frameworkErrorBody(error: { code?: string }): { status: 400 | 414; body: ErrorBody } {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return { status: 414, body: { code: 'URI_TOO_LONG', message: MESSAGES.urlTooLong } };
  return { status: 400, body: { code: 'BAD_URL', message: MESSAGES.urlMalformed } };
}

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (a request line without a leading "/", header
 * overflow, timeout), in Chinese like every other answer. Fastify's `clientErrorHandler`.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'TIMEOUT', MESSAGES.requestTimeout]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', MESSAGES.headersTooLarge]
        : [400, 'BAD_REQUEST', MESSAGES.requestMalformed];
  const body = JSON.stringify({ code, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function fieldName(path: string): string {
  return path.replace(/^\//, '').replace(/\//g, '.') || '请求';
}

export const errorPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.statusCode).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field: fieldName(v.instancePath),
        message: v.message ?? MESSAGES.fieldFormatInvalid,
      }));
      const first = fields[0];
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: first ? MESSAGES.formFieldInvalid(first.field, first.message) : MESSAGES.formInvalid,
        details: { fields },
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: MESSAGES.rateLimited });
    if (status === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: MESSAGES.payloadTooLarge });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: error.code ?? 'BAD_REQUEST', message: MESSAGES.requestMalformed });
    }
    // PostgreSQL refuses text it cannot store (NUL, invalid UTF-8): the caller's input, not a server fault.
    if (UNSTORABLE_TEXT.has(String((error as { code?: unknown }).code))) {
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: MESSAGES.unstorableText });
    }
    request.log.error({ err: error }, 'unhandled error');
    const unavailable = /ECONNREFUSED|terminat|Connection|ECONNRESET|57P01|the database system/i.test(
      `${error.message} ${(error as { code?: string }).code ?? ''}`,
    );
    if (unavailable) return reply.status(503).send({ code: 'UNAVAILABLE', message: MESSAGES.databaseUnavailable });
    return reply.status(500).send({ code: 'INTERNAL', message: MESSAGES.internalError });
  });
});
