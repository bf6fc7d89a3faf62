// Small assertions shared by the validator tests.
import { expect } from 'vitest';
import type { Checked } from '../../src/domain/validation/result.ts';

export function okValue<T>(r: Checked<T>): T {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return r.value;
}

export function okWarnings<T>(r: Checked<T>): string[] {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return r.warnings;
}

export function errorMessage<T>(r: Checked<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  // Every message is Chinese and tells the user what to do.
  expect(r.error).toMatch(/[\u4e00-\u9fff]/);
  return r.error;
}
