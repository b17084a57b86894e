// Vite configuration. `npm run dev` proxies /api to a running `jangkau serve`
// (JANGKAU_API, default http://127.0.0.1:8080) so the session cookie stays same-origin.
import { defineConfig } from 'vite';

const api = process.env.JANGKAU_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  preview: { proxy: { '/api': { target: api, changeOrigin: false } } },
});
