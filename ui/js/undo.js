// Undo and redo of what the room produces (groups, SWOT boards, action plans): Ctrl+Z and
// Ctrl+Shift+Z (or Ctrl+Y) anywhere on such a screen, backed by the core's change log. While a
// text field has the focus its own typing undo wins; the edit is saved when the field is left.
// While a modal dialog is open the keys do nothing: the dialog shows what it was opened on, and
// an undo beneath it would leave it showing something that is no longer so.
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

/** Calls `run('undo')` or `run('redo')` for the undo keys until the returned function is called. */
function listenForUndoKeys(run) {
  function onKey(e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || typingIn(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
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

/** What could be undone and redone now: { undo: label | null, redo: label | null }. */
export async function undoState(workshopId) {
  try {
    return await api.undoState(workshopId);
  } catch {
    return { undo: null, redo: null };
  }
}

const KEYS = {
  undo: { aria: 'Control+Z', title: 'board.undoTitle', nothing: 'undo.nothingToUndo' },
  redo: { aria: 'Control+Shift+Z Control+Y', title: 'board.redoTitle', nothing: 'undo.nothingToRedo' },
};

/**
 * The Undo and Redo buttons, labelled with what they would take back or make again, and the undo
 * keys. `onStep(step)` redraws the screen after either.
 *
 * - `look`: 'inline' ("Undo · Move a participant": groups, plans) or 'stacked' (the edit on a
 *   line under the word: the SWOT board's head, styled in board.css);
 * - `testid`: put before the buttons' testids ('board-' gives board-undo, board-redo-label…);
 * - `beforeStep()`: awaited before each undo or redo (the board lets its saves land first, so
 *   that Ctrl+Z takes back the edit just made and not the one before it).
 *
 * Undos and redos run one after the other, in the order asked; a button pressed while one runs
 * is ignored (a double click undoes once).
 * Returns { root, refresh(), edited(message?, options?), offerUndo(message, options), run(which),
 * destroy() }.
 */
export function createUndoBar(workshopId, onStep, { look = 'inline', testid = '', beforeStep = null } = {}) {
  const stacked = look === 'stacked';
  const buttons = {};
  for (const which of ['undo', 'redo']) {
    const name = t(`undo.${which}`);
    const what = stacked
      ? h('span', { class: 'board-undo-label', testid: `${testid}${which}-label` })
      : h('span', { class: 'undo-what' });
    const glyph = icon('undo', which === 'redo' ? 'icon icon-flip' : 'icon');
    const btn = h('button', {
      type: 'button',
      class: ['btn', 'btn-small', stacked ? 'board-undo' : 'undo-btn'],
      testid: `${testid}${which}`,
      aria: { keyshortcuts: KEYS[which].aria },
    }, glyph, stacked
      ? h('span', { class: 'board-undo-text' }, h('span', { text: name }), what)
      : [h('span', { text: name }), what]);
    btn.addEventListener('click', () => {
      if (!running) run(which);
    });
    buttons[which] = { btn, what };
  }
  const root = h('div', { class: 'undo-bar', role: 'group', aria: { label: t('groups.undoBarLabel') } },
    buttons.undo.btn, buttons.redo.btn);

  let current = { undo: null, redo: null };
  let reads = 0; // the newest undo state asked for wins over slower, older answers

  function draw() {
    for (const which of ['undo', 'redo']) {
      const { btn, what } = buttons[which];
      const label = current[which];
      what.textContent = label ? editLabel(label) : '';
      btn.disabled = !label;
      btn.dataset.label = label ?? '';
      btn.title = label ? t(KEYS[which].title, { edit: editLabel(label) }) : t(KEYS[which].nothing);
    }
  }

  async function refresh() {
    const read = ++reads;
    const next = await undoState(workshopId);
    if (read !== reads) return;
    current = next;
    draw();
  }

  // A toast's Undo takes back the edit it announced, so it goes as soon as anything else is
  // undone, redone or edited: it would take back that instead.
  let edits = 0;
  let dismissToast = () => {};

  /** Call after every edit the screen makes: the buttons follow. With a message, see offerUndo. */
  function edited(message = null, toastOptions = {}) {
    edits += 1;
    dismissToast();
    refresh();
    if (message) offerUndo(message, toastOptions);
  }

  /**
   * A toast saying what the edit just made did, with an Undo of its own (`testid` for that
   * button; `onUndo()` runs just before the undo).
   */
  function offerUndo(message, { testid: toastTestid = 'toast-undo', onUndo = null } = {}) {
    dismissToast();
    const mine = edits;
    dismissToast = showToast(message, {
      action: {
        label: t('common.undo'),
        testid: toastTestid,
        onClick: () => run('undo', () => {
          if (edits !== mine) return false;
          onUndo?.();
          return true;
        }),
      },
    });
  }

  let queue = Promise.resolve();
  let running = 0;

  /** Undoes or redoes; `stillWanted()`, if given, is asked once earlier saves have landed. */
  function run(which, stillWanted = null) {
    running += 1;
    const job = queue.then(async () => {
      await beforeStep?.();
      if (stillWanted && !stillWanted()) return;
      dismissToast();
      const step = await runStep(workshopId, which);
      if (!step) {
        await refresh();
        return;
      }
      reads += 1;
      current = step.state ?? current;
      draw();
      await onStep(step);
    }).finally(() => {
      running -= 1;
    });
    queue = job.catch(() => {});
    return job;
  }

  const stopKeys = listenForUndoKeys(run);
  draw();
  return { root, refresh, edited, offerUndo, run, destroy: stopKeys };
}
