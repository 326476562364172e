// The main working screen of a workshop: the participant list (search, sort, open, delete with undo,
// the deleted ones with restore) and the summary panel, which refreshes after every change.
import { h, icon, clear, debounce, isTypingTarget } from '../dom.js';
import { t, collator } from '../i18n.js';
import * as api from '../api.js';
import { countryName } from '../countries.js';
import { formatDayRange, formatDateTime, sexLabel, roleLabel } from '../format.js';
import { showToast } from '../components/toast.js';
import { createSummaryPanel } from './summary.js';
import { createParticipantForm } from './participant-form.js';
import { openExportDialog } from './export-report.js';
import { printIcon } from '../print.js';

// Sortable columns: key, label key, and the text each row is sorted by.
const COLUMNS = [
  // Names in many scripts sort together as they read in Latin letters (the transliteration).
  { key: 'name', label: 'participants.col.name', value: (p) => p.nameLatin || p.fullName },
  { key: 'latin', label: 'participants.col.latin', value: (p) => p.nameLatin },
  { key: 'sex', label: 'participants.col.sex', value: (p) => sexLabel(p.sex) },
  { key: 'country', label: 'participants.col.country', value: (p) => countryName(p.country, p.countryName) },
  { key: 'organisation', label: 'participants.col.organisation', value: (p) => p.organisation },
  { key: 'role', label: 'participants.col.role', value: (p) => roleLabel(p.role) },
  { key: 'badge', label: 'participants.col.badge', value: (p) => p.badgeCode },
];

