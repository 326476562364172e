// "Export report…": the facilitator chooses what goes in (a report for headquarters, or a full
// transfer to another laptop) and where it is saved, watches the rows being written, and can show
// the file in its folder. The export runs in the shell, off this window's thread.
import { h, clear, icon } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { showModal } from '../components/modal.js';
import { savePathRow, progressBar, showDoneActions } from '../components/file-job.js';
import { exportTarget, chooseExportPath, exportWorkbook } from '../api.js';
import { errorText } from '../errors.js';

const PROFILES = ['report', 'full'];

/** Opens the dialog for `workshop`; resolves when it is closed. */
export async function openExportDialog(workshop) {
  // Without a proposal (the workshop is gone, the database is unavailable) the dialog still
  // opens, says why, and lets the facilitator choose a file.
  let targetError = null;
  let path = '';
  try {
    path = (await exportTarget(workshop.id)).path;
  } catch (error) {
    targetError = error;
  }
  let profile = 'report';
  let running = false;

  const profileChoices = h('fieldset', { class: 'export-profiles' },
    h('legend', { class: 'field-label', text: t('export.profileLabel') }),
    PROFILES.map((key) => {
      const id = `export-profile-${key}`;
      const radio = h('input', { type: 'radio', name: 'export-profile', id, value: key, testid: id, checked: key === profile });
      radio.addEventListener('change', () => {
        profile = key;
        drawProfile();
      });
      return h('label', { class: ['export-profile', `export-profile-${key}`], for: id },
        radio,
        h('span', { class: 'export-profile-text' },
          h('span', { class: 'export-profile-name', text: t(`export.profile.${key}`) }),
          h('span', { class: 'export-profile-hint', text: t(`export.profile.${key}Hint`) })));
    }));
  const personalDataWarning = h('p', { class: 'export-warning', role: 'note', testid: 'export-personal-data', hidden: true },
    icon('lock'), h('span', { text: t('export.personalData') }));

  const pathRow = savePathRow({ prefix: 'export', empty: t('export.noPath'), onChange: changePath });
  const progress = progressBar({ testid: 'export-progress' });

  const outcome = h('div', { class: 'export-outcome', testid: 'export-outcome', hidden: true });
  const errorBox = h('p', { class: 'form-error', role: 'alert', testid: 'export-error', hidden: true });

  const cancelBtn = h('button', { type: 'button', class: 'btn', testid: 'export-cancel', text: t('common.cancel') });
  const exportBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'export-start' },
    icon('download'), h('span', { text: t('export.start') }));
  const actions = h('div', { class: 'dialog-actions' }, cancelBtn, exportBtn);

  const form = h('form', { class: 'dialog-form', method: 'dialog' },
    h('h2', { class: 'dialog-title', id: 'export-title', text: t('export.title') }),
    h('p', { class: 'dialog-text', text: t('export.lead') }),
    profileChoices,
    personalDataWarning,
    pathRow.row,
    progress.box,
    outcome,
    errorBox,
    actions);
  const dialog = h('dialog', { class: 'dialog dialog-export', testid: 'export-dialog', aria: { labelledby: 'export-title' } }, form);

  function drawProfile() {
    personalDataWarning.hidden = profile !== 'full';
  }
  function setControlsEnabled(enabled) {
    for (const control of form.querySelectorAll('input, button')) control.disabled = !enabled;
  }
  function showError(error) {
    errorBox.textContent = errorText(error);
    errorBox.hidden = false;
  }

  async function changePath() {
    try {
      const chosen = await chooseExportPath(path, t('export.dialogTitle'), t('export.filterName'));
      if (chosen) {
        path = chosen;
        pathRow.set(path);
      }
    } catch (error) {
      showError(error);
    }
  }

  drawProfile();
  pathRow.set(path);

  return new Promise((resolve) => {
    const finish = () => {
      if (running) return; // the file is being written: closing would hide, not stop, it
      if (close()) resolve();
    };
    const close = showModal(dialog, { onCancel: finish });
    cancelBtn.addEventListener('click', finish);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (running) return;
      if (!path) {
        showError({ message: t('export.noPath') });
        return;
      }
      running = true;
      errorBox.hidden = true;
      outcome.hidden = true;
      setControlsEnabled(false);
      progress.start(t('export.starting'));
      try {
        const exported = await exportWorkbook(workshop.id, profile, path, onProgress);
        showDone(exported);
      } catch (error) {
        showError(error);
        setControlsEnabled(true);
      } finally {
        running = false;
        progress.hide();
      }
    });

    function onProgress({ done, total, sheet }) {
      progress.set(done, total, t('export.progress', { sheet, done: formatNumber(done), total: formatNumber(total) }));
    }

    function showDone(exported) {
      const rows = exported.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
      const fileName = exported.path.split(/[\\/]/).pop();
      clear(outcome);
      outcome.append(
        h('p', { class: 'export-done' }, icon('check'),
          h('span', { text: t('export.done') })),
        h('p', { class: 'export-file', dir: 'auto', testid: 'export-file', title: exported.path, text: fileName }),
        h('p', { class: 'muted', text: t('export.doneCounts', { sheets: exported.sheets.length, rows: formatNumber(rows) }) }));
      outcome.hidden = false;
      profileChoices.hidden = true;
      personalDataWarning.hidden = true;
      pathRow.row.hidden = true;
      showDoneActions(actions, { prefix: 'export', path: exported.path, onClose: finish, onError: showError });
    }

    if (targetError) showError(targetError);
    exportBtn.focus();
  });
}
