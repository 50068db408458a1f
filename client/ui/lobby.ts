import { getScenario } from '../../shared/scenarios/index.ts';
import type { Interest, Scenario } from '../../shared/types.ts';
import { h, render } from './dom.ts';
import { resourceLine } from '../view/format.ts';
import type { Connection } from '../net/connection.ts';
import type { AppState } from '../state/model.ts';
import { mePlayer } from '../state/model.ts';
import { patternSvg } from './patterns.ts';
import { roleSheet } from '../../shared/rules/roleSheet.ts';

// The lobby: the room code large enough for a projector, the join link and a QR code, every nation with
// its colour, pattern, resources and holder, ready marks, bots marked; the host starts.

export function joinLink(code: string): string {
  return `${location.origin}/?code=${encodeURIComponent(code)}`;
}

export function lobbyScreen(root: HTMLElement, conn: Connection): () => void {
  const qr = h('div', { class: 'qr', role: 'img', 'aria-label': 'QR code of the join link' });
  let qrFor = '';
  const body = h('div', {});
  const draw = (st: AppState) => {
    const meta = st.meta;
    if (!meta) return;
    const scenario = getScenario(meta.scenario) ?? getScenario('amber-sea')!;
    const link = joinLink(meta.code);
    if (qrFor !== link) {
      qrFor = link;
      void import('qrcode').then((QR) => QR.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).then((svg) => { qr.innerHTML = svg; }).catch(() => { qr.textContent = ''; });
    }
    const me = mePlayer(st);
    const seats = meta.seats || st.game?.nations.length || scenario.defaults.seats;
    const nations = scenario.nations.slice(0, seats);
    const humans = meta.players.filter((p) => !p.bot && !(p.host && !meta.hostPlays && !p.nation));
    render(body,
      h('section', { class: 'card code-box', 'aria-labelledby': 'code-title' },
        h('div', {},
          h('h1', { id: 'code-title' }, 'Room code'),
          h('div', { class: 'room-code', 'aria-label': `Room code ${meta.code.split('').join(' ')}` }, meta.code),
          h('p', {}, 'Join at ', h('a', { href: link }, link)),
          h('p', { class: 'muted' }, scenario.title, st.game ? ` \u00b7 ${st.game.turns} turns` : '', ` \u00b7 ${seats} nations`)),
        qr),
      me?.nation ? roleCard(scenario, me.nation, seats, st.priv?.nation === me.nation ? (st.priv.interest as Interest | undefined) : undefined) : '',
      meta.publishNegotiations ? h('p', { class: 'banner' }, 'After the match, your negotiations and decision-journal notes will be shown in the replay and the class debrief.') : '',
      h('section', { 'aria-labelledby': 'nations-title' },
        h('h2', { id: 'nations-title' }, `Nations (${humans.length} ${humans.length === 1 ? 'player' : 'players'} here)`),
        h('div', { class: 'nations', role: 'list' }, ...nations.map((n) => {
          const holder = meta.players.find((p) => p.nation === n.id);
          const mine = !!me && me.nation === n.id;
          const canPick = !!me && !mine && !holder && !(me.host && !meta.hostPlays);
          return h('article', { class: 'card nation-card', role: 'listitem', style: `--c:${n.color}`, 'aria-label': n.name },
            h('h3', {}, patternSvg(n.pattern, n.color, 28), ' ', n.name, ' ', h('span', { class: 'muted', style: 'font-weight:400;font-size:.9rem' }, `(${n.pattern})`)),
            h('p', { class: 'muted' }, resourceLine(n.resources)),
            h('p', {}, n.blurb),
            h('p', { class: 'row' },
              holder ? h('span', {}, h('strong', {}, holder.name), holder.bot ? ' ' : '', holder.bot ? h('span', { class: 'badge bot' }, 'Bot') : '', ' ',
                holder.ready ? h('span', { class: 'badge ready' }, '\u2713 Ready') : h('span', { class: 'badge' }, 'Not ready'),
                holder.connected ? '' : h('span', { class: 'badge' }, 'away'))
                : h('span', { class: 'badge bot' }, 'Bot unless someone takes it'),
              canPick ? h('button', { class: 'btn small', type: 'button', onclick: () => conn.send('pickSeat', { nation: n.id }) }, `Play ${n.name}`) : '',
              st.isHost && holder && !holder.host && !holder.bot ? h('button', { class: 'btn small danger', type: 'button', onclick: () => { if (confirm(`Remove ${holder.name} from the match?`)) conn.send('kick', { player: holder.id }); } }, `Remove ${holder.name}`) : '',
              mine ? h('strong', {}, '(you)') : ''));
        }))),
      h('section', { class: 'card row', style: 'margin-top:1rem', 'aria-label': 'Your choices' },
        me && (me.nation || (me.host && meta.hostPlays))
          ? h('button', { class: `btn ${me.ready ? '' : 'primary'}`, type: 'button', 'aria-pressed': me.ready ? 'true' : 'false', onclick: () => conn.send('ready', { ready: !me.ready }) }, me.ready ? 'Ready \u2713 (press to undo)' : 'I\u2019m ready')
          : me?.host ? '' : h('p', {}, 'Pick a nation above.'),
        st.isHost ? h('button', { class: 'btn primary', type: 'button', onclick: () => conn.send('start', {}) }, 'Start the match') : h('p', { class: 'muted' }, 'The host starts the match when everyone is ready. Empty seats are played by bots.'),
        st.error ? h('p', { class: 'error', role: 'alert' }, st.error) : ''),
    );
  };
  render(root, h('div', { class: 'lobby' }, body));
  draw(conn.store.get());
  return conn.store.subscribe((st) => draw(st));
}

/** The role sheet of the student's nation (issue 7): situation, neighbours, strengths, interest, exposure. */
function roleCard(scenario: Scenario, nation: string, seats: number, interest: Interest | undefined): HTMLElement | '' {
  let r: ReturnType<typeof roleSheet>;
  try { r = roleSheet(scenario, nation, seats, interest); } catch { return ''; }
  return h('section', { class: 'card role-sheet', id: 'role-sheet', 'aria-labelledby': 'role-title', style: 'margin-top:1rem' },
    h('h2', { id: 'role-title' }, `Your role: ${r.name}`),
    h('p', {}, r.situation),
    h('ul', {},
      h('li', {}, h('strong', {}, 'Neighbours: '), r.neighbours.length ? r.neighbours.join(', ') : 'none close by'),
      h('li', {}, h('strong', {}, 'Strongest resource: '), r.strongest, '; ', h('strong', {}, 'weakest: '), r.weakest, ' (partners strong where you are weak gain you most)'),
      r.interest ? h('li', {}, h('strong', {}, 'Your secret national interest: '), r.interest) : '',
      h('li', {}, r.exposure)),
    h('p', { class: 'muted' }, 'Keep your interest to yourself: it decides how your final score is weighted. You can read this again in the game\u2019s \u201cMy nation\u201d tab.'));
}
