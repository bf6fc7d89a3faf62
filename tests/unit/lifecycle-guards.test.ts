// Guards of the lifecycle core, read from the sources: requests.state has one writer, and no call site names an
// audit action in Chinese (the texts live in src/domain/audit-events.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const server = [...sources(join(ROOT, 'src/server')), ...sources(join(ROOT, 'src/jobs'))];

describe('lifecycle guards', () => {
  it('writes requests.state in src/server/lifecycle/request-transition.ts only', () => {
    const writers = new Set<string>();
    for (const file of server) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/updateTable\('requests'\)/g)) {
        const statement = text.slice(m.index, text.indexOf('.execute', m.index));
        if (/\bstate:/.test(statement)) writers.add(relative(ROOT, file));
      }
      if (/UPDATE requests[\s\S]{0,200}SET[^;`]*\bstate\s*=/.test(text)) writers.add(relative(ROOT, file));
    }
    expect([...writers]).toEqual(['src/server/lifecycle/request-transition.ts']);
  });

  it('names no audit action in Chinese at a call site', () => {
    const literals = server.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/action: ['`][^'`]*\p{Script=Han}/gu)].map(
        (m) => `${relative(ROOT, file)}: ${m[0]}`,
      ),
    );
    expect(literals).toEqual([]);
  });
});
