// Backups: the list of snapshots, "Back up now", restore (after a confirmation that says the current
// state is snapshotted first), and where the data lives (app_info).
import { h, icon, clear } from '../dom.js';
import { t, has } from '../i18n.js';
import * as api from '../api.js';
import { state } from '../state.js';
import { formatDateTime, formatBytes } from '../format.js';
import { showToast, clearToasts } from '../components/toast.js';
import { confirmDialog } from '../components/confirm-dialog.js';

function reasonLabel(reason) {
  return has(`backups.reason.${reason}`) ? t(`backups.reason.${reason}`) : String(reason ?? '');
}

export async function render(_params, ctx) {
  let [backups, info] = await Promise.all([api.listBackups(), api.appInfo().catch(() => state.info)]);
  if (info) state.info = info;

  const body = h('tbody');
  const table = h('table', { class: 'data-table data-table-backups', testid: 'backup-list', aria: { labelledby: 'backups-heading' } },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('backups.col.time') }),
      h('th', { scope: 'col', text: t('backups.col.reason') }),
      h('th', { scope: 'col', class: 'num', text: t('backups.col.size') }),
      h('th', { scope: 'col', class: 'col-actions' }, h('span', { class: 'sr-only', text: t('backups.col.actions') })))),
    body);
  const empty = h('p', { class: 'empty-note', hidden: true, text: t('backups.none') });

  const nowBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'backup-now' }, icon('backup'), h('span', { text: t('backups.now') }));
  nowBtn.addEventListener('click', async () => {
    nowBtn.disabled = true;
    try {
      const b = await api.createBackup();
      await reload();
      showToast(t('backups.createdToast', { time: formatDateTime(b.takenAt, { seconds: true }) }));
    } catch (err) {
      ctx.showError(err);
    } finally {
      nowBtn.disabled = false;
    }
  });

  async function reload() {
    backups = await api.listBackups();
    draw();
  }

  async function restore(b, button) {
    const ok = await confirmDialog({
      title: t('backups.confirmTitle'),
      body: [
        t('backups.confirmText', { time: formatDateTime(b.takenAt, { seconds: true }), reason: reasonLabel(b.reason) }),
        t('backups.confirmSafety'),
      ],
      confirmLabel: t('backups.restore'),
      confirmTestid: 'backup-restore-confirm',
    });
    if (!ok) {
      button.focus();
      return;
    }
    try {
      await api.restoreBackup(b.file);
      // The database changed under us: reload the open workshop (it may not exist in that backup).
      const current = await api.currentWorkshop().catch(() => null);
      ctx.setWorkshop(current);
      // Everything that could be undone before the restore is gone or back already.
      clearToasts();
      showToast(t('backups.restoredToast', { time: formatDateTime(b.takenAt, { seconds: true }) }));
      ctx.navigate(current ? `#/workshops/${encodeURIComponent(current.id)}` : '#/workshops');
    } catch (err) {
      ctx.showError(err);
      await reload().catch(() => {});
    }
  }

  function draw() {
    clear(body);
    empty.hidden = backups.length > 0;
    for (const b of backups) {
      const restoreBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'backup-restore',
        aria: { label: t('backups.restoreNamed', { time: formatDateTime(b.takenAt, { seconds: true }) }) } }, icon('restore'), h('span', { text: t('backups.restore') }));
      restoreBtn.addEventListener('click', () => restore(b, restoreBtn));
      body.append(h('tr', { testid: 'backup-row', data: { file: b.file } },
        h('td', { class: 'nowrap', title: b.file }, h('time', { dateTime: b.takenAt, text: formatDateTime(b.takenAt, { seconds: true }) })),
        h('td', {}, h('span', { class: `tag tag-reason reason-${String(b.reason).replace(/[^a-z-]/g, '')}`, text: reasonLabel(b.reason) })),
        h('td', { class: 'num nowrap', text: formatBytes(b.sizeBytes) }),
        h('td', { class: 'col-actions' }, restoreBtn)));
    }
  }
  draw();

  const infoRow = (label, value, testid) => h('div', { class: 'info-row' },
    h('dt', { text: label }), h('dd', {}, h('code', { class: 'path', testid, text: value ?? '' })));

  const root = h('section', { class: 'view view-backups' },
    h('div', { class: 'view-head' },
      h('div', {},
        h('h1', { class: 'view-title', id: 'backups-heading', tabindex: -1, text: t('backups.title') }),
        h('p', { class: 'view-subtitle muted', text: t('backups.subtitle') })),
      h('div', { class: 'view-actions' }, nowBtn)),
    h('div', { class: 'backups-layout' },
      h('div', { class: 'card card-flush' }, h('div', { class: 'table-wrap' }, table, empty)),
      h('aside', { class: 'card app-info', testid: 'app-info' },
        h('h2', { class: 'panel-title', text: t('backups.aboutTitle') }),
        h('dl', { class: 'info-list' },
          infoRow(t('backups.version'), info?.version, 'app-version'),
          infoRow(t('backups.dataDir'), info?.dataDir, 'app-data-dir'),
          infoRow(t('backups.databasePath'), info?.databasePath, 'app-database-path'),
          infoRow(t('backups.deviceId'), info?.deviceId, 'app-device-id')),
        h('p', { class: 'muted small', text: t('backups.aboutText') }))));

  return { root, focus: () => nowBtn.focus() };
}
