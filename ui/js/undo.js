// Undo and redo of what the room produces (groups, SWOT boards, action plans): Ctrl+Z and
// Ctrl+Shift+Z (or Ctrl+Y) anywhere on such a screen, backed by the core's change log. While a
// text field has the focus its own typing undo wins; the edit is saved when the field is left.
import * as api from './api.js';
import { t } from './i18n.js';
import { h, icon } from './dom.js';
import { errorText } from './errors.js';
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
 * Undoes or redoes the workshop's edit and says so in a toast; resolves with the Step, or null
 * when there was nothing to do. Errors are shown, not thrown.
 */
export async function runStep(workshopId, which) {
  try {
    const step = await (which === 'undo' ? api.undo(workshopId) : api.redo(workshopId));
    if (!step) {
      showToast(t(which === 'undo' ? 'undo.nothingToUndo' : 'undo.nothingToRedo'));
      return null;
    }
    showToast(t(which === 'undo' ? 'undo.undone' : 'undo.redone', { edit: editLabel(step.label) }));
    return step;
  } catch (err) {
    showToast(errorText(err), { kind: 'error' });
    return null;
  }
}

/**
 * Listens for the undo keys while a screen is shown. `onStep(step)` redraws the screen after an
 * undo or redo; returns a function that stops listening (call it when the screen goes).
 */
export function installUndoKeys(workshopId, onStep) {
  async function run(which) {
    const step = await runStep(workshopId, which);
    if (step) await onStep(step);
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

/**
 * The Undo and Redo buttons, labelled with what they would undo or redo ("Undo · Move a
 * participant"), and the undo keys. `onStep(step)` redraws the screen after either.
 * Returns { root, refresh(), run(which), toast(message), destroy() }.
 */
export function createUndoBar(workshopId, onStep) {
  const undoBtn = h('button', { type: 'button', class: 'btn btn-small undo-btn', testid: 'undo', aria: { keyshortcuts: 'Control+Z' } });
  const redoBtn = h('button', { type: 'button', class: 'btn btn-small undo-btn', testid: 'redo', aria: { keyshortcuts: 'Control+Shift+Z Control+Y' } });
  const root = h('div', { class: 'undo-bar', role: 'group', aria: { label: t('groups.undoBarLabel') } }, undoBtn, redoBtn);
  let current = { undo: null, redo: null };
  let busy = false;

  function draw() {
    for (const [btn, which, label, keys] of [[undoBtn, 'undo', current.undo, 'Ctrl+Z'], [redoBtn, 'redo', current.redo, 'Ctrl+Shift+Z']]) {
      const name = t(`undo.${which}`);
      btn.replaceChildren(
        icon('undo', which === 'redo' ? 'icon icon-flip' : 'icon'),
        h('span', { text: name }),
        ...(label ? [h('span', { class: 'undo-what', text: editLabel(label) })] : []));
      btn.disabled = !label;
      btn.dataset.label = label ?? '';
      btn.title = label
        ? `${name}: ${editLabel(label)} (${keys})`
        : t(which === 'undo' ? 'undo.nothingToUndo' : 'undo.nothingToRedo');
    }
  }

  async function refresh() {
    current = await undoState(workshopId);
    draw();
  }

  async function after(step) {
    if (step?.state) current = step.state;
    draw();
    await onStep(step);
  }

  async function run(which) {
    if (busy) return;
    busy = true;
    try {
      const step = await runStep(workshopId, which);
      if (step) await after(step);
      else await refresh();
    } finally {
      busy = false;
    }
  }

  /** A toast for an edit just made, with an Undo button of its own. */
  function toast(message) {
    showToast(message, { action: { label: t('undo.undo'), testid: 'toast-undo', onClick: () => run('undo') } });
  }

  undoBtn.addEventListener('click', () => run('undo'));
  redoBtn.addEventListener('click', () => run('redo'));
  const stopKeys = installUndoKeys(workshopId, after);
  draw();
  return { root, refresh, run, toast, destroy: stopKeys };
}
