// The AES-256-GCM copy of a 校验码, kept only until the site's first login so the 临时码 query can show it
// (SPEC §4.2). Sealed with the shared helper, bound to the site row so a copy moved to another row does not open.

import { sealCode, unsealCode } from '../../sealed-code.ts';
import type { Keys } from '../../secrets.ts';

const purpose = (siteId: number) => `check-code:site:${siteId}`;

export function encryptCheckCode(keys: Keys, siteId: number, checkCode: string): string {
  return sealCode(keys, checkCode, purpose(siteId));
}

/** The plain 校验码, or null when the copy is malformed or was made with another key or for another site. */
export function decryptCheckCode(keys: Keys, siteId: number, stored: string): string | null {
  return unsealCode(keys, stored, purpose(siteId));
}
