#!/usr/bin/env node
// The `govsite` command: runs the compiled CLI (dist/server, from `npm run build`; `npm start` builds it when missing
// or stale). In a source checkout that was never built it runs the TypeScript through tsx, a devDependency.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// `govsite serve` runs the whole CLI bundled as one CommonJS file through a V8 code cache (./code-cache.js): a start
// then deserializes the bytecode compiled by the previous one, which Node 20 cannot do for ES modules (~0.15 s less
// CPU to healthy). Every other command loads only its own part of the ES module build (`govsite --help` loads the
// small entry chunk alone), with Node's compile cache on Node ≥ 22.1.
const bundle = fileURLToPath(new URL('../dist/server/cli.cjs', import.meta.url));
const compiled = new URL('../dist/server/cli.js', import.meta.url);
if (process.argv[2] === 'serve' && existsSync(bundle)) {
  const { runWithCodeCache } = await import('./code-cache.js');
  runWithCodeCache(bundle);
} else if (existsSync(compiled)) {
  // NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  await import(compiled.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('未找到编译后的程序：请先运行 npm run build');
    process.exit(1);
  }
  register();
  await import('../src/cli/main.ts');
}
