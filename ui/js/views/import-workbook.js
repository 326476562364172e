// "Import workbook…": the facilitator picks a workbook exported by Workshop Desk (from another
// laptop, or corrected at headquarters), sees everything it would add and change — every
// conflict with both values, every value it replaces, every cell it cannot read — chooses a side
// per conflict, and applies it in one go. Nothing is saved before "Import".
import { h, clear, icon, append } from '../dom.js';
import { t, has, formatNumber } from '../i18n.js';
import { showModal } from '../components/modal.js';
import { formatDateTime, formatBytes } from '../format.js';
import { recentWorkbooks, chooseImportFile, previewImport, applyImport, openWorkshop } from '../api.js';
import { errorText } from '../errors.js';

/**
 * The "Import workbook…" button of the workshops list and the welcome screen: the dialog, then
 * the imported workshop opened (or the list shown again with it).
 */
export function importButton(ctx, { large = false, small = false } = {}) {
  const btn = h('button', { type: 'button', class: ['btn', large && 'btn-large', small && 'btn-small'], testid: 'import-workbook' },
    icon('upload'), h('span', { text: t('import.button') }));
  btn.addEventListener('click', async () => {
    const result = await openImportDialog();
    if (!result) return;
    try {
      if (result.open) {
        ctx.setWorkshop(await openWorkshop(result.workshopId));
        ctx.navigate(`#/workshops/${encodeURIComponent(result.workshopId)}`);
      } else {
        ctx.navigate('#/workshops'); // drawn again when already there
      }
    } catch (error) {
      ctx.showError(error);
    }
  });
  return btn;
}

/** How many new records and replaced values are listed before "and N more". */
const LISTED = 200;

/**
 * Opens the dialog. Resolves with `{ workshopId, open }` once a workbook was imported (`open`:
 * the facilitator asked to go to the workshop), or null.
 */
