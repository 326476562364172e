// The working groups of the open workshop: its groupings (by sub-region on day 2, by theme on
// day 4…) as tabs; each group a column with its members, its size and its sex balance, beside
// the participants in no group ("Unassigned"). People move between groups by drag and drop, or
// from the keyboard (keys.js). A new grouping starts as a draft (draft.js). Every stored edit is
// one undoable step: Ctrl+Z / Ctrl+Shift+Z, or the Undo and Redo buttons.
//
// The screen's parts share `page`: the groupings as last read, the one shown, the draft, and
// what every part may call.
import { h, icon, clear } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { workshopHead } from '../../components/workshop-head.js';
import { createUndoBar } from '../../undo.js';
import { draftModel, groupingModel } from './model.js';
import { createTabs } from './tabs.js';
import { createDraft } from './draft.js';
import { createColumns } from './columns.js';
import { createDragAndDrop } from './drag.js';
import { createMoveMenu } from './move-menu.js';
import { createEdits } from './edits.js';
import { listenForMemberKeys } from './keys.js';

/** The grouping last shown, per workshop, so coming back shows the same one. */
const lastGrouping = new Map();

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  const restore = params.restore ?? {};

  const page = {
    workshopId,
    ctx,
    groupings: await api.listGroupings(workshopId),
    selectedId: restore.selectedId ?? lastGrouping.get(workshopId) ?? null,
    /** True while a move or the creation of a grouping is on its way (another waits). */
    busy: false,
    selected: () => page.groupings.find((g) => g.id === page.selectedId) ?? null,
    model,
    reload,
    draw,
    select,
    replaceGrouping,
    summaryText,
    focusMember,
  };
  keepSelectionValid();

  /** What the board draws: the draft if there is one, else the grouping shown, else null. */
  function model() {
    if (page.draft) return draftModel(page.draft, page.people());
    const g = page.selected();
    return g ? groupingModel(g) : null;
  }

  function keepSelectionValid() {
    if (!page.groupings.some((g) => g.id === page.selectedId)) page.selectedId = page.groupings[0]?.id ?? null;
  }

  async function reload() {
    try {
      page.groupings = await api.listGroupings(workshopId);
      ctx.hideError();
    } catch (err) {
      ctx.showError(err);
    }
    keepSelectionValid();
    draw();
  }

  function select(groupingId) {
    page.selectedId = groupingId;
    lastGrouping.set(workshopId, groupingId);
    draw();
  }

  /** A grouping the core sent back, in place of the one it was. */
  function replaceGrouping(updated) {
    page.groupings = page.groupings.map((g) => (g.id === updated.id ? updated : g));
  }

  page.undoBar = createUndoBar(workshopId, () => reload());
  page.board = h('div', { class: 'group-board', testid: 'group-board' });
  page.barEl = h('div', { class: 'grouping-bar' });
  const tabs = createTabs(page);
  Object.assign(page, { renameDraftTab: tabs.renameDraftTab });
  Object.assign(page, createDraft(page, restore.draft));
  Object.assign(page, createDragAndDrop(page));
  Object.assign(page, createMoveMenu(page));
  Object.assign(page, createEdits(page));
  const { columns } = createColumns(page);
  listenForMemberKeys(page);

  const newBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'groups-new' },
    icon('plus'), h('span', { text: t('groups.newGrouping') }));
  newBtn.addEventListener('click', () => page.startDraft('sub_region'));
  page.focusNewGrouping = () => newBtn.focus();
  page.addGroupButton = () => {
    const b = h('button', { type: 'button', class: 'btn btn-small', testid: 'group-add' }, icon('plus'), h('span', { text: t('groups.addGroup') }));
    b.addEventListener('click', () => page.addGroup());
    return b;
  };

  const hintEl = h('p', { class: 'muted groups-hint', testid: 'groups-hint', text: t('groups.hint') });
  const emptyEl = h('div', { class: 'empty-note groups-empty', testid: 'groups-empty', hidden: true });

  const root = h('section', { class: 'view view-groups' },
    workshopHead({ workshop, title: t('groups.title'), headingId: 'groups-heading', actions: [page.undoBar.root, newBtn] }),
    tabs.el,
    page.barEl,
    hintEl,
    emptyEl,
    page.board);

  function draw() {
    page.closeMenu(true);
    const active = document.activeElement;
    const hadFocus = page.board.contains(active) ? active?.dataset?.participant ?? null : null;
    const m = model();
    tabs.draw();
    drawBar(m);
    emptyEl.hidden = Boolean(m);
    hintEl.hidden = !m;
    clear(page.board);
    page.board.hidden = !m;
    page.board.classList.toggle('is-draft', Boolean(m?.draft));
    if (!m) {
      clear(emptyEl).append(
        icon('groups', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('groups.emptyTitle') }),
        h('p', { class: 'muted', text: t('groups.emptyText') }),
        h('div', { class: 'groups-empty-actions' },
          suggestButton('sub_region', t('groups.suggestBySubRegion')),
          suggestButton('country', t('groups.suggestByCountry')),
          suggestButton('none', t('groups.startEmpty'))));
      return;
    }
    page.board.append(...columns(m));
    if (hadFocus) focusMember(hadFocus);
  }

  function suggestButton(by, text) {
    const b = h('button', { type: 'button', class: ['btn', by === 'sub_region' && 'btn-primary'], testid: `groups-empty-${by}`, text });
    b.addEventListener('click', () => page.startDraft(by));
    return b;
  }

  /** "18 participants in 3 groups; 0 unassigned". */
  function summaryText(m) {
    const placed = m.groups.reduce((n, g) => n + g.members.length, 0);
    return t('groups.summary', {
      people: t('groups.people', { count: placed + m.unassigned.length }),
      groups: t('groups.groupCount', { count: m.groups.length }),
      unassigned: m.unassigned.length,
    });
  }

  /** Above the columns: the grouping's name and counts with its buttons, or the draft's fields. */
  function drawBar(m) {
    const { barEl } = page;
    clear(barEl);
    barEl.hidden = !m;
    barEl.classList.toggle('is-draft', Boolean(page.draft));
    if (!m) return;
    if (page.draft) {
      barEl.append(...page.draftBar(m).filter(Boolean));
      return;
    }
    const renameBtn = h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'grouping-rename' }, icon('edit'), h('span', { text: t('groups.renameGrouping') }));
    renameBtn.addEventListener('click', () => page.renameGrouping());
    const deleteBtn = h('button', { type: 'button', class: 'btn btn-small btn-ghost btn-ghost-danger', testid: 'grouping-delete' }, icon('trash'), h('span', { text: t('groups.deleteGrouping') }));
    deleteBtn.addEventListener('click', () => page.deleteGrouping());
    barEl.append(
      h('div', { class: 'grouping-bar-text' },
        h('h2', { class: 'grouping-name', dir: 'auto', testid: 'grouping-name', text: page.selected().name }),
        h('p', { class: 'muted', testid: 'grouping-summary', text: summaryText(m) })),
      h('div', { class: 'grouping-bar-actions' }, page.addGroupButton(), renameBtn, deleteBtn));
  }

  function focusMember(participantId) {
    const el = page.board.querySelector(`.member[data-participant="${CSS.escape(participantId)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }

  // A draft carried over a language switch needs everyone registered again.
  if (page.draft) {
    try {
      await page.loadPeople();
    } catch (err) {
      ctx.showError(err);
    }
  }
  draw();
  await page.undoBar.refresh();

  return {
    root,
    focus(opts = {}) {
      if (opts.restoring) return;
      root.querySelector('h1')?.focus({ preventScroll: true });
    },
    snapshot: () => ({ selectedId: page.selectedId, draft: page.draft }),
    unmount() {
      page.closeMenu();
      page.undoBar.destroy();
    },
  };
}
