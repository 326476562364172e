// Choosing SWOT notes for an action to answer: every board's notes by quadrant, narrowed by
// what is typed (in a note or in its board's question); notes already linked are shown ticked.
import { h, icon, clear, uniqueId } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import * as api from '../../api.js';
import { fold } from '../../countries.js';
import { errorText } from '../../errors.js';
import { QUADRANTS } from '../board/model.js';
import { quadrantLabel, quadrantBadge } from './labels.js';

/** Resolves to the notes chosen ([{ noteId, boardId, question, quadrant, text, votes }]) or null. */
export function pickNotes(page, alreadyLinked) {
  return new Promise((resolve) => {
    const linked = new Set(alreadyLinked);
    const chosen = new Map();
    const titleId = uniqueId('note-picker-title');
    const search = h('input', { type: 'search', class: 'input input-search', testid: 'note-search', placeholder: t('plans.picker.search'), autocomplete: 'off', dir: 'auto' });
    const body = h('div', { class: 'note-picker-list', testid: 'note-picker-list' }, h('p', { class: 'muted', text: t('common.loading') }));
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'note-picker-cancel', text: t('common.cancel') });
    const ok = h('button', { type: 'button', class: 'btn btn-primary', testid: 'note-link-confirm', disabled: true });
    const closeX = h('button', { type: 'button', class: 'btn-icon', aria: { label: t('common.close') } }, icon('close'));
    const dialog = h('dialog', { class: 'dialog dialog-note-picker', testid: 'note-picker', aria: { labelledby: titleId } },
      h('div', { class: 'note-picker' },
        h('div', { class: 'dialog-head' }, h('h2', { class: 'dialog-title', id: titleId, text: t('plans.picker.title') }), closeX),
        h('div', { class: 'dialog-body' },
          h('div', { class: 'search-box' }, icon('search', 'icon search-icon'), search),
          body),
        h('div', { class: 'dialog-foot' },
          h('p', { class: 'key-hint muted', text: t('plans.picker.hint') }),
          cancel, ok)));
    const finish = (answer) => {
      if (close()) resolve(answer);
    };
    const close = page.showDialog(dialog, () => finish(null));
    cancel.addEventListener('click', () => finish(null));
    closeX.addEventListener('click', () => finish(null));
    ok.addEventListener('click', () => finish([...chosen.values()]));
    const drawOk = () => {
      ok.disabled = chosen.size === 0;
      ok.textContent = chosen.size ? t('plans.picker.linkN', { count: chosen.size }) : t('plans.picker.link');
    };
    drawOk();

    let boards = [];
    const drawList = () => {
      const q = fold(search.value);
      clear(body);
      if (!boards.length) {
        body.append(h('div', { class: 'empty-note', testid: 'note-picker-empty' },
          h('p', { class: 'empty-title', text: t('plans.picker.noBoards') }),
          h('p', { class: 'muted', text: t('plans.picker.noBoardsText') })));
        return;
      }
      let shown = 0;
      for (const board of boards) {
        const notes = (board.notes ?? []).filter((n) => !n.isHeading && (!q || fold(n.text).includes(q) || fold(board.question).includes(q)));
        if (!notes.length) continue;
        const quadrants = QUADRANTS.map((quadrant) => {
          const inQ = notes.filter((n) => n.quadrant === quadrant);
          if (!inQ.length) return null;
          return h('div', { class: ['picker-quadrant', `quadrant-${quadrant}`] },
            h('h4', { class: 'picker-quadrant-title' }, quadrantBadge(quadrant), h('span', { text: quadrantLabel(quadrant) })),
            h('ul', { class: 'picker-notes' }, inQ.map((n) => {
              shown += 1;
              const isLinked = linked.has(n.id);
              const box = h('input', { type: 'checkbox', testid: 'note-option', data: { note: n.id }, checked: isLinked || chosen.has(n.id), disabled: isLinked });
              box.addEventListener('change', () => {
                if (box.checked) chosen.set(n.id, { noteId: n.id, boardId: board.id, question: board.question, quadrant: n.quadrant, text: n.text, votes: n.votes ?? 0 });
                else chosen.delete(n.id);
                drawOk();
              });
              return h('li', {},
                h('label', { class: ['picker-note', isLinked && 'is-linked'] },
                  box,
                  h('span', { class: 'picker-note-text', dir: 'auto', text: n.text }),
                  ...(n.votes ? [h('span', { class: 'tag tag-muted', title: t('plans.picker.votes'), text: `★ ${formatNumber(n.votes)}` })] : []),
                  ...(isLinked ? [h('span', { class: 'tag tag-accent', text: t('plans.picker.alreadyLinked') })] : [])));
            })));
        }).filter(Boolean);
        body.append(h('section', { class: 'picker-board', testid: 'note-picker-board' },
          h('h3', { class: 'picker-board-title', dir: 'auto' },
            h('span', { text: board.question }),
            ...(board.groupName ? [h('span', { class: 'tag tag-muted', dir: 'auto', text: board.groupName })] : [])),
          h('div', { class: 'picker-quadrants' }, quadrants)));
      }
      if (!shown) body.append(h('p', { class: 'muted', testid: 'note-picker-none', text: t('plans.picker.noMatch') }));
    };
    search.addEventListener('input', drawList);
    (async () => {
      try {
        const summaries = await api.listBoards(page.workshopId);
        boards = await Promise.all(summaries.map((b) => api.getBoard(b.id)));
      } catch (err) {
        clear(body).append(h('p', { class: 'field-error', text: errorText(err) }));
        return;
      }
      drawList();
    })();
    search.focus();
  });
}