export async function openImportDialog() {
  let busy = false;
  let preview = null;
  let path = '';
  let choices = {};
  let imported = null;
  let openAfter = false;

  const title = h('h2', { class: 'dialog-title', id: 'import-title', text: t('import.title') });
  const body = h('div', { class: 'import-body' });
  const status = h('p', { class: 'import-status muted', aria: { live: 'polite' }, testid: 'import-status', hidden: true });
  const errorBox = h('div', { class: 'form-error import-error', role: 'alert', testid: 'import-error', hidden: true });
  const actions = h('div', { class: 'dialog-actions' });
  const form = h('form', { class: 'dialog-form', method: 'dialog' }, title, body, status, errorBox, actions);
  const dialog = h('dialog', { class: 'dialog dialog-import', testid: 'import-dialog', aria: { labelledby: 'import-title' } }, form);

  return new Promise((resolve) => {
    const finish = () => {
      if (busy) return; // the import is being written: it finishes either way
      if (close()) resolve(imported && { workshopId: imported, open: openAfter });
    };
    const close = showModal(dialog, { onCancel: finish });
    form.addEventListener('submit', (e) => e.preventDefault());

    function button(testid, text, { primary = false, iconName = null, onClick }) {
      const btn = h('button', { type: 'button', class: ['btn', primary && 'btn-primary'], testid },
        iconName && icon(iconName), h('span', { text }));
      btn.addEventListener('click', onClick);
      return btn;
    }

    function setBusy(on, text = '') {
      busy = on;
      status.hidden = !on;
      status.textContent = text;
      for (const control of form.querySelectorAll('input, button')) control.disabled = on;
    }

    function showError(error) {
      clear(errorBox);
      // A sentence in the interface's language, then the core's own words, which name the
      // file and what to do.
      const key = `import.error.${error?.code}`;
      const detail = errorText(error);
      if (has(key) && t(key) !== detail) errorBox.append(h('strong', { text: t(key) }), ' ');
      errorBox.append(h('span', { text: detail }));
      errorBox.hidden = false;
    }

    // --- Choosing the file --------------------------------------------------------------
    async function drawChoose() {
      title.textContent = t('import.title');
      errorBox.hidden = true;
      clear(body);
      clear(actions);
      const list = h('ul', { class: 'import-candidates', testid: 'import-candidates', aria: { label: t('import.recent') } });
      body.append(
        h('p', { class: 'dialog-text', text: t('import.lead') }),
        h('h3', { class: 'import-section-title', text: t('import.recent') }),
        list);
      actions.append(
        button('import-cancel', t('common.cancel'), { onClick: finish }),
        button('import-choose-file', t('import.chooseFile'), { iconName: 'file', onClick: chooseFile }));
      let found = [];
      try {
        found = await recentWorkbooks();
      } catch (error) {
        showError(error);
      }
      if (!found.length) {
        list.append(h('li', { class: 'empty-note', testid: 'import-no-candidates', text: t('import.noRecent') }));
      }
      for (const workbook of found) {
        const item = h('button', { type: 'button', class: 'import-candidate', testid: 'import-candidate', data: { path: workbook.path }, title: workbook.path },
          icon('file'),
          h('span', { class: 'import-candidate-text' },
            h('span', { class: 'import-candidate-name', dir: 'auto', text: workbook.fileName }),
            h('span', { class: 'import-candidate-meta muted', dir: 'auto',
              text: t('import.candidateMeta', { folder: workbook.folder, when: formatDateTime(workbook.modifiedAt), size: formatBytes(workbook.bytes) }) })));
        item.addEventListener('click', () => read(workbook.path));
        list.append(h('li', {}, item));
      }
      (list.querySelector('button') ?? actions.lastChild).focus();
    }

    async function chooseFile() {
      try {
        const chosen = await chooseImportFile(t('import.dialogTitle'), t('export.filterName'));
        if (chosen) await read(chosen);
      } catch (error) {
        showError(error);
      }
    }

    async function read(chosenPath) {
      errorBox.hidden = true;
      setBusy(true, t('import.reading'));
      try {
        preview = await previewImport(chosenPath);
        path = chosenPath;
        choices = {};
        for (const conflict of preview.conflicts) choices[conflict.key] = conflict.default;
        setBusy(false);
        drawPreview();
      } catch (error) {
        setBusy(false);
        showError(error);
      }
    }

    // --- The preview ----------------------------------------------------------------------
    function drawPreview() {
      title.textContent = t('import.previewTitle');
      clear(body);
      clear(actions);
      const p = preview;
      const nothing = p.newRecords.length + p.updates.length + p.conflicts.length === 0;
      append(body, [
        h('div', { class: 'import-file' },
          icon('file'),
          h('div', {},
            h('p', { class: 'import-file-name', dir: 'auto', testid: 'import-file-name', text: p.fileName }),
            h('p', { class: 'import-file-meta muted', dir: 'auto',
              text: t('import.fileMeta', { title: p.about.workshopTitle, when: formatDateTime(p.about.exportedAt), profile: t(`export.profile.${p.about.profile}`) }) }),
            h('span', { class: ['tag', p.workshopExists ? 'tag-accent' : 'tag-muted'], testid: 'import-kind',
              text: t(p.workshopExists ? 'import.merge' : 'import.newWorkshop') }))),
        p.editedSheets.length > 0 && h('p', { class: 'import-note', role: 'note', testid: 'import-edited' },
          icon('edit'), h('span', { text: t('import.edited', { sheets: p.editedSheets.join(', ') }) })),
        p.warnings.length > 0 && h('ul', { class: 'import-warnings', testid: 'import-warnings' },
          p.warnings.map((w) => h('li', {}, icon('alert'), h('span', { text: w })))),
        p.problems.length > 0 && problemsTable(p.problems),
        nothing && p.problems.length === 0
          ? h('p', { class: 'import-nothing', testid: 'import-nothing' }, icon('check'), h('span', { text: t('import.nothing') }))
          : countsTable(p.counts),
        p.conflicts.length > 0 && conflictsSection(p.conflicts),
        p.updates.length > 0 && updatesSection(p.updates),
        p.newRecords.length > 0 && newRecordsSection(p.newRecords)]);
      const applyBtn = button('import-apply', t('import.apply'), { primary: true, iconName: 'upload', onClick: apply });
      applyBtn.disabled = p.problems.length > 0 || (nothing && p.logEntries === 0 && p.laterUpdates === 0);
      actions.append(
        button('import-back', t('import.back'), { onClick: drawChoose }),
        button('import-cancel', t('common.cancel'), { onClick: finish }),
        applyBtn);
      (applyBtn.disabled ? actions.querySelector('[data-testid="import-cancel"]') : applyBtn).focus();
    }

    function countsTable(counts) {
      const rows = counts.filter((c) => c.new + c.updated + c.conflicts > 0);
      return h('table', { class: 'import-counts', testid: 'import-counts' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('import.sheet') }),
          h('th', { scope: 'col', class: 'num', text: t('import.new') }),
          h('th', { scope: 'col', class: 'num', text: t('import.updated') }),
          h('th', { scope: 'col', class: 'num', text: t('import.conflicts') }))),
        h('tbody', {}, rows.map((c) => h('tr', { testid: 'import-count', data: { entity: c.entity } },
          h('th', { scope: 'row', text: t(`import.entity.${c.entity}`) }),
          h('td', { class: 'num', text: formatNumber(c.new) }),
          h('td', { class: 'num', text: formatNumber(c.updated) }),
          h('td', { class: ['num', c.conflicts > 0 && 'is-conflict'], text: formatNumber(c.conflicts) })))));
    }

    function problemsTable(problems) {
      return h('div', { class: 'import-problems', role: 'alert', testid: 'import-problems' },
        h('p', {}, icon('alert'), h('strong', { text: t('import.problems', { count: problems.length }) })),
        h('table', {},
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col', text: t('import.sheet') }),
            h('th', { scope: 'col', class: 'num', text: t('import.row') }),
            h('th', { scope: 'col', text: t('import.column') }),
            h('th', { scope: 'col', text: t('import.problem') }))),
          h('tbody', {}, problems.slice(0, LISTED).map((p) => h('tr', { testid: 'import-problem' },
            h('td', { text: p.sheet }),
            h('td', { class: 'num', text: String(p.row) }),
            h('td', { text: p.cell ? `${p.column} (${p.cell})` : p.column }),
            h('td', { dir: 'auto', text: p.message }))))));
    }

    function conflictsSection(conflicts) {
      return h('section', { class: 'import-conflicts', testid: 'import-conflicts', aria: { labelledby: 'import-conflicts-title' } },
        h('h3', { class: 'import-section-title', id: 'import-conflicts-title', text: t('import.conflictsTitle', { count: conflicts.length }) }),
        h('p', { class: 'muted', text: t('import.conflictsLead') }),
        conflicts.map((c, i) => {
          const name = `import-conflict-${i}`;
          const option = (side, value, at) => {
            const id = `${name}-${side}`;
            const radio = h('input', { type: 'radio', name, id, value: side, testid: `import-keep-${side}`, checked: choices[c.key] === side });
            radio.addEventListener('change', () => { choices[c.key] = side; });
            return h('label', { class: ['import-side', `import-side-${side}`], for: id },
              radio,
              h('span', { class: 'import-side-text' },
                h('span', { class: 'import-side-label', text: t(side === 'ours' ? 'import.keepOurs' : 'import.keepTheirs') }),
                h('span', { class: 'import-value', dir: 'auto', text: shown(value) }),
                at && h('span', { class: 'muted', text: t('import.changedAt', { when: formatDateTime(at) }) }),
                c.default === side && h('span', { class: 'tag tag-muted', text: t('import.later') })));
          };
          return h('fieldset', { class: 'import-conflict', testid: 'import-conflict', data: { key: c.key } },
            h('legend', { dir: 'auto', text: `${t(`import.entity.${c.entity}`)} · ${c.label} · ${c.column}` }),
            option('ours', c.ours, c.oursAt),
            option('theirs', c.theirs, c.theirsAt));
        }));
    }

    function updatesSection(updates) {
      return h('details', { class: 'import-details', testid: 'import-updates' },
        h('summary', { text: t('import.updatesTitle', { count: updates.length }) }),
        h('ul', {}, updates.slice(0, LISTED).map((u) => h('li', { testid: 'import-update' },
          h('span', { dir: 'auto', text: `${t(`import.entity.${u.entity}`)} · ${u.label} · ${u.column}: ` }),
          h('del', { dir: 'auto', text: shown(u.old) }), ' → ', h('ins', { dir: 'auto', text: shown(u.new) }),
          u.handEdited && h('span', { class: 'tag tag-muted', text: t('import.handEdited') }))),
        more(updates.length)));
    }

    function newRecordsSection(records) {
      return h('details', { class: 'import-details', testid: 'import-new' },
        h('summary', { text: t('import.newTitle', { count: records.length }) }),
        h('ul', {}, records.slice(0, LISTED).map((r) => h('li', {},
          h('span', { dir: 'auto', text: `${t(`import.entity.${r.entity}`)} · ${r.label || '—'}` }),
          r.handAdded && h('span', { class: 'tag tag-muted', text: t('import.handAdded') }))),
        more(records.length)));
    }

    function more(total) {
      return total > LISTED ? h('li', { class: 'muted', text: t('import.more', { count: total - LISTED }) }) : null;
    }

    function shown(value) {
      if (value === null || value === undefined || value === '') return t('import.empty');
      if (value === true) return t('common.yes');
      if (value === false) return t('common.no');
      if (Array.isArray(value)) return value.length ? value.join(', ') : t('import.empty');
      return String(value);
    }

    // --- Applying -------------------------------------------------------------------------
    async function apply() {
      errorBox.hidden = true;
      setBusy(true, t('import.applying'));
      try {
        const report = await applyImport(path, preview.fingerprint, choices);
        imported = report.preview.about.workshopId;
        setBusy(false);
        drawDone(report);
      } catch (error) {
        setBusy(false);
        showError(error);
      }
    }

    function drawDone(report) {
      title.textContent = t('import.doneTitle');
      clear(body);
      clear(actions);
      const p = report.preview;
      append(body, [
        h('div', { class: 'import-outcome', testid: 'import-outcome' },
          h('p', { class: 'export-done' }, icon('check'), h('span', {
            text: report.applied
              ? t('import.done', { added: formatNumber(p.newRecords.length), updated: formatNumber(report.valuesTaken) })
              : t('import.nothing'),
          })),
          report.backupFile && h('p', { class: 'muted', dir: 'auto', testid: 'import-backup', text: t('import.backup', { file: report.backupFile }) }),
          report.notes.length > 0 && h('ul', { class: 'import-warnings' }, report.notes.map((n) => h('li', {}, icon('alert'), h('span', { text: n })))))]);
      const closeBtn = button('import-close', t('common.close'), { onClick: finish });
      const openBtn = button('import-open-workshop', t('import.openWorkshop'), {
        primary: true,
        onClick: () => {
          openAfter = true;
          finish();
        },
      });
      actions.append(closeBtn, openBtn);
      openBtn.focus();
    }

    drawChoose();
  });
}
