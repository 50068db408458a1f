import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// One build for the browser client: index.html at the root, client/ code, shared/ rules for previews.
// Phaser is loaded only after joining (dynamic import), so it lands in its own chunk.
const server = process.env.ENTENTE_SERVER ?? 'http://localhost:2567';

export default defineConfig({
  root: '.',
  // Preact for the DOM panels (JSX, and prefresh while developing); public/ holds the favicon.
  plugins: [preact()],
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/phaser')) return 'phaser';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    // `npx vite` during development: the game server runs separately (npm start, port 2567). The proxy
    // presents itself with the server's own origin, which the server accepts as same-origin.
    proxy: {
      '/matchmake': { target: server, changeOrigin: true, headers: { origin: server } },
      '/api': { target: server, changeOrigin: true, headers: { origin: server } },
      // Colyseus room sockets: /<processId>/<roomId>
      '^/[A-Za-z0-9_-]+/[A-Za-z0-9]{4,}(\\?.*)?$': { target: server, ws: true, changeOrigin: true, headers: { origin: server } },
    },
  },
});
