// The workshop list: open, edit, archive/unarchive, show archived, create, open the demo.
import { h, icon, clear } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { state } from '../state.js';
import { countryName } from '../countries.js';
import { formatDayRange } from '../format.js';
import { showToast } from '../components/toast.js';
import { openExportDialog } from './export-report.js';
import { consolidateButton } from './consolidate.js';
import { importButton } from './import-workbook.js';

/** Creates (or reopens) the demo workshop and goes to its participants. Shared with the welcome screen. */
export async function openDemo(ctx, button) {
  button.disabled = true;
  try {
    const workshop = await api.createDemoWorkshop();
    ctx.setWorkshop(workshop);
    ctx.navigate(`#/workshops/${encodeURIComponent(workshop.id)}`);
  } catch (err) {
    ctx.showError(err);
  } finally {
    button.disabled = false;
  }
}

export async function render(params, ctx) {
  let showArchived = params.restore?.showArchived ?? params.query.get('archived') === '1';
  let list = await api.listWorkshops(showArchived);

  // The real first run: nothing yet, not even archived workshops.
  if (!list.length && !showArchived) {
    const any = await api.listWorkshops(true);
    if (!any.length) {
      location.replace('#/welcome');
      return { root: h('div') };
    }
  }

  const listEl = h('ul', { class: 'workshop-list', testid: 'workshop-list', aria: { label: t('workshops.title') } });
  const archivedToggle = h('input', { type: 'checkbox', id: 'show-archived', testid: 'show-archived', checked: showArchived });
  const createBtn = h('a', { class: 'btn btn-primary', href: '#/workshops/new', testid: 'create-workshop' },
    icon('plus'), h('span', { text: t('workshops.create') }));
  const demoBtn = h('button', { type: 'button', class: 'btn', testid: 'open-demo' },
    icon('sparkle'), h('span', { text: t('workshops.openDemo') }));
  demoBtn.addEventListener('click', () => openDemo(ctx, demoBtn));

  archivedToggle.addEventListener('change', async () => {
    showArchived = archivedToggle.checked;
    await reload();
  });

  async function reload() {
    try {
      list = await api.listWorkshops(showArchived);
      draw();
    } catch (err) {
      ctx.showError(err);
    }
  }

  async function open(workshop) {
    try {
      const opened = await api.openWorkshop(workshop.id);
      ctx.setWorkshop(opened);
      ctx.navigate(`#/workshops/${encodeURIComponent(opened.id)}`);
    } catch (err) {
      ctx.showError(err);
    }
  }

  async function setArchived(workshop, archived) {
    try {
      const updated = await api.setWorkshopArchived(workshop.id, archived);
      if (state.workshop?.id === updated.id) ctx.setWorkshop(archived ? null : updated);
      showToast(t(archived ? 'workshops.archivedToast' : 'workshops.unarchivedToast', { title: updated.title }), {
        action: { label: t('common.undo'), testid: 'undo-archive', onClick: () => setArchived(updated, !archived) },
      });
      await reload();
      listEl.querySelector(`[data-id="${CSS.escape(updated.id)}"] .btn-primary, [data-id="${CSS.escape(updated.id)}"] button`)?.focus();
    } catch (err) {
      ctx.showError(err);
    }
  }

  function item(w) {
    const archived = Boolean(w.archivedAt);
    const isOpen = state.workshop?.id === w.id;
    const place = [w.venueCity, countryName(w.country)].filter(Boolean).join(', ');
    const openBtn = h('button', { type: 'button', class: 'btn btn-primary btn-small', testid: 'workshop-open', text: t('workshops.open') });
    openBtn.addEventListener('click', () => open(w));
    const titleId = `workshop-title-${w.id}`;
    return h('li', { class: ['workshop-item', archived && 'is-archived', isOpen && 'is-open'], testid: 'workshop-item', data: { id: w.id }, aria: { labelledby: titleId } },
      h('div', { class: 'workshop-item-main' },
        h('h2', { class: 'workshop-item-title', id: titleId, dir: 'auto' },
          h('span', { text: w.title }),
          archived && h('span', { class: 'tag tag-muted', text: t('workshops.archivedTag') }),
          isOpen && h('span', { class: 'tag tag-accent', text: t('workshops.openTag') })),
        h('p', { class: 'workshop-item-meta' },
          place && h('span', { class: 'meta' }, icon('pin'), h('span', { dir: 'auto', text: place })),
          h('span', { class: 'meta' }, icon('calendar'), h('span', { text: formatDayRange(w.startDate, w.endDate) })),
          w.programmeCode && h('span', { class: 'meta meta-code', text: w.programmeCode }))),
      h('div', { class: 'workshop-item-count' },
        h('span', { class: 'count-number', text: String(w.participantCount ?? 0) }),
        h('span', { class: 'count-label', text: t('workshops.participantCount', { count: w.participantCount ?? 0 }) })),
      h('div', { class: 'workshop-item-actions' },
        !archived && openBtn,
        h('a', {
          class: 'btn btn-small btn-ghost',
          href: `#/workshops/${encodeURIComponent(w.id)}/edit?from=list`,
          testid: 'workshop-edit',
          aria: { label: t('workshops.editNamed', { title: w.title }) },
        }, icon('edit'), h('span', { text: t('common.edit') })),
        h('button', {
          type: 'button',
          class: 'btn btn-small btn-ghost',
          testid: 'workshop-export',
          aria: { label: t('export.buttonNamed', { title: w.title }) },
          on: { click: () => openExportDialog(w) },
        }, icon('download'), h('span', { text: t('export.short') })),
        h('button', {
          type: 'button',
          class: 'btn btn-small btn-ghost',
          testid: 'workshop-archive',
          aria: { label: t(archived ? 'workshops.unarchiveNamed' : 'workshops.archiveNamed', { title: w.title }) },
          on: { click: () => setArchived(w, !archived) },
        }, icon(archived ? 'restore' : 'archive'), h('span', { text: t(archived ? 'workshops.unarchive' : 'workshops.archive') }))));
  }

  function draw() {
    clear(listEl);
    if (!list.length) {
      listEl.append(h('li', { class: 'empty-note', text: t('workshops.noneActive') }));
      return;
    }
    for (const w of list) listEl.append(item(w));
  }
  draw();

  const root = h('section', { class: 'view view-workshops' },
    h('div', { class: 'view-head' },
      h('div', {},
        h('h1', { class: 'view-title', tabindex: -1, text: t('workshops.title') }),
        h('p', { class: 'view-subtitle muted', text: t('workshops.subtitle') })),
      h('div', { class: 'view-actions' }, demoBtn, createBtn)),
    h('div', { class: 'toolbar' },
      h('label', { class: 'check', for: 'show-archived' }, archivedToggle, h('span', { text: t('workshops.showArchived') })),
      // Workbooks come and go between laptops and headquarters: beside the list, not above it.
      h('div', { class: 'toolbar-end', role: 'group', aria: { label: t('workshops.workbooks') } },
        importButton(ctx, { small: true }), consolidateButton({ small: true }))),
    listEl);

  return {
    root,
    snapshot: () => ({ showArchived }),
    focus: () => (listEl.querySelector('[data-testid="workshop-open"]') ?? createBtn).focus(),
  };
}
