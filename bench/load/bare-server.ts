// The bare echo server of the capacity bench (bench/load/bare-room.ts) on its own port: same transport
// (@colyseus/ws-transport) as the Entente server. Started by bench/load.ts: `node bench/load/bare-server.ts`
// with PORT set; prints one line `{"listening":port}` on stdout.
import { defineRoom, defineServer } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { BareRoom } from './bare-room.ts';

const port = Number(process.env.PORT ?? 2599);
const server = defineServer({ transport: new WebSocketTransport(), greet: false, gracefullyShutdown: false, rooms: { bare: defineRoom(BareRoom) } });
await server.listen(port);
console.log(JSON.stringify({ listening: port }));
const stop = (): void => {
  void server.gracefullyShutdown(false).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
