// Punycode (RFC 3492) decoding, to show IDN hosts (中文域名) in Unicode; encoding is left to the WHATWG URL class.
// The `punycode` npm package (Mathias Bynens's, the one Node's deprecated builtin was copied from) is pure and
// browser-safe, so the domain may import it (allow-list in .dependency-cruiser.cjs). It is imported by file path:
// a bare `punycode` would resolve to Node's deprecated builtin on the server.
import punycode from 'punycode/punycode.js';

/** Decodes one Punycode label (without the `xn--` prefix); null if it is malformed. */
export function decodePunycode(input: string): string | null {
  try {
    return punycode.decode(input);
  } catch {
    return null; // RangeError: not-basic, invalid-input or overflow
  }
}

/** `xn--fiqs8sirgfmhq98a.xn--zfr164b` → `中国政府网.政务`; labels that do not decode are kept as they are. */
export function hostToUnicode(asciiHost: string): string {
  return asciiHost
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith('xn--')) return label;
      return decodePunycode(label.slice(4)) ?? label;
    })
    .join('.');
}
