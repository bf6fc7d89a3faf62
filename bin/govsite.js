#!/usr/bin/env node
// The `govsite` command: runs the compiled CLI (dist/server, from `npm run build`; `npm start` builds it when missing
// or stale). In a source checkout that was never built it runs the TypeScript through tsx, a devDependency.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node ≥ 22.1 keeps the compiled bytecode of the bundle on disk (os.tmpdir()/node-compile-cache) for the next start:
// ~20 % less time to load the server on Node 24. Node 20 has no such cache. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

const compiled = new URL('../dist/server/cli.js', import.meta.url);
if (existsSync(compiled)) {
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
