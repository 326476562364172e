// The board's four quadrants: each a list of notes over an input that is always ready, drawn
// again after every change. A note's element is kept while what it shows is the same, so that a
// click, the focus or an open editor survive the redraw that follows every save.
import { h, uniqueId } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import { QUADRANTS, displayOrder, plainNotes, notesUnder } from './model.js';
import { glyph } from './glyphs.js';

export function createQuadrants(ed, restore) {
  const quads = new Map(); // quadrant → { section, list, input, count }
  const grid = h('div', { class: ['swot-grid'], testid: 'board-grid' });
  const draftKey = (q) => `workshop-desk.note-draft.${ed.board.id}.${q}`;

  QUADRANTS.forEach((q, i) => {
    const headingId = uniqueId(`quadrant-${q}`);
    const count = h('span', { class: 'swot-count', testid: `board-count-${q}` });
    const list = h('ul', { class: 'note-list', testid: `note-list-${q}`, aria: { labelledby: headingId } });
    const input = h('input', {
      type: 'text',
      class: 'input note-input',
      testid: `note-input-${q}`,
      dir: 'auto',
      maxLength: 1000,
      autocomplete: 'off',
      placeholder: t('board.inputPlaceholder'),
      value: restore.drafts?.[q] ?? readDraft(q),
      aria: { label: t('board.addTo', { quadrant: t(`board.quadrant.${q}`) }), keyshortcuts: `Control+${i + 1}` },
      data: { quadrant: q },
    });
    input.addEventListener('input', () => writeDraft(q, input.value));
    input.addEventListener('focus', () => {
      ed.lastQuadrant = q;
      ed.hint(ed.merging ? 'merge' : 'input');
    });
    const section = h('section', { class: ['swot-quadrant', `q-${q}`], testid: `board-quadrant-${q}`, data: { quadrant: q }, aria: { labelledby: headingId } },
      h('header', { class: 'swot-quadrant-head' },
        h('span', { class: 'swot-letter', aria: { hidden: 'true' }, text: t(`board.letter.${q}`) }),
        h('h2', { class: 'swot-title', id: headingId, text: t(`board.quadrant.${q}`) }),
        count,
        h('kbd', { class: 'swot-key', title: t('board.hint.quadrant'), text: `Ctrl+${i + 1}` })),
      list,
      h('div', { class: 'note-entry' }, glyph('plus', 'icon note-entry-icon'), input));
    grid.append(section);
    quads.set(q, { section, list, input, count });
  });

  // A note typed and not yet added survives a restart of the screen (a language switch, Back).
  function readDraft(q) {
    try {
      return sessionStorage.getItem(draftKey(q)) ?? '';
    } catch {
      return '';
    }
  }

  function writeDraft(q, value) {
    try {
      if (value) sessionStorage.setItem(draftKey(q), value);
      else sessionStorage.removeItem(draftKey(q));
    } catch {
      // a draft that cannot be kept is still in the input
    }
  }

  /** Rebuilds the four lists; the focus goes back to the note that had it (or to `want`). */
  function drawAll(want = null) {
    const active = document.activeElement;
    const focusInLists = [...quads.values()].some(({ list }) => list.contains(active))
      || (ed.mounted && (!active || active === document.body));
    const editFocused = active?.classList?.contains('note-edit-input');
    const caret = editFocused ? [active.selectionStart, active.selectionEnd] : null;
    ed.redrawing = true;
    for (const q of QUADRANTS) drawQuadrant(q);
    for (const id of nodeCache.keys()) if (!ed.byId(id)) nodeCache.delete(id);
    ed.redrawing = false;
    ed.drawHead();
    ed.drawMerge();
    grid.classList.toggle('is-ranking', ed.ranking);
    grid.classList.toggle('is-merging', Boolean(ed.merging));
    if (!ed.mounted) return;
    if (want?.input) {
      focusInput(want.input);
    } else if (want?.note) {
      focusNote(want.note);
    } else if (focusInLists) {
      if (!(ed.focusId && focusNote(ed.focusId, caret))) focusInput(ed.lastQuadrant);
    }
  }

  const nodeCache = new Map(); // note id → { sig, el }

  /** Everything a note's element shows: while it stays the same, so does the element. */
  function signature({ note, depth, rank }) {
    return JSON.stringify([
      note.text, note.votes, note.quadrant, note.isHeading, note.headingId, note.raisedBy,
      note.actionCount, note.priority, note.priorityWithoutAction, depth, ed.ranking, rank ?? 0,
      ed.editing?.id === note.id, ed.merging ? ed.merging.id === note.id : null, ed.pendingVotes.has(note.id),
      note.isHeading ? notesUnder(ed.board, note.id).length : 0,
    ]);
  }

  function drawQuadrant(q) {
    const { list, count } = quads.get(q);
    const scroll = list.scrollTop;
    const nodes = displayOrder(ed.board, q, ed.ranking).map((row) => {
      const sig = signature(row);
      const cached = nodeCache.get(row.note.id);
      if (cached && cached.sig === sig) return cached.el;
      const el = row.note.isHeading ? ed.headingItem(row) : ed.noteItem(row);
      nodeCache.set(row.note.id, { sig, el });
      return el;
    });
    for (const entry of ed.pendingAdds.get(q)) nodes.push(ed.pendingItem(q, entry));
    if (!nodes.length) nodes.push(h('li', { class: 'note-empty', aria: { hidden: 'true' }, text: t(`board.empty.${q}`) }));
    // Only what changed moves: an unchanged note stays in place.
    nodes.forEach((node, i) => {
      if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
    });
    while (list.children.length > nodes.length) list.lastElementChild.remove();
    count.textContent = formatNumber(plainNotes(ed.board.notes.filter((n) => n.quadrant === q)).length);
    list.scrollTop = scroll;
  }

  function scrollToEnd(q) {
    const { list } = quads.get(q);
    list.scrollTop = list.scrollHeight;
  }

  /** The note's element, or the grid when it is not shown (to anchor a popover somewhere). */
  function noteEl(id) {
    return grid.querySelector(`li[data-id="${CSS.escape(id)}"]`) ?? grid;
  }

  /** Focuses the note (its editor, if open, with the caret where it was); false if not shown. */
  function focusNote(id, caret = null) {
    const li = grid.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    if (!li) return false;
    const editor = li.querySelector('.note-edit-input');
    if (editor) {
      editor.focus();
      if (caret) editor.setSelectionRange(caret[0], caret[1]);
    } else {
      li.focus();
    }
    return true;
  }

  const focusInput = (q) => quads.get(q).input.focus();

  /** The notes shown in a quadrant, top to bottom (for the arrow keys). */
  const noteItemsIn = (q) => [...quads.get(q).list.querySelectorAll('li.note[data-id]')];

  return {
    grid,
    quadrantSection: (q) => quads.get(q).section,
    quadrantInput: (q) => quads.get(q).input,
    noteItemsIn,
    writeDraft,
    drawAll,
    drawQuadrant,
    scrollToEnd,
    noteEl,
    focusNote,
    focusInput,
  };
}
