// Builds the web UI when dist/web is missing or older than its sources, so `npm start` always serves a current UI.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const index = 'dist/web/index.html';
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
const sources = Math.max(newest('src/web'), existsSync('vite.config.ts') ? statSync('vite.config.ts').mtimeMs : 0);
if (!existsSync(index) || statSync(index).mtimeMs < sources) {
  console.log('正在构建前端界面（首次启动约需半分钟）…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
