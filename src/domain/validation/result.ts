// The uniform result type of every validator: a normalised value plus warnings, or one Chinese error message.

/**
 * `ok: true` carries the value to store (normalised) and non-blocking warnings (SPEC: several checks are
 * warnings only). `ok: false` carries one message saying what is wrong and showing a correct example.
 * Validators treat empty input as an error (「请填写…」); callers skip optional fields that are empty.
 */
export type Checked<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

export function ok<T>(value: T, warnings: string[] = []): Checked<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(error: string): Checked<T> {
  return { ok: false, error };
}
