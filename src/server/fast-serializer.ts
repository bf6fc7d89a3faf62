// A response serializer compiled from a route's zod schema by fast-json-stringify, for the hottest JSON reads (the
// site list): the default zod serializer parses the whole response before JSON.stringify (0.3–0.9 ms for a page of
// 20 rows). The text is the same, fields in the schema's order; fields the schema does not declare are never written
// (as zod strips them). Values are not checked again: the route's presenter builds them from typed rows.

import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serialize = (data: unknown) => string;
type Build = (schema: object) => Serialize;

/**
 * fast-json-stringify loads ajv (about 0.3 s), so it is imported on the route's first response, not at start-up;
 * until it is ready (a few requests) the route answers through the zod serializer, which writes the same text.
 */
let loading: Promise<Build> | undefined;
let build: Build | undefined;

function loadBuilder(): Promise<Build> {
  loading ??= import('fast-json-stringify').then((m) => {
    build = m.default as unknown as Build;
    return build;
  });
  return loading;
}

/** The response schema as fast-json-stringify reads it (draft 7: a nullable field is `type: [T, 'null']`). */
export function responseJsonSchema(schema: z.ZodType): object {
  return z.toJSONSchema(schema, { io: 'output', target: 'draft-7' });
}

/** Compiles the schema now (tests and warm-up); the route's serializer does it on its own once the package is in. */
export async function compileFastSerializer(schema: z.ZodType): Promise<Serialize> {
  return (await loadBuilder())(responseJsonSchema(schema));
}

type ZodSerializerArgs = Parameters<typeof zodSerializerCompiler>[0];
/** What Fastify hands a route's serializer compiler (its route-level type is the whole route schema). */
interface SerializerArgs {
  schema: unknown;
  method: string;
  url: string;
  httpStatus?: string;
}

/** A route's `serializerCompiler`: fast-json-stringify from the response's zod schema (the contract is unchanged). */
export function fastSerializerCompiler(args: SerializerArgs): Serialize {
  const schema = args.schema as z.ZodType;
  const viaZod = zodSerializerCompiler(args as ZodSerializerArgs) as Serialize;
  let fast: Serialize | undefined;
  return (data) => {
    if (fast) return fast(data);
    if (build) {
      fast = build(responseJsonSchema(schema));
      return fast(data);
    }
    if (!loading) {
      // A failed import leaves the route on the zod serializer; the next start tries again.
      loadBuilder().catch(() => undefined);
    }
    return viaZod(data);
  };
}
