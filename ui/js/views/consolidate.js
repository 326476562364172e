// "Consolidate workbooks…": headquarters brings many workshops' workbooks into one. The dialog
// proposes the workbooks in the folder used last time (or of the last export) and a file there to
// write; workbooks are added with the native open dialog (several at once) or taken off the list,
// the file changed with the save dialog. The consolidation runs in the shell, off this window's
// thread, and the dialog then says what was included, which duplicate exports were dropped and
// which files were skipped, and why.
import { h, clear, icon } from '../dom.js';
import { t, has, formatNumber } from '../i18n.js';
import { showModal } from '../components/modal.js';
import { savePathRow, progressBar, showDoneActions } from '../components/file-job.js';
import { consolidateTarget, chooseConsolidateFiles, chooseExportPath, consolidateWorkbooks } from '../api.js';
import { errorText } from '../errors.js';

const baseName = (path) => String(path).split(/[\\/]/).pop();
const folderOf = (path) => String(path).replace(/[\\/][^\\/]*$/, '');

/** The "Consolidate workbooks…" button of the workshop list. */
export function consolidateButton({ small = false } = {}) {
  const button = h('button', { type: 'button', class: ['btn', small && 'btn-small'], testid: 'consolidate-open' },
    icon('file'), h('span', { text: t('consolidate.button') }));
  button.addEventListener('click', () => openConsolidateDialog());
  return button;
}

