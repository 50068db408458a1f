import type { Room } from '@colyseus/sdk';
import type { AcceptedMessage } from '../../shared/protocol/messages.ts';
import type { RoomPlan } from './ipc.ts';
import type { Ctx } from './entente.ts';
import { now } from './metrics.ts';

// One room of the bare echo server (bench/load/bare-room.ts) with the same number of clients as an Entente
// classroom, driven the same way: every client sends `echo` once per period (jittered). Measured: echo ->
// `accepted` (same client) and echo -> the patch seen by the next client of the room.

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface BareState {
  counter: number;
  last: string;
}

export class BareClassroom {
  rooms: Room[] = [];
  private timers: NodeJS.Timeout[] = [];
  private ctx: Ctx;
  private plan: RoomPlan;

  constructor(ctx: Ctx, plan: RoomPlan) {
    this.ctx = ctx;
    this.plan = plan;
  }

  get status(): string {
    return this.rooms.length ? 'running' : 'lobby';
  }

  async setup(joinFailures: Record<string, number>): Promise<void> {
    const fail = (e: unknown, what: string): void => {
      const k = `${what} ${(e as { code?: number }).code ?? (e as Error).message}`;
      joinFailures[k] = (joinFailures[k] ?? 0) + 1;
    };
    let first: Room;
    try {
      first = await this.ctx.client.create('bare', {});
    } catch (e) {
      return fail(e, 'create');
    }
    const others = await Promise.all(Array.from({ length: this.plan.students - 1 }, () => this.ctx.client.joinById(first.roomId, {}).catch((e: unknown) => {
      fail(e, 'join');
      return null;
    })));
    this.rooms = [first, ...others.filter((r): r is Room => !!r)];
    const m = this.ctx.metrics;
    this.rooms.forEach((room, i) => {
      room.onMessage('accepted', (a: AcceptedMessage) => m.acceptedAnswer(a.ref, now(), false));
      room.onStateChange((st: BareState) => {
        if (st.last) m.seen(`echo|${i}|${st.last}`, now());
      });
      room.onDrop((code: number) => m.disconnect(`drop ${code}`));
      room.onLeave((code: number) => {
        if (code !== 4000) m.disconnect(code);
      });
    });
  }

  /** Clients start acting (the delay is for the Entente rooms' staggered starts; the bare room needs none). */
  start(_delayMs = 0): void {
    const { periodMs, jitter } = this.ctx.options;
    const m = this.ctx.metrics;
    this.rooms.forEach((room, i) => {
      const receiver = (i + 1) % this.rooms.length;
      const tick = (): void => {
        this.timers[i] = setTimeout(tick, periodMs * (1 + jitter * (2 * Math.random() - 1)));
        const ref = m.nextRef();
        const t0 = now();
        m.sending(ref, { type: 'echo', t0, code: room.roomId, turn: 0, marker: ref });
        if (receiver !== i) m.expect(`echo|${receiver}|${ref}`, 'seen:echo', t0, 1);
        room.send('echo', { ref, m: ref });
      };
      this.timers[i] = setTimeout(tick, Math.random() * periodMs);
    });
  }

  async teardown(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await Promise.all(this.rooms.map((r) => Promise.race([r.leave(true).catch(() => undefined), sleep(2000)])));
  }
}
