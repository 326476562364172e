// The keyboard, which is enough to capture a whole board, and the line of hints saying which
// keys do what where the focus is.
//
// In a quadrant's input: Enter adds ("# " first makes a heading), Tab / Shift+Tab or Ctrl+1…4 go
// to another quadrant, ↑ goes to the notes, Ctrl+Z with nothing typed undoes the board's last
// edit. On a note: arrows, Home and End move between notes, Enter or F2 edits in place, Delete
// removes (Undo in the toast), Alt+↑/↓ reorders, Alt+Shift+arrows move it to another quadrant,
// + and − vote, M merges with another note, H groups under a heading, A creates an action from
// it, R says who raised it, Shift+F10 opens its menu, Escape goes back to the input.
import { h, clear } from '../../dom.js';
import { t } from '../../i18n.js';
import { QUADRANTS, quadrantBeside, quadrantToward } from './model.js';
import { glyph } from './glyphs.js';

const HINTS = {
  input: [['Enter', 'board.hint.add'], ['# ', 'board.hint.heading'], ['Tab', 'board.hint.nextQuadrant'], ['Ctrl+1…4', 'board.hint.quadrant'], ['↑', 'board.hint.toNotes']],
  note: [['F2', 'board.hint.edit'], ['+ −', 'board.hint.votes'], ['M', 'board.hint.merge'], ['H', 'board.hint.group'], ['A', 'board.hint.action'], ['Alt+↑↓', 'board.hint.reorder'], ['Alt+Shift+←→', 'board.hint.move'], ['Del', 'board.hint.delete'], ['Ctrl+Z', 'board.hint.undo']],
  merge: [['↑↓←→', 'board.hint.choose'], ['Enter', 'board.hint.mergeHere'], ['Esc', 'board.hint.cancel']],
};

const ARROWS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

/** Typing that is still being composed (an input method's candidates) is not a key press yet. */
const composing = (e) => e.isComposing || e.keyCode === 229;

