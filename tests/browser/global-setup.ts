// Runs `vite build` once before the browser tests when dist/web is missing or older than the web sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const builtIndex = join(repoRoot, 'dist/web/index.html');
/** What the web bundle is built from: its own sources, the domain rules and shared constants it imports, the config. */
const sources = ['src/web', 'src/domain', 'src/shared', 'vite.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export default function setup(): void {
  const newestSource = Math.max(
    ...sources
      .map((s) => join(repoRoot, s))
      .filter(existsSync)
      .map(newestMtime),
  );
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource) return;
  console.log('[browser tests] dist/web is missing or stale: running vite build');
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
