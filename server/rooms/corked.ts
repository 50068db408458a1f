import type { Client } from '@colyseus/core';

// One sync sends each connection several frames (the patch, its private view's changes, an answer, chat
// lines), and the ws library writes each frame with its own system call. Corking every connection's socket
// for the length of the sync lets the frames queued for one connection leave in one write: measured under the
// capacity bench, the socket writes were the largest single cost of the server's busy time.

interface Corkable {
  cork(): void;
  uncork(): void;
  destroyed: boolean;
}

/** The TCP socket under a ws-transport client (`ws` keeps it as `_socket`), when there is one. */
function socketOf(client: Client): Corkable | null {
  const s = (client as { ref?: { _socket?: Partial<Corkable> } }).ref?._socket;
  return s && typeof s.cork === 'function' && typeof s.uncork === 'function' ? (s as Corkable) : null;
}

/** Run `fn` with every client's socket corked; each is uncorked (and so flushed) after, even if `fn` throws. */
export function corked(clients: Iterable<Client>, fn: () => void): void {
  const held: Corkable[] = [];
  for (const c of clients) {
    const s = socketOf(c);
    if (s && !s.destroyed) {
      s.cork();
      held.push(s);
    }
  }
  try {
    fn();
  } finally {
    for (const s of held) s.uncork();
  }
}
