// Writes src/web/api/schema.ts — the web client's types — from the server's route schemas (the OpenAPI document of
// /api/docs/json); `npm run gen:api -- --check` fails when the committed file differs from a fresh generation.
//
// The output has openapi-typescript's `paths` shape, which openapi-fetch reads. openapi-typescript itself is not used:
// it prints through the TypeScript compiler API, which TypeScript 7 (ours) does not have, and it peers on TS 5. The
// document only uses a small part of JSON Schema (objects, arrays, enums, oneOf, nullable), converted below.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { ManualClock } from '../src/server/clock.ts';
import type { AppContext } from '../src/server/context.ts';

const OUT = fileURLToPath(new URL('../src/web/api/schema.ts', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
}
interface Parameter {
  in: 'query' | 'path' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
  description?: string;
}
interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
type OpenApi = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

/** Reads the OpenAPI document of an app built without a database: registering routes needs only their schemas. */
async function readDocument(): Promise<OpenApi> {
  const ctx = {
    db: {},
    dbKind: 'pglite',
    clock: new ManualClock('2026-01-01T00:00:00.000Z'),
    keys: {},
    config: { ...loadConfig({}), webDir: '/nonexistent' },
  } as unknown as AppContext; // no handler runs, so db and keys are never touched
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const document = app.swagger() as unknown as OpenApi;
  await app.close();
  return document;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`);
const literal = (value: unknown) => (typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value));
const pad = (depth: number) => '  '.repeat(depth);

function members(lines: string[], depth: number): string {
  return lines.length === 0 ? '{}' : `{\n${lines.map((l) => `${pad(depth + 1)}${l}`).join('\n')}\n${pad(depth)}}`;
}

function typeOf(schema: JsonSchema, depth: number): string {
  let type: string;
  const union = schema.oneOf ?? schema.anyOf;
  if (union) type = union.map((s) => parenthesise(typeOf(s, depth))).join(' | ');
  else if (schema.allOf) type = schema.allOf.map((s) => parenthesise(typeOf(s, depth))).join(' & ');
  else if (schema.enum) type = schema.enum.map(literal).join(' | ');
  else if (schema.type === 'string') type = 'string';
  else if (schema.type === 'integer' || schema.type === 'number') type = 'number';
  else if (schema.type === 'boolean') type = 'boolean';
  else if (schema.type === 'null') type = 'null';
  else if (schema.type === 'array') type = `${parenthesise(schema.items ? typeOf(schema.items, depth) : 'unknown')}[]`;
  else if (schema.type === 'object' || schema.properties) type = objectType(schema, depth);
  else type = 'unknown';
  return schema.nullable && type !== 'unknown' ? `${type} | null` : type;
}

function parenthesise(type: string): string {
  return /^[\w$'.[\]]+$/.test(type) || (type.startsWith('{') && type.endsWith('}')) ? type : `(${type})`;
}

function objectType(schema: JsonSchema, depth: number): string {
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const doc = property.description ? `/** ${property.description} */ ` : '';
    return `${doc}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(property, depth + 1)};`;
  });
  const extra = schema.additionalProperties;
  if (typeof extra === 'object') lines.push(`[key: string]: ${typeOf(extra, depth + 1)};`);
  else if (extra !== false && lines.length === 0) return 'Record<string, unknown>';
  return members(lines, depth);
}

function parameters(operation: Operation | undefined, depth: number): string {
  const lines = (['query', 'header', 'path', 'cookie'] as const).map((place) => {
    const list = (operation?.parameters ?? []).filter((p) => p.in === place);
    if (list.length === 0) return `${place}?: never;`;
    const props = list.map((p) => `${key(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema, depth + 2)};`);
    return `${place}${list.some((p) => p.required) ? '' : '?'}: ${members(props, depth + 1)};`;
  });
  return members(lines, depth);
}

function content(entries: Record<string, { schema: JsonSchema }> | undefined, depth: number): string {
  if (!entries) return 'never';
  return members(
    Object.entries(entries).map(([media, { schema }]) => `'${media}': ${typeOf(schema, depth + 1)};`),
    depth,
  );
}

function operationType(operation: Operation, depth: number): string {
  const body = operation.requestBody;
  const responses = Object.entries(operation.responses).map(([status, response]) => {
    const lines = ['headers: { [name: string]: unknown };'];
    lines.push(response.content ? `content: ${content(response.content, depth + 3)};` : 'content?: never;');
    return `${status}: ${members(lines, depth + 2)};`;
  });
  return members(
    [
      `parameters: ${parameters(operation, depth + 1)};`,
      body
        ? `requestBody${body.required ? '' : '?'}: ${members([`content: ${content(body.content, depth + 2)};`], depth + 1)};`
        : 'requestBody?: never;',
      `responses: ${members(responses, depth + 1)};`,
    ],
    depth,
  );
}

export function generate(document: OpenApi): string {
  const out = [
    '// Generated by `npm run gen:api` from the server route schemas (GET /api/docs/json). Do not edit: change the',
    "// route's zod schema in src/server/modules/<feature>/schema.ts and run `npm run gen:api`.",
    '',
    'export interface paths {',
  ];
  for (const path of Object.keys(document.paths).sort()) {
    const item = document.paths[path] ?? {};
    out.push(`  '${path}': {`, `    parameters: ${parameters(undefined, 2)};`);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) {
        out.push(`    ${method}?: never;`);
        continue;
      }
      if (operation.summary) out.push(`    /** ${operation.summary} */`);
      out.push(`    ${method}: ${operationType(operation, 2)};`);
    }
    out.push('  };');
  }
  out.push('}', '');
  return out.join('\n');
}

const text = generate(await readDocument());
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUT, 'utf8');
  } catch {
    // missing: reported below
  }
  if (committed !== text) {
    console.error(
      'src/web/api/schema.ts is stale: the server route schemas changed. Run `npm run gen:api` and commit it.',
    );
    process.exit(1);
  }
  console.log('src/web/api/schema.ts is up to date');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
