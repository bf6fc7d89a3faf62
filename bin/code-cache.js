// Runs a CommonJS bundle with a V8 code cache kept beside it (`code-cache/` in the bundle's folder): the bytecode V8
// compiled during one start is stored once the program says it is up (`process.emit('govsite:started')`), and the next start
// deserializes it instead of parsing and compiling the bundle again. Node 20 has no compile cache of its own
// (module.enableCompileCache is Node ≥ 22.1); this one works the same on every version.
//
// A stale cache is never used: its name carries the Node and V8 versions, the architecture, the bundle's path, size
// and modification time, and V8 itself rejects data made by another V8, other flags or a source of another length
// (then a new cache replaces it). Any failure to read or write the cache only costs the time it would have saved.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's own cache; so does --enable-source-maps. Not in the
// shared temporary directory: whoever may write there could plant bytecode the server would run; beside the bundle,
// only whoever may change the bundle itself (a read-only install simply runs without a cache).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Loads and runs the CommonJS file `file` (an absolute path) as Node's require() would, with the code cache. */
export function runWithCodeCache(file) {
  // Node maps stack traces of node:vm scripts through no source map: --enable-source-maps loads it as require() does.
  if (process.sourceMapsEnabled) return createRequire(import.meta.url)(file);
  const source = readFileSync(file, 'utf8');
  const useCache = !process.env.NODE_DISABLE_COMPILE_CACHE;
  const dir = join(dirname(file), 'code-cache');
  // One cache per bundle and Node version: a rebuild's cache replaces the last one instead of piling up.
  const version = `${process.version}-${process.versions.v8}-${process.arch}`;
  const prefix = `${hash(`${file}\0${version}`)}-`;
  let cachePath = '';
  let cachedData;
  if (useCache) {
    const { size, mtimeMs } = statSync(file);
    cachePath = join(dir, `${prefix}${hash(`${size}\0${mtimeMs}`)}`);
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      // No cache yet.
    }
  }
  const script = new vm.Script(module.wrap(source), { filename: file, cachedData });
  if (useCache && (cachedData === undefined || script.cachedDataRejected)) {
    // Stored once the program is up, so that the functions its start-up ran are in the cache already compiled.
    process.once('govsite:started', () => {
      setTimeout(() => {
        try {
          mkdirSync(dir, { recursive: true });
          const temporary = `${cachePath}.${process.pid}.tmp`;
          writeFileSync(temporary, script.createCachedData());
          renameSync(temporary, cachePath);
          for (const name of readdirSync(dir)) {
            if (name.startsWith(prefix) && join(dir, name) !== cachePath && !name.endsWith('.tmp')) {
              rmSync(join(dir, name), { force: true });
            }
          }
        } catch {
          // A read-only or full temporary directory: run without a cache.
        }
      }, 1000).unref();
    });
  }
  const wrapper = script.runInThisContext();
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}
