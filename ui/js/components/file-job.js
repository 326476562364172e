// The parts the dialogs that write a file share (Export report…, Consolidate workbooks…): the
// "Save as" row with its Change button, a progress bar fed by the shell's Channel, and the
// "Show in folder" / "Close" buttons once the file is written.
import { h, clear, icon } from '../dom.js';
import { t } from '../i18n.js';
import { showInFolder } from '../api.js';

/**
 * "Save as: <path> [Change]" (test ids `<prefix>-path`, `<prefix>-change-path`). `set(path)`
 * redraws it; `empty` is said when there is no path.
 */
export function savePathRow({ prefix, empty, onChange }) {
  const text = h('span', { class: 'export-path-text', dir: 'auto', testid: `${prefix}-path` });
  const change = h('button', { type: 'button', class: 'btn btn-small', testid: `${prefix}-change-path`, text: t('export.change') });
  change.addEventListener('click', onChange);
  const row = h('div', { class: 'export-path' },
    h('span', { class: 'field-label', text: t('export.saveAs') }),
    h('div', { class: 'export-path-row' }, icon('file'), text, change));
  return {
    row,
    set(path) {
      text.textContent = path || empty;
      text.title = path;
    },
  };
}

/** A progress bar and its line of text, hidden until `start`. */
export function progressBar({ testid }) {
  const bar = h('progress', { class: 'export-progress-bar', max: 1, value: 0, testid });
  const text = h('p', { class: 'export-progress-text', aria: { live: 'polite' } });
  const box = h('div', { class: 'export-progress', hidden: true }, bar, text);
  return {
    box,
    /** Shown, indeterminate until the first count arrives. */
    start(line) {
      box.hidden = false;
      bar.removeAttribute('value');
      text.textContent = line;
    },
    set(done, total, line) {
      if (total > 0) {
        bar.max = total;
        bar.value = done;
      }
      text.textContent = line;
    },
    hide() {
      box.hidden = true;
    },
  };
}

/** Replaces the dialog's buttons with "Show in folder" (for `path`) and "Close", focused. */
export function showDoneActions(actions, { prefix, path, onClose, onError }) {
  const show = h('button', { type: 'button', class: 'btn', testid: `${prefix}-show`, text: t('export.showInFolder') });
  show.addEventListener('click', async () => {
    try {
      await showInFolder(path);
    } catch (error) {
      onError(error);
    }
  });
  const close = h('button', { type: 'button', class: 'btn btn-primary', testid: `${prefix}-close`, text: t('common.close') });
  close.addEventListener('click', onClose);
  clear(actions);
  actions.append(show, close);
  close.focus();
}
