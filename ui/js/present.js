// The projector's window (present.html#<board id>): one SWOT board in large type, readable from the
// back of the room. It asks for the board's change stamp every 300 ms and fetches the board again
// only when the stamp moved, so a note typed in the facilitator's window appears here at once.
// It may call only `board_stamp` and `present_board` (its capability allows nothing else), and it
// imports none of the facilitator's views. The interface language comes from the facilitator's
// window through local storage (the two windows share it).
import * as api from './api.js';
import { t, setLanguage, language, formatNumber } from './i18n.js';
import { h, clear } from './dom.js';
import { errorText } from './errors.js';

const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'];
const POLL_MS = 300;
const LANGUAGE_KEY = 'workshop-desk.present-language';
const MAX_DOTS = 10;

const root = document.getElementById('present-root');
let boardId = '';
let stamp = null;
let board = null;
let shown = null; // the board last drawn, as JSON: an unchanged board is not drawn again
let problem = null;
let generation = 0;
let timer = null;

function idFromHash() {
  try {
    return decodeURIComponent((location.hash || '').replace(/^#\/?/, '')).trim();
  } catch {
    return '';
  }
}

function readLanguage() {
  try {
    return localStorage.getItem(LANGUAGE_KEY) || 'en';
  } catch {
    return 'en';
  }
}

async function poll(gen) {
  if (gen !== generation) return;
  if (!boardId) {
    problem = t('present.noBoard');
    draw();
    return;
  }
  try {
    const next = await api.boardStamp(boardId);
    if (gen !== generation) return;
    if (next !== stamp || !board) {
      const fetched = await api.presentBoard(boardId);
      if (gen !== generation) return;
      stamp = next;
      const json = JSON.stringify(fetched);
      if (json !== shown || problem) {
        board = fetched;
        shown = json;
        problem = null;
        draw();
      }
    } else if (problem) {
      problem = null;
      draw();
    }
  } catch (err) {
    if (gen !== generation) return;
    if (err?.code === 'not_found') {
      board = null;
      shown = null;
      stamp = null;
    }
    const text = err?.code === 'not_found' ? t('present.gone') : errorText(err);
    if (text !== problem) {
      problem = text;
      draw();
    }
  } finally {
    if (gen === generation) timer = setTimeout(() => poll(gen), POLL_MS);
  }
}

/** (Re)starts on the board the address names. */
function start() {
  generation += 1;
  clearTimeout(timer);
  boardId = idFromHash();
  stamp = null;
  board = null;
  shown = null;
  problem = null;
  draw();
  poll(generation);
}

/** Headings with their notes under them, in the board's order. */
function ordered(notes) {
  const headings = new Set(notes.filter((n) => n.isHeading).map((n) => n.id));
  const out = [];
  for (const n of notes) {
    if (!n.isHeading && n.headingId && headings.has(n.headingId)) continue;
    out.push({ note: n, grouped: false });
    if (n.isHeading) for (const c of notes) if (!c.isHeading && c.headingId === n.id) out.push({ note: c, grouped: true });
  }
  return out;
}

function votes(n) {
  if (!n) return null;
  return h('span', { class: 'present-votes', testid: 'present-votes', title: t('board.votesTitle', { count: n }) },
    h('span', { class: 'present-dots', aria: { hidden: 'true' } },
      Array.from({ length: Math.min(n, MAX_DOTS) }, () => h('span', { class: 'present-dot' }))),
    h('span', { class: 'present-votes-number', text: formatNumber(n) }));
}

function quadrant(q) {
  const notes = board.notes
    .filter((n) => n.quadrant === q)
    .sort((a, b) => a.position - b.position);
  const items = ordered(notes).map(({ note, grouped }) => (note.isHeading
    ? h('li', { class: 'present-heading', testid: 'present-heading', dir: 'auto', text: note.text })
    : h('li', { class: ['present-note', grouped && 'is-grouped', note.priority && 'is-priority'], testid: 'present-note', data: { id: note.id } },
      h('p', { class: 'present-note-text', testid: 'present-note-text', dir: 'auto', text: note.text }),
      votes(note.votes))));
  const count = notes.filter((n) => !n.isHeading).length;
  return h('section', { class: ['present-quadrant', `q-${q}`], testid: `present-quadrant-${q}` },
    h('header', { class: 'present-quadrant-head' },
      h('span', { class: 'present-letter', aria: { hidden: 'true' }, text: t(`board.letter.${q}`) }),
      h('h2', { class: 'present-quadrant-title', text: t(`board.quadrant.${q}`) }),
      h('span', { class: 'present-count', text: formatNumber(count) })),
    h('div', { class: 'present-notes' },
      items.length ? h('ul', { class: 'present-list' }, items) : h('p', { class: 'present-empty', text: '—' })));
}

function draw() {
  document.documentElement.lang = language();
  document.title = board ? `${board.question} — ${t('present.title')}` : t('present.title');
  if (!board) {
    clear(root).append(h('main', { class: 'present-message', testid: 'present-message' },
      h('p', { text: problem ?? t('present.loading') })));
    return;
  }
  clear(root).append(h('main', { class: 'present-board', testid: 'present-board', data: { board: board.id } },
    h('header', { class: 'present-head' },
      h('h1', { class: 'present-question', testid: 'present-question', dir: 'auto', text: board.question }),
      ...(board.groupName ? [h('p', { class: 'present-group', dir: 'auto', text: board.groupName })] : [])),
    h('div', { class: 'present-grid' }, QUADRANTS.map(quadrant)),
    ...(problem ? [h('p', { class: 'present-problem', role: 'status', testid: 'present-problem', text: problem })] : [])));
  fit();
}

/**
 * Sizes the type to the board: as large as every quadrant allows (up to half as large again as
 * the base size, down to four fifths of it), then a crowded quadrant alone shrinks further, down to
 * a floor, so that the others stay readable from the back of the room.
 */
function fit() {
  const boxes = [...root.querySelectorAll('.present-notes')];
  if (!boxes.length) return;
  const overflows = (box) => box.scrollHeight > box.clientHeight + 1;
  const setAll = (scale) => boxes.forEach((box) => box.style.setProperty('--scale', String(scale)));
  let scale = 1.5;
  setAll(scale);
  while (scale > 0.8 && boxes.some(overflows)) {
    scale = Math.round((scale - 0.1) * 100) / 100;
    setAll(scale);
  }
  for (const box of boxes) {
    let own = scale;
    while (own > 0.45 && overflows(box)) {
      own = Math.round((own - 0.05) * 100) / 100;
      box.style.setProperty('--scale', String(own));
    }
    box.classList.toggle('is-overfull', overflows(box));
  }
}

// The pointer disappears when it rests, as it would spoil the projected board.
let idle = null;
function wake() {
  document.body.classList.remove('is-idle');
  clearTimeout(idle);
  idle = setTimeout(() => document.body.classList.add('is-idle'), 2500);
}

setLanguage(readLanguage());
window.addEventListener('storage', (e) => {
  if (e.key !== LANGUAGE_KEY) return;
  setLanguage(readLanguage());
  draw();
});
window.addEventListener('hashchange', start);
window.addEventListener('resize', () => fit());
window.addEventListener('mousemove', wake);
wake();
start();
