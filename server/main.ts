// Entry point: `npm start` runs this on the Node 24 the project brings (the `node` package).
// PORT (default 2567), DATA_DIR (default ./data), ALLOWED_ORIGINS, RECONNECT_SECONDS: see PROTOCOL.md.

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Entente needs Node 24 or newer; this is Node ${process.versions.node}. Start it with \`npm start\` (the project brings its own Node 24), not with a bare \`node\`.`);
  process.exit(1);
}

const { configFromEnv } = await import('./config.ts');
const { startServer } = await import('./app.ts');

const config = configFromEnv();
// A server that cannot start (a busy port, a database to migrate, one out of reach) says why in one line.
const server = await startServer(config).catch((e: Error) => {
  console.error(`[entente] cannot start: ${e.message}`);
  process.exit(1);
});
console.log(`[entente] listening on http://localhost:${server.port} (data in ${config.dataDir})`);

process.on('unhandledRejection', (e) => console.error('[entente] unhandled rejection:', e));
process.on('uncaughtException', (e) => console.error('[entente] uncaught exception (the server keeps running):', e));

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`[entente] ${signal}: saving and closing`);
  // Everything acknowledged is already on disk; leave within 10 s whatever happens.
  setTimeout(() => process.exit(0), 9000).unref();
  server.shutdown().then(() => process.exit(0), (e) => {
    console.error('[entente] shutdown error:', e);
    process.exit(1);
  });
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