export async function render(params, ctx) {
  // Opening a workshop by its address also makes it the remembered one.
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  const restore = params.restore ?? {};

  let query = restore.query ?? '';
  let sort = restore.sort ?? { key: 'name', dir: 'asc' };
  let showDeleted = Boolean(restore.showDeleted);
  let rows = [];
  let loadSeq = 0;
  const undoToasts = new Map(); // participant id → dismiss() of its "Deleted … Undo" toast

  const summary = createSummaryPanel(workshopId, ctx);
  const form = createParticipantForm({ workshopId, ctx, onSaved: () => refreshAll() });

  // ----- toolbar -----
  const search = h('input', {
    type: 'search',
    class: 'input input-search',
    testid: 'participant-search',
    value: query,
    placeholder: t('participants.searchPlaceholder'),
    aria: { label: t('participants.searchLabel'), keyshortcuts: '/' },
    autocomplete: 'off',
    attrs: { spellcheck: 'false' },
  });
  const runSearch = debounce(() => loadList(), 120);
  search.addEventListener('input', () => {
    query = search.value;
    runSearch();
  });
  search.addEventListener('keydown', (e) => {
    // Down arrow from the search box goes to the first row.
    if (e.key === 'ArrowDown') {
      const first = listBody.querySelector('tr[tabindex]');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });

  const newBtn = h('button', {
    type: 'button',
    class: 'btn btn-primary',
    testid: 'new-participant',
    title: t('participants.newShortcut'),
    aria: { keyshortcuts: 'N Control+N' },
  }, icon('plus'), h('span', { text: t('participants.new') }), h('kbd', { class: 'kbd', text: 'N' }));
  newBtn.addEventListener('click', () => form.openNew());

  const tabRegistered = h('button', { type: 'button', role: 'tab', class: 'tab', testid: 'show-registered' });
  const tabDeleted = h('button', { type: 'button', role: 'tab', class: 'tab', testid: 'show-deleted' },
    icon('trash'), h('span', { text: t('participants.deletedTab') }));
  tabRegistered.addEventListener('click', () => setTab(false));
  tabDeleted.addEventListener('click', () => setTab(true));
  const tabs = h('div', { class: 'tabs', role: 'tablist', aria: { label: t('participants.listsLabel') } }, tabRegistered, tabDeleted);
  tabs.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      setTab(!showDeleted);
      (showDeleted ? tabDeleted : tabRegistered).focus();
    }
  });

  function drawTabs() {
    tabRegistered.replaceChildren(icon('users'), h('span', { text: t('participants.registeredTab') }),
      summary.summary ? h('span', { class: 'tab-count', text: String(summary.summary.total) }) : null);
    for (const [tab, selected] of [[tabRegistered, !showDeleted], [tabDeleted, showDeleted]]) {
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.classList.toggle('is-selected', selected);
    }
  }

  async function setTab(deleted) {
    if (showDeleted === deleted) return;
    showDeleted = deleted;
    drawTabs();
    drawHead();
    await loadList();
  }

  // ----- the table -----
  const listHead = h('thead');
  const listBody = h('tbody');
  const table = h('table', { class: 'data-table', testid: 'participant-list', aria: { labelledby: 'participants-heading' } }, listHead, listBody);
  const emptyNote = h('div', { class: 'empty-note', hidden: true, testid: 'participants-empty' });
  const tableWrap = h('div', { class: 'table-wrap' }, table, emptyNote);

  function drawHead() {
    table.setAttribute('data-testid', showDeleted ? 'deleted-list' : 'participant-list');
    table.classList.toggle('data-table-participants', !showDeleted);
    clear(listHead);
    if (showDeleted) {
      listHead.append(h('tr', {},
        h('th', { scope: 'col', text: t('participants.col.name') }),
        h('th', { scope: 'col', text: t('participants.col.organisation') }),
        h('th', { scope: 'col', text: t('participants.col.country') }),
        h('th', { scope: 'col', text: t('participants.col.deletedAt') }),
        h('th', { scope: 'col', class: 'col-actions' }, h('span', { class: 'sr-only', text: t('participants.col.actions') }))));
      return;
    }
    listHead.append(h('tr', {},
      COLUMNS.map((col) => {
        const active = sort.key === col.key;
        const btn = h('button', { type: 'button', class: 'sort-button', testid: `sort-${col.key}`, title: t(col.label) },
          h('span', { text: t(col.label) }),
          h('span', { class: 'sort-arrow', aria: { hidden: 'true' }, text: active ? (sort.dir === 'asc' ? '▲' : '▼') : '' }));
        btn.addEventListener('click', () => {
          sort = { key: col.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' };
          drawHead();
          drawRows();
          listHead.querySelector(`[data-testid="sort-${col.key}"]`)?.focus();
        });
        return h('th', {
          scope: 'col',
          class: `col-${col.key}`,
          aria: { sort: active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' },
        }, btn);
      }),
      h('th', { scope: 'col', class: 'col-actions' }, h('span', { class: 'sr-only', text: t('participants.col.actions') }))));
  }

  function sorted(list) {
    const col = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
    const cmp = collator();
    const factor = sort.dir === 'desc' ? -1 : 1;
    // Empty values go last whichever way the column is sorted.
    return [...list].sort((a, b) => {
      const va = col.value(a) ?? '';
      const vb = col.value(b) ?? '';
      if (!va !== !vb) return va ? -1 : 1;
      return factor * cmp.compare(va, vb) || cmp.compare(a.fullName, b.fullName);
    });
  }

  function participantRow(p) {
    const del = h('button', {
      type: 'button',
      class: 'btn-icon btn-icon-danger',
      testid: 'participant-delete',
      title: t('participants.deleteNamed', { name: p.fullName }),
      aria: { label: t('participants.deleteNamed', { name: p.fullName }) },
    }, icon('trash'));
    del.addEventListener('click', (e) => {
      e.stopPropagation();
      remove(p);
    });
    const tr = h('tr', { testid: 'participant-row', tabindex: 0, data: { id: p.id }, aria: { label: p.fullName } },
      h('td', { class: 'col-name' }, h('div', { class: 'name-cell' },
        h('span', { class: 'cell-name', dir: 'auto', title: p.fullName, text: p.fullName }),
        p.isYouth ? h('span', { class: 'tag tag-youth', title: t('participants.youthTitle', { limit: workshop.youthAgeLimit }), text: t('participants.youthTag') }) : null,
        p.needsReview ? h('span', { class: 'tag tag-warn', testid: 'walk-in-flag', title: t('walkIn.flagTitle'), text: t('walkIn.flag') }) : null)),
      h('td', { class: 'col-latin', title: p.nameLatin, text: p.nameLatin }),
      h('td', { class: 'col-sex' }, h('span', { class: `sex-dot sex-${p.sex}`, aria: { hidden: 'true' } }), h('span', { text: sexLabel(p.sex) })),
      h('td', { class: 'col-country', title: countryName(p.country, p.countryName), text: countryName(p.country, p.countryName) }),
      h('td', { class: 'col-organisation', dir: 'auto', title: p.organisation, text: p.organisation }),
      h('td', { class: 'col-role', text: roleLabel(p.role) }),
      h('td', { class: 'col-badge' }, h('code', { class: 'badge-code', text: p.badgeCode ?? '' })),
      h('td', { class: 'col-actions' }, del));
    tr.addEventListener('click', () => form.openEdit(p));
    tr.addEventListener('keydown', (e) => {
      if (e.target !== tr) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        form.openEdit(p);
      } else if (e.key === 'Delete') {
        e.preventDefault();
        remove(p);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
        if (next) next.focus();
        else if (e.key === 'ArrowUp') search.focus();
      }
    });
    return tr;
  }

  function deletedRow(p) {
    const restoreBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'restore-participant',
      aria: { label: t('participants.restoreNamed', { name: p.fullName }) } }, icon('restore'), h('span', { text: t('participants.restore') }));
    restoreBtn.addEventListener('click', () => restoreOne(p));
    return h('tr', { testid: 'deleted-row', data: { id: p.id } },
      h('td', { class: 'col-name' }, h('span', { class: 'cell-name', dir: 'auto', text: p.fullName }),
        p.nameLatin && p.nameLatin !== p.fullName ? h('span', { class: 'cell-sub muted', text: p.nameLatin }) : null),
      h('td', { dir: 'auto', text: p.organisation }),
      h('td', { text: countryName(p.country, p.countryName) }),
      h('td', { class: 'nowrap', text: p.deletedAt ? formatDateTime(p.deletedAt) : '' }),
      h('td', { class: 'col-actions' }, restoreBtn));
  }

  function drawRows() {
    const focusedId = document.activeElement?.closest?.('tr[data-id]')?.getAttribute('data-id');
    clear(listBody);
    const list = showDeleted ? rows : sorted(rows);
    for (const p of list) listBody.append(showDeleted ? deletedRow(p) : participantRow(p));
    emptyNote.hidden = list.length > 0;
    table.classList.toggle('is-empty', list.length === 0);
    if (!list.length) {
      clear(emptyNote);
      if (query.trim()) emptyNote.append(h('p', { text: t('participants.noMatch', { query: query.trim() }) }));
      else if (showDeleted) emptyNote.append(h('p', { text: t('participants.noneDeleted') }));
      else {
        const first = h('button', { type: 'button', class: 'btn btn-primary', text: t('participants.registerFirst') });
        first.addEventListener('click', () => form.openNew());
        emptyNote.append(icon('users', 'icon empty-icon'), h('p', { class: 'empty-title', text: t('participants.emptyTitle') }),
          h('p', { class: 'muted', text: t('participants.emptyText') }), first);
      }
    }
    if (focusedId) listBody.querySelector(`tr[data-id="${CSS.escape(focusedId)}"]`)?.focus();
  }

  async function loadList() {
    const seq = ++loadSeq;
    try {
      const list = await api.listParticipants(workshopId, query.trim(), showDeleted);
      if (seq !== loadSeq) return; // an older search answering late
      rows = Array.isArray(list) ? list : [];
      drawRows();
    } catch (err) {
      ctx.showError(err);
    }
  }

  async function refreshAll() {
    await Promise.all([loadList(), summary.refresh()]);
    drawTabs();
  }

  // ----- delete, undo, restore -----
  async function remove(p) {
    const row = listBody.querySelector(`tr[data-id="${CSS.escape(p.id)}"]`);
    const neighbour = row?.nextElementSibling ?? row?.previousElementSibling;
    const neighbourId = neighbour?.getAttribute('data-id');
    try {
      const deleted = await api.deleteParticipant(p.id);
      await refreshAll();
      const focusTo = neighbourId && listBody.querySelector(`tr[data-id="${CSS.escape(neighbourId)}"]`);
      (focusTo || search).focus();
      undoToasts.set(p.id, showToast(t('participants.deletedToast', { name: deleted.fullName ?? p.fullName }), {
        action: { label: t('common.undo'), testid: 'undo-delete', onClick: () => restoreOne(deleted) },
      }));
    } catch (err) {
      ctx.showError(err);
    }
  }

  async function restoreOne(p) {
    // Restored another way: its Undo would now do nothing useful.
    undoToasts.get(p.id)?.();
    undoToasts.delete(p.id);
    try {
      const restored = await api.restoreParticipant(p.id);
      await refreshAll();
      showToast(t('participants.restoredToast', { name: restored.fullName ?? p.fullName }));
    } catch (err) {
      ctx.showError(err);
    }
  }

  // ----- keyboard shortcuts: N / Ctrl+N new participant, "/" search -----
  function onKey(e) {
    if (e.defaultPrevented || e.isComposing || document.querySelector('dialog[open]')) return;
    const typing = isTypingTarget(e.target);
    const plainN = !typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 'n' || e.key === 'N');
    const ctrlN = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'n' || e.key === 'N');
    if (plainN || ctrlN) {
      e.preventDefault();
      form.openNew();
    } else if (!typing && e.key === '/' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      search.focus();
      search.select();
    }
  }
  document.addEventListener('keydown', onKey);

  // ----- the page -----
  const place = [workshop.venueCity, countryName(workshop.country)].filter(Boolean).join(', ');
  // The summary comes first in the DOM: in a narrow window it sits above the list (see app.css).
  const root = h('section', { class: 'view view-participants' },
    summary.root,
    h('div', { class: 'participants-main' },
      h('div', { class: 'workshop-head' },
        h('div', { class: 'workshop-head-text' },
          h('h1', { class: 'view-title', id: 'participants-heading', dir: 'auto', tabindex: -1, text: workshop.title }),
          h('p', { class: 'workshop-item-meta' },
            place && h('span', { class: 'meta' }, icon('pin'), h('span', { dir: 'auto', text: place })),
            h('span', { class: 'meta' }, icon('calendar'), h('span', { text: formatDayRange(workshop.startDate, workshop.endDate) })),
            workshop.programmeCode && h('span', { class: 'meta meta-code', text: workshop.programmeCode }))),
        h('div', { class: 'workshop-head-actions' },
          h('button', { type: 'button', class: 'btn btn-small', testid: 'export-report', on: { click: () => openExportDialog(workshop) } },
            icon('download'), h('span', { text: t('export.button') })),
          h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(workshopId)}/participant-list`, testid: 'open-participant-list' },
            printIcon('printer'), h('span', { text: t('list.open') })),
          h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(workshopId)}/edit`, testid: 'edit-current-workshop' },
            icon('edit'), h('span', { text: t('participants.editWorkshop') })))),
      h('div', { class: 'toolbar toolbar-participants' },
        tabs,
        h('div', { class: 'search-box' }, icon('search', 'icon search-icon'), search),
        newBtn),
      tableWrap),
    form.dialog);

  drawTabs();
  drawHead();
  await refreshAll();
  drawTabs();

  return {
    root,
    focus(opts = {}) {
      if (restore.form) form.restore(restore.form);
      // Not the search box: there "n" would be typed, and N is the walk-in shortcut.
      else if (!opts.restoring) newBtn.focus();
    },
    snapshot: () => ({ query, sort, showDeleted, form: form.snapshot() }),
    unmount() {
      document.removeEventListener('keydown', onKey);
      runSearch.cancel();
      form.destroy();
    },
  };
}
