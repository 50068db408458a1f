import { defineConfig } from 'vite';

// One build for the browser client: index.html at the root, client/ code, shared/ rules for previews.
// Phaser is loaded only after joining (dynamic import), so it lands in its own chunk.
const server = process.env.ENTENTE_SERVER ?? 'http://localhost:2567';

export default defineConfig({
  root: '.',
  publicDir: false,
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
    proxy: {
      '/matchmake': { target: server, changeOrigin: true },
      '/api': { target: server, changeOrigin: true },
      // Colyseus room sockets: /<processId>/<roomId>
      '^/[A-Za-z0-9_-]+/[A-Za-z0-9]{4,}(\\?.*)?$': { target: server, ws: true, changeOrigin: true },
    },
  },
});
