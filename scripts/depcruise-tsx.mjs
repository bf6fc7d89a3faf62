// Preloaded by `npm run check:layers`: dependency-cruiser 17 (the last release that runs on Node 20) parses TypeScript
// with @swc/core (TypeScript 7 has no compiler API) but never asks swc for TSX, so every .tsx file is a syntax error.
// This turns `tsx` on for .tsx files only (on for .ts files it would misread `<T>(x)` casts); 18.x does the same itself.
import { createRequire } from 'node:module';

const swc = createRequire(import.meta.url)('@swc/core');
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) => parseFileSync(file, file.endsWith('.tsx') ? { ...options, tsx: true } : options);
