import type { Client, Room } from '@colyseus/sdk';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import type { AcceptedMessage, ChatLine, ErrorMessage, PrivateView, PrivateViewChanges, SeatSecretMessage } from '../../shared/protocol/messages.ts';
import { SERVER_MESSAGES } from '../../shared/protocol/messages.ts';
import type { GenOptions, RoomPlan } from './ipc.ts';
import { now, type Metrics } from './metrics.ts';
import { ByteTap } from './tap.ts';
import { keptIn } from '../../shared/protocol/privateView.ts';

// One Entente classroom of the capacity bench: a host (the teacher, who only hosts) creates a match, its
// students join by code, the host starts it, and every student acts every period (jittered) in whatever
// phase the match is in, as a class would: in diplomacy propose a partnership to a neighbour, later
// withdraw it, a public chat line (and accept an alliance a bot offers); in policy its sealed policy; in
// crisis its answer to the calls it got. Seats without a student are played by the server's bots.
//
// Measured here: each message -> its `accepted` (same client, by `ref`), a proposal -> seen by its
// receiver (its `private` view lists it), a public chat line -> seen by each other student (`chat`).

/** Every accepted message of these types is in the match log (actions table, or chat table for chat). */
const LOGGED = new Set(['propose', 'withdraw', 'accept', 'policy', 'respond', 'chat']);
const PARTNERSHIP = { kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 3, review: 3 } as const;
const CLOSED_ON_PURPOSE = new Set([4000]);
/** The server stars offensive words in chat (the obscenity filter, leetspeak included: "71t"): a marker it would change is skipped. */
const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const CHAT_TEXT = 'Hello all, let us keep the peace';

interface PublicState {
  code: string;
  status: string;
  phase: string;
  turn: number;
  paused: boolean;
  nations: Iterable<{ id: string }>;
  treaties: Iterable<{ kind: string; parties: Iterable<string> }>;
  toJSON(): unknown;
}

