import { schema, t } from '@colyseus/schema';
import { Room, type Client } from '@colyseus/core';

// The baseline of the capacity bench: the least a Colyseus 0.18 room can do for one client message.
// A schema state with a counter; on `echo` it increments the counter, records the sender's marker, sends the
// patch at once (`broadcastPatch()`, as the Entente room does) and answers the sender `accepted { ref }`
// (as the Entente room does). A second client of the same room times the patch.

export const BareState = schema({
  counter: t.number().default(0),
  /** The marker of the message that caused the last patch (so a receiver can tell which one it sees). */
  last: t.string().default(''),
}, 'BareState');

export class BareRoom extends Room<{ state: InstanceType<typeof BareState> }> {
  override state = new BareState();
  override maxClients = 64;

  override onCreate(): void {
    this.onMessage('echo', (client: Client, message: unknown) => {
      const m = (message ?? {}) as { ref?: unknown; m?: unknown };
      this.state.counter += 1;
      this.state.last = typeof m.m === 'string' ? m.m : '';
      this.broadcastPatch();
      client.send('accepted', { type: 'echo', ref: typeof m.ref === 'string' ? m.ref : undefined });
    });
  }
}
