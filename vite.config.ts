// Vite build of the web UI: sources in src/web, output in dist/web (served by the Fastify process), /api proxied in dev.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./src/web'),
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    // antd alone is larger than the default 500 kB warning once minified; the route chunks stay far below.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // React and the router change rarely: one long-cached chunk. Everything else is split per route automatically.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