export interface Ctx {
  client: Client;
  /** Several processes: one client per process address; creates and joins by code go round robin over them. */
  clients?: Client[];
  metrics: Metrics;
  options: GenOptions;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(fn: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!fn()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function listen(room: Room, ctx: Ctx, on: Partial<Record<string, (payload: never) => void>>): void {
  const m = ctx.metrics;
  for (const type of SERVER_MESSAGES) {
    room.onMessage(type, (payload: unknown) => {
      if (type === 'accepted') {
        const a = payload as AcceptedMessage;
        m.acceptedAnswer(a.ref, now(), LOGGED.has(a.type));
      } else if (type === 'error') {
        const e = payload as ErrorMessage;
        m.errorAnswer(e.ref, e.code, e.type);
      }
      (on[type] as ((p: unknown) => void) | undefined)?.(payload);
    });
  }
  room.onDrop((code: number) => m.disconnect(`drop ${code}`));
  room.onLeave((code: number) => {
    if (!CLOSED_ON_PURPOSE.has(code)) m.disconnect(code);
  });
  if (!ctx.options.reconnect) room.reconnection.enabled = false;
}

/**
 * What a student keeps of its last `private` view: only what it acts on. (Keeping 4,000 whole views, each
 * with its 100 chat lines and assessments, made the generator's heap large and its major GCs long.)
 */
interface SlimView {
  nation: string | null;
  proposals: { id: string; from: string; to: string[]; status: string; kind: string; accepted: string[] }[];
  calls: { id: string; ally: string; answer: string | null }[];
}

const slimProposals = (ps: PrivateView['proposals']): SlimView['proposals'] =>
  ps.map((p) => ({ id: p.id, from: p.from, to: p.to, status: p.status, kind: p.terms.kind, accepted: p.accepted }));
const slimCalls = (ks: PrivateView['calls']): SlimView['calls'] => ks.map((k) => ({ id: k.id, ally: k.ally, answer: k.answer }));

function slim(v: PrivateView): SlimView {
  return { nation: v.nation, proposals: slimProposals(v.proposals), calls: slimCalls(v.calls) };
}

/** The slim view after a `privateChanges` message (the parts it keeps, replaced when they come). */
function slimChanged(v: SlimView, ch: PrivateViewChanges): SlimView {
  return {
    nation: ch.nation !== undefined ? ch.nation : v.nation,
    proposals: ch.proposals ? slimProposals(ch.proposals)
      : ch.proposalsKept ? keptIn(v.proposals, ch.proposalsKept.map((x) => (typeof x === 'string' ? x : slimProposals([x])[0]!))) : v.proposals,
    calls: ch.calls ? slimCalls(ch.calls) : v.calls,
  };
}

class Student {
  room!: Room;
  nation: string | null = null;
  view: SlimView | null = null;
  private seenProposals = new Set<string>();
  private cycle = Math.floor(Math.random() * 3);
  private policyTurn = -1;
  private responded = new Set<string>();
  private accepted = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private tap: ByteTap | null = null;
  private lastTurn = -1;
  private ctx: Ctx;
  private cls: EntenteClassroom;
  readonly nickname: string;

  constructor(ctx: Ctx, cls: EntenteClassroom, nickname: string) {
    this.ctx = ctx;
    this.cls = cls;
    this.nickname = nickname;
  }

  async join(code: string, client: Client = this.ctx.client): Promise<void> {
    this.room = await client.joinById(code, { nickname: this.nickname, device: `bench-${this.nickname}` });
    listen(this.room, this.ctx, {
      seat: (s: SeatSecretMessage) => {
        this.nation = s.nation;
      },
      private: (v: PrivateView) => this.onPrivate(slim(v)),
      privateChanges: (ch: PrivateViewChanges) => {
        if (this.view) this.onPrivate(slimChanged(this.view, ch));
      },
      chat: (line: ChatLine) => {
        if (line.from !== this.nation) this.ctx.metrics.seen(`chat|${this.cls.code}|${line.text}`, now());
      },
    });
    await until(() => !!(this.room.state as PublicState | undefined)?.code && !!this.nation && !!this.view, `${this.nickname}'s seat and views`);
  }

  observe(): void {
    this.tap = new ByteTap(this.room);
    this.room.onStateChange((st: PublicState) => {
      if (st.turn === this.lastTurn) return;
      // Bytes from one turn increment to the next: a whole turn (the first increment closes a partial one).
      const t = this.tap!.take(JSON.stringify(st.toJSON()).length);
      if (this.lastTurn > 1) this.ctx.metrics.turns.push(t);
      this.lastTurn = st.turn;
    });
  }

  private onPrivate(v: SlimView): void {
    this.view = v;
    const me = v.nation;
    if (!me) return;
    const t = now();
    for (const p of v.proposals) {
      // Seen in whatever status it has by now (the view may already show it withdrawn).
      if (!p.to.includes(me) || this.seenProposals.has(p.id)) continue;
      this.seenProposals.add(p.id);
      this.ctx.metrics.seen(`propose|${this.cls.code}|${p.from}>${me}`, t);
    }
    if (this.seenProposals.size > 500) this.seenProposals = new Set(v.proposals.map((p) => p.id));
  }

  start(): void {
    const { periodMs } = this.ctx.options;
    this.timer = setTimeout(() => this.tick(), Math.random() * periodMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const { periodMs, jitter } = this.ctx.options;
    this.timer = setTimeout(() => this.tick(), periodMs * (1 + jitter * (2 * Math.random() - 1)));
    try {
      this.act();
    } catch (e) {
      this.ctx.metrics.count(this.ctx.metrics.errors, `generator:${(e as Error).message.slice(0, 60)}`);
    }
  }

  private send(type: string, payload: Record<string, unknown>, seen?: { key: string; metric: string; count: number }): void {
    const m = this.ctx.metrics;
    let ref = m.nextRef();
    // The marker goes into the log with the action (its journal note) or the chat line, for the lost-action check.
    // (Only chat is censored; the last word of the text is enough context for the filter.)
    if (type === 'chat') while (profanity.hasMatch(`peace b:${ref}`)) ref = m.nextRef();
    const t0 = now();
    const marker = `b:${ref}`;
    const body: Record<string, unknown> = type === 'chat' ? { ...payload, text: `${CHAT_TEXT} ${marker}`, ref } : { ...payload, note: marker, ref };
    const st = this.room.state as PublicState;
    let key = seen?.key;
    if (seen && type === 'chat') key = `chat|${this.cls.code}|${body.text as string}`;
    m.sending(ref, { type, t0, code: this.cls.code, turn: st.turn, marker, onError: key ? () => m.forget(key) : undefined });
    if (seen && key) m.expect(key, this.cls.home ? `${seen.metric}@${this.cls.home}` : seen.metric, t0, seen.count, type === 'propose' ? () => `${st.turn}/${st.phase}` : undefined);
    this.room.send(type, body);
  }

  private chat(): void {
    this.send('chat', { to: 'all' }, { key: '', metric: 'seen:chat', count: this.cls.students.length - 1 });
  }

  private act(): void {
    const st = this.room.state as PublicState | undefined;
    const me = this.nation;
    const v = this.view;
    if (!st || !me || !v || st.status !== 'running' || st.paused || this.room.connection.isOpen === false) return;
    switch (st.phase) {
      case 'diplomacy': {
        const offer = v.proposals.find((p) => p.status === 'open' && p.to.includes(me) && p.kind === 'alliance' && !p.accepted.includes(me) && !this.accepted.has(p.id));
        if (offer) {
          this.accepted.add(offer.id);
          return this.send('accept', { proposal: offer.id });
        }
        const mine = v.proposals.find((p) => p.status === 'open' && p.from === me);
        const step = this.cycle++ % 3;
        if (step === 2) return this.chat();
        if (mine) return this.send('withdraw', { proposal: mine.id });
        if (step === 1) return this.chat();
        const to = this.cls.neighbourOf(me, st);
        if (!to) return this.chat();
        return this.send('propose', { to: [to], terms: PARTNERSHIP }, { key: `propose|${this.cls.code}|${me}>${to}`, metric: 'seen:propose', count: 1 });
      }
      case 'policy': {
        if (this.policyTurn !== st.turn) {
          this.policyTurn = st.turn;
          return this.send('policy', { defence: 20 + Math.floor(Math.random() * 30), demand: null });
        }
        return this.chat();
      }
      case 'crisis': {
        const call = v.calls.find((k) => k.ally === me && k.answer === null && !this.responded.has(k.id));
        if (call) {
          this.responded.add(call.id);
          return this.send('respond', { call: call.id, answer: Math.random() < 0.6 ? 'honour' : 'abstain' });
        }
        return this.chat();
      }
      default:
        return this.chat();
    }
  }

  async leave(): Promise<void> {
    this.stop();
    await Promise.race([this.room?.leave(true).catch(() => undefined), sleep(2000)]);
  }
}

export class EntenteClassroom {
  code = '';
  /** Several processes: the port of the process the room landed on (its WebSocket's), else ''. */
  home = '';
  host!: Room;
  students: Student[] = [];
  private ctx: Ctx;
  private plan: RoomPlan;
  private startTimer: NodeJS.Timeout | null = null;

  constructor(ctx: Ctx, plan: RoomPlan) {
    this.ctx = ctx;
    this.plan = plan;
  }

  get status(): string {
    return (this.host?.state as PublicState | undefined)?.status ?? 'lobby';
  }

  /** Create the match, let the students in (joins that fail are counted, the rest play on). */
  async setup(joinFailures: Record<string, number>): Promise<void> {
    const o = this.ctx.options;
    const tag = `${o.gen}x${this.plan.index}`;
    try {
      const clients = this.ctx.clients ?? [this.ctx.client];
      this.host = await clients[this.plan.index % clients.length]!.create('match', {
        seats: o.seats, turns: o.turns, hostName: 'Teacher', hostPlays: false, timers: o.timers, publishNegotiations: true, guide: false, device: `bench-host-${tag}`,
      });
    } catch (e) {
      const k = `create ${(e as { code?: number }).code ?? (e as Error).message}`;
      joinFailures[k] = (joinFailures[k] ?? 0) + 1;
      return;
    }
    let hostSeat = false;
    listen(this.host, this.ctx, { seat: () => { hostSeat = true; } });
    await until(() => !!(this.host.state as PublicState | undefined)?.code && hostSeat, 'the host seat');
    this.code = (this.host.state as PublicState).code;
    if (this.ctx.clients && this.ctx.clients.length > 1) this.home = new URL(this.host.connection.url ?? 'http://unknown').port;
    const students = Array.from({ length: this.plan.students }, (_, i) => new Student(this.ctx, this, `Pupil ${i + 1} r${tag}`));
    await Promise.all(students.map(async (s, i) => {
      try {
        const clients = this.ctx.clients ?? [this.ctx.client];
        await s.join(this.code, clients[(this.plan.index + i + 1) % clients.length]);
        this.students.push(s);
      } catch (e) {
        const k = `join ${(e as { code?: number }).code ?? (e as Error).message}`;
        joinFailures[k] = (joinFailures[k] ?? 0) + 1;
      }
    }));
    if (this.plan.index < o.observers && this.students[0]) this.students[0].observe();
  }

  /** The host starts the match after `delayMs`; students start acting. */
  start(delayMs: number): void {
    if (!this.host) return;
    this.startTimer = setTimeout(() => {
      const m = this.ctx.metrics;
      const ref = m.nextRef();
      m.sending(ref, { type: 'start', t0: now(), code: this.code, turn: 0, marker: '' });
      this.host.send('start', { ref });
      for (const s of this.students) s.start();
    }, delayMs);
  }

  /** The next nation a student holds, in seat order after `me`, with no partnership with `me` yet. */
  neighbourOf(me: string, st: PublicState): string | null {
    const held = this.students.map((s) => s.nation).filter((n): n is string => !!n);
    const linked = new Set<string>();
    for (const t of st.treaties) {
      const parties = [...t.parties];
      if (t.kind === 'partnership' && parties.includes(me)) for (const p of parties) linked.add(p);
    }
    const order = [...st.nations].map((n) => n.id).filter((id) => held.includes(id));
    const i = order.indexOf(me);
    for (let k = 1; k < order.length; k++) {
      const n = order[(i + k) % order.length]!;
      if (!linked.has(n)) return n;
    }
    return null;
  }

  /** Stop acting, end the match (so its room closes and its log is archived), everyone leaves. */
  async teardown(): Promise<void> {
    if (this.startTimer) clearTimeout(this.startTimer);
    for (const s of this.students) s.stop();
    if (this.host && this.status !== 'finished' && this.host.connection.isOpen) {
      let done = false;
      this.host.onMessage('accepted', () => { done = true; });
      this.host.onMessage('error', () => { done = true; });
      this.host.send('endMatch', {});
      await until(() => done || this.status === 'finished', 'the end of the match', 5000).catch(() => undefined);
    }
    await Promise.all(this.students.map((s) => s.leave()));
    if (this.host) await Promise.race([this.host.leave(true).catch(() => undefined), sleep(2000)]);
  }
}