export function createKeys(ed) {
  const hintEl = h('p', { class: 'board-hint', testid: 'board-hint', aria: { live: 'off' } });

  /** Shows the keys for where the focus is: 'input', 'note' or 'merge'. */
  function hint(kind) {
    clear(hintEl).append(glyph('keyboard', 'icon board-hint-icon'),
      ...(HINTS[kind] ?? []).map(([key, label]) => h('span', { class: 'board-hint-item' }, h('kbd', { class: 'board-kbd', text: key }), h('span', { text: t(label) }))));
  }

  ed.grid.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const input = e.target.closest?.('.note-input');
    if (input) {
      onInputKey(e, input.dataset.quadrant);
      return;
    }
    const li = e.target.closest?.('li.note[data-id]');
    if (li && e.target === li) onNoteKey(e, li);
  });

  function onInputKey(e, q) {
    if (composing(e)) return;
    const input = ed.quadrantInput(q);
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y') && !input.value) {
      // Nothing typed to take back: Ctrl+Z undoes the board's last edit (a note in the wrong
      // quadrant), as it does on a note.
      e.preventDefault();
      ed.undoBar.run(key === 'z' && !e.shiftKey ? 'undo' : 'redo');
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      ed.addFrom(q);
    } else if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const next = QUADRANTS[QUADRANTS.indexOf(q) + (e.shiftKey ? -1 : 1)];
      if (next) {
        e.preventDefault();
        ed.focusInput(next);
      }
    } else if (e.key === 'ArrowUp' && !e.altKey && !e.shiftKey && !e.ctrlKey) {
      const items = ed.noteItemsIn(q);
      if (items.length) {
        e.preventDefault();
        items[items.length - 1].focus();
      }
    } else if (e.key === 'Escape' && ed.merging) {
      e.preventDefault();
      ed.cancelMerge();
    }
  }

  /** Arrows, Home and End between notes: ↓ from the last note goes to the input. */
  function moveFocus(li, key) {
    const q = li.dataset.quadrant;
    const items = ed.noteItemsIn(q);
    const i = items.indexOf(li);
    switch (key) {
      case 'ArrowUp':
        items[i - 1]?.focus();
        return;
      case 'ArrowDown':
        if (items[i + 1]) items[i + 1].focus();
        else ed.focusInput(q);
        return;
      case 'Home':
        items[0]?.focus();
        return;
      case 'End':
        items[items.length - 1]?.focus();
        return;
      default: {
        // ← →: the note at the same height in the quadrant beside, else its input.
        const other = quadrantBeside(q, key);
        if (!other) return;
        const there = ed.noteItemsIn(other);
        const target = there[Math.min(i, there.length - 1)];
        if (target) target.focus();
        else ed.focusInput(other);
      }
    }
  }

  function onNoteKey(e, li) {
    const id = li.dataset.id;
    const note = ed.byId(id);
    if (!note) return;
    const { key } = e;
    const arrow = ARROWS.includes(key);
    if (e.ctrlKey || e.metaKey) return; // Ctrl+Z and friends
    if (e.altKey && e.shiftKey && arrow) {
      e.preventDefault();
      if (ed.merging) return;
      const to = quadrantToward(note.quadrant, key);
      if (to) ed.moveTo(id, to, null);
      return;
    }
    if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      e.preventDefault();
      if (!ed.merging) ed.reorder(id, key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (e.altKey) return;
    if (arrow || key === 'Home' || key === 'End') {
      e.preventDefault();
      moveFocus(li, key);
      return;
    }
    if (ed.merging) {
      if (key === 'Enter' || key === ' ' || key.toLowerCase() === 'm') {
        e.preventDefault();
        ed.pickMerge(id);
      } else if (key === 'Escape') {
        e.preventDefault();
        ed.cancelMerge();
      }
      return;
    }
    const letter = key.length === 1 ? key.toLowerCase() : '';
    if (key === 'Enter' || key === 'F2') {
      e.preventDefault();
      ed.startEdit(id);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      ed.removeNote(id);
    } else if (key === '+' || key === '=' || key === 'Add') {
      e.preventDefault();
      ed.changeVotes(id, 1);
    } else if (key === '-' || key === '−' || key === 'Subtract') {
      e.preventDefault();
      ed.changeVotes(id, -1);
    } else if (letter === 'm') {
      e.preventDefault();
      ed.startMerge(id);
    } else if (letter === 'h' && !note.isHeading) {
      e.preventDefault();
      ed.pickHeading(id, li);
    } else if (letter === 'a' && !note.isHeading) {
      e.preventDefault();
      ed.openActionDialog(id);
    } else if (letter === 'r' && !note.isHeading) {
      e.preventDefault();
      ed.pickRaisedByFor(id, li.querySelector('.note-raised-by') ?? li);
    } else if (key === 'ContextMenu' || (key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      ed.openMenu(id, li.querySelector('[data-testid="note-menu"]') ?? li);
    } else if (key === 'Escape') {
      e.preventDefault();
      ed.focusInput(note.quadrant);
    }
  }

  // Anywhere on the board: Escape ends a merge; Ctrl+1…4 goes to that quadrant's input (by the
  // key's place, so AZERTY works).
  function onDocumentKey(e) {
    const dialogOpen = Boolean(document.querySelector('dialog[open]'));
    if (e.key === 'Escape' && ed.merging && !e.defaultPrevented && !dialogOpen) {
      e.preventDefault();
      ed.cancelMerge();
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || dialogOpen) return;
    const digit = /^(Digit|Numpad)([1-4])$/.exec(e.code ?? '')?.[2] ?? (/^[1-4]$/.test(e.key) ? e.key : null);
    if (!digit) return;
    e.preventDefault();
    ed.closePopover();
    ed.focusInput(QUADRANTS[Number(digit) - 1]);
  }
  document.addEventListener('keydown', onDocumentKey);

  return { hintEl, hint, stopKeys: () => document.removeEventListener('keydown', onDocumentKey) };
}
