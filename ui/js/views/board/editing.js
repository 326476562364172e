// Editing a note's text in place: Enter or F2 (or a double click) opens the editor, Enter saves,
// Shift+Enter starts a new line, Escape keeps the text as it was, leaving the note saves.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';

export function createEditing(ed) {
  function editorFor(note) {
    const ta = h('textarea', {
      class: 'note-edit-input',
      testid: 'note-edit-input',
      dir: 'auto',
      rows: 1,
      maxLength: 1000,
      value: ed.editing.draft,
      aria: { label: t('board.editLabel') },
    });
    const fit = () => {
      ta.style.height = 'auto';
      ta.style.height = `${ta.scrollHeight}px`;
    };
    ta.addEventListener('input', () => {
      if (ed.editing?.id === note.id) ed.editing.draft = ta.value;
      fit();
    });
    ta.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        commitEdit(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancelEdit();
      }
    });
    // A redraw moves the editor and blurs it for a moment: that is not leaving the note.
    ta.addEventListener('blur', () => {
      if (ed.redrawing || !ta.isConnected) return;
      if (ed.editing?.id === note.id && !ed.editing.saving) commitEdit(false);
    });
    requestAnimationFrame(fit);
    return ta;
  }

  function startEdit(id) {
    const note = ed.byId(id);
    if (!note || ed.merging) return;
    if (ed.editing && ed.editing.id !== id) commitEdit(false);
    ed.editing = { id, draft: note.text, saving: false };
    ed.focusId = id;
    ed.drawAll();
    const ta = ed.grid.querySelector(`li[data-id="${CSS.escape(id)}"] .note-edit-input`);
    if (ta) {
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
    }
  }

  function cancelEdit() {
    if (!ed.editing) return;
    const { id } = ed.editing;
    ed.editing = null;
    ed.drawAll({ note: id });
  }

  /** Saves the edited text; `refocus`: the note keeps the focus (Enter, not leaving it). */
  async function commitEdit(refocus) {
    if (!ed.editing || ed.editing.saving) return;
    const { id } = ed.editing;
    const note = ed.byId(id);
    const text = ed.editing.draft.trim();
    const focusAfter = refocus ? { note: id } : null;
    if (!note || text === note.text) {
      ed.editing = null;
      ed.drawAll(note ? focusAfter : null);
      return;
    }
    if (!text) {
      if (!refocus) {
        // Leaving an emptied note keeps it as it was (Delete removes a note).
        ed.editing = null;
        ed.drawAll();
        return;
      }
      ed.ctx.showError({ code: 'required', field: 'text', message: t('board.textRequired') });
      return;
    }
    ed.editing.saving = true;
    const r = await ed.save(() => api.editNote(id, text));
    if (ed.editing?.id === id) ed.editing.saving = false;
    if (r.ok) {
      if (ed.editing?.id === id) ed.editing = null;
      ed.applyNote(r.value, focusAfter);
    } else {
      // The typed text stays in the editor, to correct or try again.
      ed.drawAll(focusAfter);
    }
  }

  return { editorFor, startEdit, cancelEdit, commitEdit };
}
