// Undo and redo of what the room produces (groups, SWOT boards, action plans): Ctrl+Z and
// Ctrl+Shift+Z (or Ctrl+Y) anywhere on such a screen, backed by the core's change log. While a
// text field has the focus its own typing undo wins; the edit is saved when the field is left.
import * as api from './api.js';
import { t } from './i18n.js';
import { showToast } from './components/toast.js';

/** The label of an edit ("note.merge") as the facilitator reads it ("Merge notes"). */
export function editLabel(label) {
  const key = `undo.edit.${label}`;
  const text = t(key);
  return text === key ? label : text;
}

function typingIn(target) {
  return Boolean(target?.closest?.('input, textarea, select, [contenteditable="true"]'));
}

/**
 * Listens for the undo keys while a screen is shown. `onStep(step)` redraws the screen after an
 * undo or redo; returns a function that stops listening (call it when the screen goes).
 */
export function installUndoKeys(workshopId, onStep) {
  async function run(which) {
    try {
      const step = await (which === 'undo' ? api.undo(workshopId) : api.redo(workshopId));
      if (!step) {
        showToast(t(which === 'undo' ? 'undo.nothingToUndo' : 'undo.nothingToRedo'));
        return;
      }
      showToast(t(which === 'undo' ? 'undo.undone' : 'undo.redone', { edit: editLabel(step.label) }));
      await onStep(step);
    } catch (err) {
      showToast(err.message || String(err), { kind: 'error' });
    }
  }
  function onKey(e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || typingIn(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      run('undo');
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      run('redo');
    }
  }
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

/** Undo/redo as buttons too (for the mouse, and to show what would be undone). */
export async function undoState(workshopId) {
  try {
    return await api.undoState(workshopId);
  } catch {
    return { undo: null, redo: null };
  }
}
