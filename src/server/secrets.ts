// The server secret (from GOVSITE_SECRET, or generated once and kept in the database so all instances share it)
// and the keys derived from it: HMAC for lookup tokens, AES for stored-but-revealable codes.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface Keys {
  /** HMAC-SHA-256 key for session ids, 临时码 and other random lookup tokens. */
  tokenKey: Buffer;
  /** AES-256-GCM key for the 校验码 copy shown by the progress query until first login. */
  encryptionKey: Buffer;
}

export async function loadKeys(db: Kysely<DB>, configured: string | undefined): Promise<Keys> {
  let secret = configured;
  if (!secret) {
    await db
      .insertInto('app_secrets')
      .values({ name: 'master', value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await db
      .selectFrom('app_secrets')
      .select('value')
      .where('name', '=', 'master')
      .executeTakeFirstOrThrow();
    secret = row.value;
  }
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'govsite', info, 32));
  return { tokenKey: derive('token-hmac'), encryptionKey: derive('code-encryption') };
}

export function tokenDigest(keys: Keys, token: string): string {
  return createHmac('sha256', keys.tokenKey).update(token).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