/** Opens the dialog; resolves when it is closed. */
export async function openConsolidateDialog() {
  // Without a proposal (the database is unavailable) the dialog still opens, says why, and lets
  // headquarters choose the files.
  let targetError = null;
  let files = [];
  let folder = '';
  let path = '';
  try {
    const target = await consolidateTarget();
    files = [...target.workbooks];
    folder = target.folder;
    path = target.path;
  } catch (error) {
    targetError = error;
  }
  let running = false;

  const count = h('span', { class: 'consolidate-count muted', testid: 'consolidate-count', aria: { live: 'polite' } });
  const addBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'consolidate-add' },
    icon('plus'), h('span', { text: t('consolidate.add') }));
  const clearBtn = h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'consolidate-clear', text: t('consolidate.clear') });
  const list = h('ul', { class: 'consolidate-files', testid: 'consolidate-files', aria: { label: t('consolidate.workbooks') } });
  const filesBox = h('div', { class: 'consolidate-inputs' },
    h('div', { class: 'consolidate-inputs-head' },
      h('span', { class: 'field-label', text: t('consolidate.workbooks') }), count, addBtn, clearBtn),
    list);

  const pathRow = savePathRow({ prefix: 'consolidate', empty: t('consolidate.noPath'), onChange: changePath });
  const progress = progressBar({ testid: 'consolidate-progress' });

  const outcome = h('div', { class: 'export-outcome consolidate-outcome', testid: 'consolidate-outcome', hidden: true });
  const errorBox = h('p', { class: 'form-error', role: 'alert', testid: 'consolidate-error', hidden: true });

  const cancelBtn = h('button', { type: 'button', class: 'btn', testid: 'consolidate-cancel', text: t('common.cancel') });
  const startBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'consolidate-start' },
    icon('download'), h('span', { text: t('consolidate.start') }));
  const actions = h('div', { class: 'dialog-actions' }, cancelBtn, startBtn);

  const form = h('form', { class: 'dialog-form', method: 'dialog' },
    h('h2', { class: 'dialog-title', id: 'consolidate-title', text: t('consolidate.title') }),
    h('p', { class: 'dialog-text', text: t('consolidate.lead') }),
    filesBox,
    pathRow.row,
    progress.box,
    outcome,
    errorBox,
    actions);
  const dialog = h('dialog', { class: 'dialog dialog-export dialog-consolidate', testid: 'consolidate-dialog', aria: { labelledby: 'consolidate-title' } }, form);

  function drawFiles() {
    clear(list);
    if (!files.length) {
      list.append(h('li', { class: 'consolidate-none muted', testid: 'consolidate-none', text: t('consolidate.none') }));
    }
    for (const file of files) {
      const remove = h('button', {
        type: 'button',
        class: 'btn btn-small btn-ghost btn-icon',
        testid: 'consolidate-remove',
        aria: { label: t('consolidate.removeNamed', { file: baseName(file) }) },
      }, icon('close'));
      remove.addEventListener('click', () => {
        files = files.filter((f) => f !== file);
        drawFiles();
      });
      list.append(h('li', { class: 'consolidate-file', testid: 'consolidate-file', title: file },
        icon('file'), h('span', { class: 'consolidate-file-name', dir: 'auto', text: baseName(file) }), remove));
    }
    count.textContent = t('consolidate.count', { count: files.length });
    clearBtn.hidden = files.length === 0;
  }
  function setControlsEnabled(enabled) {
    for (const control of form.querySelectorAll('input, button')) control.disabled = !enabled;
  }
  function showError(error) {
    // "Nothing could be consolidated" lists each file's reason, in the core's words.
    errorBox.textContent = error?.field === 'inputs' && error.message ? error.message : errorText(error);
    errorBox.hidden = false;
  }

  async function changePath() {
    try {
      const chosen = await chooseExportPath(path, t('consolidate.saveTitle'), t('export.filterName'));
      if (chosen) {
        path = chosen;
        pathRow.set(path);
      }
    } catch (error) {
      showError(error);
    }
  }

  drawFiles();
  pathRow.set(path);

  return new Promise((resolve) => {
    const finish = () => {
      if (running) return; // the file is being written: closing would hide, not stop, it
      if (close()) resolve();
    };
    const close = showModal(dialog, { onCancel: finish });
    cancelBtn.addEventListener('click', finish);

    addBtn.addEventListener('click', async () => {
      try {
        const chosen = await chooseConsolidateFiles(folder, t('consolidate.dialogTitle'), t('export.filterName'));
        for (const file of chosen) if (!files.includes(file)) files.push(file);
        if (chosen.length) folder = folderOf(chosen[0]);
        drawFiles();
      } catch (error) {
        showError(error);
      }
    });
    clearBtn.addEventListener('click', () => {
      files = [];
      drawFiles();
      addBtn.focus();
    });

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (running) return;
      if (!files.length) {
        showError({ message: t('consolidate.none') });
        return;
      }
      if (!path) {
        showError({ message: t('consolidate.noPath') });
        return;
      }
      running = true;
      errorBox.hidden = true;
      outcome.hidden = true;
      setControlsEnabled(false);
      progress.start(t('consolidate.starting'));
      try {
        const done = await consolidateWorkbooks(files, path, onProgress);
        showDone(done);
      } catch (error) {
        showError(error);
        setControlsEnabled(true);
      } finally {
        running = false;
        progress.hide();
      }
    });

    function onProgress({ step, done, total, item }) {
      progress.set(done, total, step === 'reading'
        ? t('consolidate.reading', { file: item, done: formatNumber(done), total: formatNumber(total) })
        : t('export.progress', { sheet: item, done: formatNumber(done), total: formatNumber(total) }));
    }

    /** Why a file was left out: the interface's words for its code where there are some. */
    function reason(left) {
      if (left.kept) return t('consolidate.reason.duplicate', { kept: baseName(left.kept) });
      const key = `consolidate.reason.${left.code}`;
      return has(key) ? t(key) : left.reason;
    }

    function showDone(done) {
      clear(outcome);
      const leftOut = [...done.dropped, ...done.skipped];
      outcome.append(
        h('p', { class: 'export-done' }, icon('check'), h('span', { text: t('consolidate.done') })),
        h('p', { class: 'export-file', dir: 'auto', testid: 'consolidate-file-written', title: done.path, text: baseName(done.path) }),
        h('p', { testid: 'consolidate-included', text: t('consolidate.included', { count: done.included.length }) }),
        h('p', { class: 'muted', testid: 'consolidate-people', text: t('consolidate.people', {
          count: done.peopleReached,
          participants: formatNumber(done.participants),
          returning: formatNumber(done.returning),
        }) }));
      // Workbooks changed by hand after their export are in, as they are: said beside their name.
      const edited = done.included.filter((w) => w.editedSheets.length);
      if (edited.length) {
        outcome.append(
          h('p', { class: 'consolidate-left-title', text: t('consolidate.editedTitle', { count: edited.length }) }),
          h('ul', { class: 'consolidate-left', testid: 'consolidate-edited' },
            edited.map((w) => h('li', { class: 'consolidate-left-item', testid: 'consolidate-edited-item' },
              h('span', { class: 'consolidate-left-file', dir: 'auto', text: baseName(w.file) }),
              h('span', { class: 'tag tag-warn', text: t('consolidate.editedTag') }),
              h('span', { class: 'consolidate-left-reason', text: t('consolidate.edited', { sheets: w.editedSheets.join(', ') }) })))));
      }
      if (leftOut.length) {
        outcome.append(
          h('p', { class: 'consolidate-left-title', text: t('consolidate.leftOut', { count: leftOut.length }) }),
          h('ul', { class: 'consolidate-left', testid: 'consolidate-left-out' },
            leftOut.map((left) => h('li', { class: 'consolidate-left-item', testid: 'consolidate-left-item', title: left.reason },
              h('span', { class: 'consolidate-left-file', dir: 'auto', text: baseName(left.file) }),
              h('span', { class: ['tag', left.kept ? 'tag-muted' : 'tag-warn'], text: t(left.kept ? 'consolidate.dropped' : 'consolidate.skipped') }),
              h('span', { class: 'consolidate-left-reason', text: reason(left) })))));
      }
      outcome.hidden = false;
      filesBox.hidden = true;
      pathRow.row.hidden = true;
      showDoneActions(actions, { prefix: 'consolidate', path: done.path, onClose: finish, onError: showError });
    }

    if (targetError) showError(targetError);
    (files.length ? startBtn : addBtn).focus();
  });
}
