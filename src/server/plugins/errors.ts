// One error handler: typed AppErrors and schema validation failures become a Chinese message with a stable code.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** SQLSTATE 22021 (character not in repertoire, e.g. NUL) and 22P05 (untranslatable character, e.g. \u0000 in jsonb). */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);
export const UNSTORABLE_TEXT_MESSAGE = '提交的内容含有无法保存的字符（如空字符），请删除后重试';

/** Errors Fastify raises before routing (malformed or over-long URL), in Chinese like every other answer. */
export function frameworkErrorBody(error: { code?: string }): { status: 400 | 414; body: ErrorBody } {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return { status: 414, body: { code: 'URI_TOO_LONG', message: '网址过长' } };
  return { status: 400, body: { code: 'BAD_URL', message: '网址格式不正确' } };
}

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (a request line without a leading "/", header
 * overflow, timeout), in Chinese like every other answer. Fastify's `clientErrorHandler`.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'TIMEOUT', '请求超时，请重试']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', '请求头过大']
        : [400, 'BAD_REQUEST', '请求格式不正确'];
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
        message: v.message ?? '格式不正确',
      }));
      const first = fields[0];
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: first ? `填写内容不正确：${first.field}：${first.message}` : '填写内容不正确',
        details: { fields },
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    if (status === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: error.code ?? 'BAD_REQUEST', message: '请求格式不正确' });
    }
    // PostgreSQL refuses text it cannot store (NUL, invalid UTF-8): the caller's input, not a server fault.
    if (UNSTORABLE_TEXT.has(String((error as { code?: unknown }).code))) {
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: UNSTORABLE_TEXT_MESSAGE });
    }
    request.log.error({ err: error }, 'unhandled error');
    const unavailable = /ECONNREFUSED|terminat|Connection|ECONNRESET|57P01|the database system/i.test(
      `${error.message} ${(error as { code?: string }).code ?? ''}`,
    );
    if (unavailable) return reply.status(503).send({ code: 'UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' });
    return reply.status(500).send({ code: 'INTERNAL', message: '系统内部错误，请稍后重试；如持续出现请联系管理员' });
  });
});
