import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The browser client. Sources live in client/, the build goes to dist/client,
 * which the server serves (with an SPA fallback to index.html). In development
 * the Vite dev server proxies the REST API and the sync websocket to the server.
 */
const backend = 'http://127.0.0.1:8787';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Tiptap + ProseMirror + Yjs + React: one ~250 kB (gzip) bundle is expected.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/api': { target: backend },
      '/sync': { target: backend, ws: true },
    },
  },
});
