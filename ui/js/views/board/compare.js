// The boards asking the same question side by side (`?compare=1`): a column per board, a row per
// quadrant, each quadrant's notes by votes.
import { h, icon } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import * as api from '../../api.js';
import { QUADRANTS, normalise, displayOrder, boardHref, plainNotes } from './model.js';
import { voteDots } from './notes.js';

export async function renderCompare(params, workshopId) {
  const boards = (await api.compareBoards(params.boardId)).map(normalise);
  const here = boards.find((b) => b.id === params.boardId) ?? boards[0];
  const table = h('div', { class: 'compare-grid', testid: 'compare-grid', role: 'table', aria: { label: t('board.compare.title') } });
  table.style.setProperty('--columns', String(Math.max(1, boards.length)));
  table.append(
    h('div', { class: 'compare-corner', role: 'columnheader' }),
    ...boards.map((b) => h('div', { class: ['compare-board-head', b.id === here.id && 'is-current'], role: 'columnheader', testid: 'compare-board' },
      h('a', { class: 'compare-board-name', href: boardHref(workshopId, b.id), dir: 'auto', text: b.groupName ?? t('board.list.wholeRoom') }),
      h('span', { class: 'muted small', text: t('board.list.noteCount', { count: plainNotes(b.notes).length }) }))));
  for (const q of QUADRANTS) {
    table.append(h('div', { class: ['compare-quadrant', `q-${q}`], role: 'rowheader' },
      h('span', { class: 'swot-letter', aria: { hidden: 'true' }, text: t(`board.letter.${q}`) }),
      h('span', { class: 'compare-quadrant-name', text: t(`board.quadrant.${q}`) })));
    for (const b of boards) {
      const rows = displayOrder(b, q, true);
      table.append(h('div', { class: ['compare-cell', `q-${q}`], role: 'cell' },
        rows.length
          ? h('ol', { class: 'compare-notes' }, rows.map(({ note }) => h('li', { class: ['compare-note', note.priority && 'is-priority'], testid: 'compare-note' },
            h('span', { class: 'compare-note-text', dir: 'auto', text: note.text }),
            h('span', { class: 'compare-note-votes', title: t('board.votesTitle', { count: note.votes }) },
              voteDots(note.votes), h('span', { text: formatNumber(note.votes) })))))
          : h('p', { class: 'muted small', text: '—' })));
    }
  }
  const root = h('section', { class: 'view view-board-compare', testid: 'board-compare-view' },
    h('a', { class: 'back-link', href: boardHref(workshopId, here.id), testid: 'compare-back' }, icon('chevronLeft'), h('span', { text: t('board.compare.back') })),
    h('div', { class: 'view-head' },
      h('div', {},
        h('p', { class: 'compare-kicker', text: t('board.compare.kicker', { count: boards.length }) }),
        h('h1', { class: 'view-title', tabindex: -1, dir: 'auto', testid: 'board-question', text: here.question }))),
    h('div', { class: 'compare-wrap' }, table));
  return { root };
}
