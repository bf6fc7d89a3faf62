// The web bundle's imports: browser-safe code only. The web reaches the server through the generated API types
// (src/web/api/schema.ts), never by importing a file under src/server, and zod stays out of the browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_ONLY = ['src/server/', 'src/db/', 'src/cli/', 'src/jobs/', 'src/config.ts'];

/** Every module a file under `dir` imports, statically, dynamically or as a type, with the importing file. */
function importsUnder(dir: string): { file: string; target: string }[] {
  const out: { file: string; target: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      out.push(...importsUnder(path));
      continue;
    }
    if (!/\.tsx?$/.test(name)) continue;
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
      const specifier = match[1]!;
      const target = specifier.startsWith('.') ? relative(root, resolve(dirname(path), specifier)) : specifier;
      out.push({ file: relative(root, path), target });
    }
  }
  return out;
}

describe('web imports', () => {
  const imports = importsUnder(join(root, 'src/web'));

  it('reads the source it checks', () => {
    expect(imports.some((i) => i.target === 'src/web/request.ts')).toBe(true);
    expect(imports.some((i) => i.target.startsWith('src/domain/'))).toBe(true);
  });

  it('imports no server file', () => {
    const offending = imports.filter((i) => SERVER_ONLY.some((prefix) => i.target.startsWith(prefix)));
    expect(offending).toEqual([]);
  });

  it('imports no zod (API types come from the generated contract)', () => {
    expect(imports.filter((i) => i.target === 'zod' || i.target.startsWith('zod/'))).toEqual([]);
  });
});
