// The board's four quadrants: each a list of notes over an input that is always ready, drawn
// again after every change. A note's element is kept while what it shows is the same, so that a
// click, the focus or an open editor survive the redraw that follows every save.
//
// A board of hundreds of notes is drawn in steps: first as many rows of each list as the window
// can show, painted at once, then the rest of each list a slice at a time between frames (while
// the facilitator reads or starts typing). Anything that needs a list whole (a note added at its
// end, the arrow keys, a note to focus) draws the rest of it first.
import { h, uniqueId } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import { QUADRANTS, displayOrder, plainNotes, notesUnder } from './model.js';
import { glyph } from './glyphs.js';

/** Rows of each list drawn before the first paint: a list is about half of what the window has
 *  left under the app's head and the board's, and a row at least 40 px, so this fills it. */
const firstRows = () => Math.max(6, Math.ceil((window.innerHeight - 300) / 80) + 1);
/** Rows added to a list in each step after that (a step is about 10 ms on the 2-core machine of
 *  BENCHMARKS.md: a key pressed meanwhile waits that long at most). */
const STEP_ROWS = 12;

export function createQuadrants(ed, restore) {
  const quads = new Map(); // quadrant → { section, list, input, count }
  /** Per quadrant, how many of its rows are drawn (Infinity: all of them). */
  const limits = new Map(QUADRANTS.map((q) => [q, firstRows()]));
  let growing = null; // the next step's timer
  let first = true;
  let turn = 0;
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
    const ids = new Set(ed.board.notes.map((n) => n.id));
    for (const id of nodeCache.keys()) if (!ids.has(id)) nodeCache.delete(id);
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
    const pending = ed.pendingAdds.get(q);
    // A note on its way goes after the last note: the list is drawn whole first.
    if (pending.length) limits.set(q, Infinity);
    const rows = displayOrder(ed.board, q, ed.ranking);
    const limit = limits.get(q);
    if (rows.length <= limit) limits.set(q, Infinity);
    const nodes = rows.slice(0, limit).map((row) => {
      const sig = signature(row);
      const cached = nodeCache.get(row.note.id);
      if (cached && cached.sig === sig) return cached.el;
      // Drawn for the first time: its tools' icons when first needed (notes.js).
      const options = { light: !cached };
      const el = row.note.isHeading ? ed.headingItem(row, options) : ed.noteItem(row, options);
      nodeCache.set(row.note.id, { sig, el });
      return el;
    });
    for (const entry of pending) nodes.push(ed.pendingItem(q, entry));
    if (!nodes.length) nodes.push(h('li', { class: 'note-empty', aria: { hidden: 'true' }, text: t(`board.empty.${q}`) }));
    // Only what changed moves: an unchanged note stays in place.
    nodes.forEach((node, i) => {
      if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
    });
    while (list.children.length > nodes.length) list.lastElementChild.remove();
    // Written only when it changes: rewriting the same number still lays out and repaints.
    const n = formatNumber(plainNotes(ed.board.notes.filter((note) => note.quadrant === q)).length);
    if (count.textContent !== n) count.textContent = n;
    if (list.scrollTop !== scroll) list.scrollTop = scroll;
  }

  /** Draws the rest of a list drawn only in part. */
  function drawWhole(q) {
    if (limits.get(q) === Infinity) return;
    limits.set(q, Infinity);
    drawQuadrant(q);
  }

  const drawnWhole = () => QUADRANTS.every((q) => limits.get(q) === Infinity);

  /** After the first paint, the lists not drawn whole get the rest a slice at a time, one slice
   *  a frame, so that a key pressed meanwhile waits for one slice at most. */
  function growLists() {
    if (growing !== null) return;
    const step = () => {
      growing = null;
      if (ed.unmounted) return;
      // The four lists in turn.
      const left = QUADRANTS.filter((x) => limits.get(x) !== Infinity);
      if (!left.length) return;
      const q = left[turn++ % left.length];
      limits.set(q, limits.get(q) + STEP_ROWS);
      drawQuadrant(q);
      growLists();
    };
    // Each slice in a task after a frame; the first after two, once the first paint is out.
    const after = first ? 2 : 1;
    first = false;
    const wait = (frames) => {
      growing = requestAnimationFrame(() => {
        if (frames > 1) wait(frames - 1);
        else growing = setTimeout(step, 0);
      });
    };
    wait(after);
  }

  function scrollToEnd(q) {
    drawWhole(q);
    const { list } = quads.get(q);
    list.scrollTop = list.scrollHeight;
  }

  /** The note's element, or the grid when it is not shown (to anchor a popover somewhere). */
  function noteEl(id) {
    return noteLi(id) ?? grid;
  }

  /** The note's element, the lists drawn whole first if it is not drawn yet; null if not shown. */
  function noteLi(id) {
    const find = () => grid.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    const li = find();
    if (li || drawnWhole() || !ed.byId(id)) return li;
    for (const q of QUADRANTS) drawWhole(q);
    return find();
  }

  /** Focuses the note (its editor, if open, with the caret where it was); false if not shown. */
  function focusNote(id, caret = null) {
    const li = noteLi(id);
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
  const noteItemsIn = (q) => {
    drawWhole(q);
    return [...quads.get(q).list.querySelectorAll('li.note[data-id]')];
  };

  return {
    grid,
    quadrantSection: (q) => quads.get(q).section,
    quadrantInput: (q) => quads.get(q).input,
    noteItemsIn,
    writeDraft,
    drawAll,
    drawQuadrant,
    growLists,
    scrollToEnd,
    noteEl,
    focusNote,
    focusInput,
  };
}
