// Action plans: what the working groups decided to do after the course. Regional plans (the
// unions of a sub-region together), national plans (one country's unions) and organisational
// plans, each with its actions: who does what, with whom, from when to when, with which
// resources, how progress will be seen (indicator, baseline, target), tagged with themes and
// linked to the SWOT notes they answer. The roll-up puts the plans side by side for the closing
// plenary: national plans by country and theme beside the regional plan, and the actions counted
// by status, theme and due month.
//
// Every edit is stored as it is made (a status changed in the table, a note linked or unlinked,
// a form saved) and is one undoable step: Ctrl+Z / Ctrl+Shift+Z, or the Undo and Redo buttons.
//
// The screen's parts share `page`: the plans as last read and what every part may call.
import { h, icon } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import * as api from '../../api.js';
import { showModal } from '../../components/modal.js';
import { workshopHead } from '../../components/workshop-head.js';
import { createUndoBar } from '../../undo.js';
import { SUGGESTED_THEMES } from './labels.js';
import { createPlanList } from './plan-list.js';
import { createRollup } from './rollup.js';
import { openPlanDialog } from './plan-dialog.js';

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  const restore = params.restore ?? {};
  const openDialogs = new Set(); // close functions of open dialogs, for unmount

  const page = {
    workshopId,
    ctx,
    plans: await api.listPlans(workshopId),
    /** The themes offered for an action: the workshop's own, else the suggested ones. */
    themes: [...SUGGESTED_THEMES],
    /** The workshop's groups, as last read (a plan may belong to one). */
    groupChoices: [],
    tab: restore.tab ?? (params.query?.get('tab') === 'rollup' ? 'rollup' : 'plans'),
    /** The plans whose actions are all shown (the others show their first few). */
    expanded: new Set(restore.expanded ?? []),
    planById: (id) => page.plans.find((p) => p.id === id) ?? null,
    replaceAction,
    reload,
    draw,
    loadThemes,
    showDialog,
    openPlanDialog: (plan) => openPlanDialog(page, plan),
  };

  async function reload() {
    try {
      page.plans = await api.listPlans(workshopId);
      ctx.hideError();
    } catch (err) {
      ctx.showError(err);
    }
    draw();
  }

  async function loadThemes() {
    try {
      const list = await api.actionThemes(workshopId);
      if (Array.isArray(list) && list.length) page.themes = list;
    } catch {
      // the suggested ones stay
    }
  }

  /** An action the core sent back, in place of the one it was. */
  function replaceAction(updated) {
    for (const p of page.plans) {
      const i = p.actions.findIndex((a) => a.id === updated.id);
      if (i >= 0) p.actions[i] = updated;
    }
  }

  /** Shows a modal dialog that goes with the screen; returns close() (true if it was open). */
  function showDialog(dialog, onCancel) {
    const close = showModal(dialog, { onCancel });
    openDialogs.add(close);
    return () => {
      openDialogs.delete(close);
      return close();
    };
  }

  page.undoBar = createUndoBar(workshopId, () => reload());
  const list = createPlanList(page);
  const rollup = createRollup(page);
  Object.assign(page, { focusPlan: list.focusPlan, focusAction: list.focusAction, deleteAction: list.deleteAction });

  const newBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'plan-new' }, icon('plus'), h('span', { text: t('plans.newPlan') }));
  newBtn.addEventListener('click', () => page.openPlanDialog(null));
  page.focusNewPlan = () => newBtn.focus();

  // Two tabs: the plans, and the roll-up (← → switch between them).
  const tabPlans = h('button', { type: 'button', role: 'tab', class: 'tab', testid: 'plans-tab-list' });
  const tabRollup = h('button', { type: 'button', role: 'tab', class: 'tab', testid: 'plans-tab-rollup' });
  tabPlans.addEventListener('click', () => setTab('plans'));
  tabRollup.addEventListener('click', () => setTab('rollup'));
  const tabs = h('div', { class: 'tabs', role: 'tablist', aria: { label: t('plans.viewsLabel') } }, tabPlans, tabRollup);
  tabs.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    setTab(page.tab === 'plans' ? 'rollup' : 'plans');
    (page.tab === 'plans' ? tabPlans : tabRollup).focus();
  });

  const root = h('section', { class: 'view view-plans' },
    workshopHead({ workshop, title: t('plans.title'), headingId: 'plans-heading', actions: [page.undoBar.root, newBtn] }),
    h('div', { class: 'toolbar' }, tabs, h('p', { class: 'muted plans-hint', text: t('plans.hint') })),
    list.el,
    rollup.el);

  function setTab(next) {
    if (page.tab === next) return;
    page.tab = next;
    // Back on the plans, as they were drawn if nothing was read since.
    draw({ ifChanged: true });
  }

  let tabCount = null; // the number on the plans' tab, as last written

  function draw({ ifChanged = false } = {}) {
    const count = formatNumber(page.plans.length);
    if (count !== tabCount) {
      tabCount = count;
      tabPlans.replaceChildren(icon('plan'), h('span', { text: t('plans.tabPlans') }), h('span', { class: 'tab-count', text: count }));
      tabRollup.replaceChildren(icon('board'), h('span', { text: t('plans.tabRollup') }));
    }
    for (const [el, name] of [[tabPlans, 'plans'], [tabRollup, 'rollup']]) {
      el.setAttribute('aria-selected', String(page.tab === name));
      el.tabIndex = page.tab === name ? 0 : -1;
      el.classList.toggle('is-selected', page.tab === name);
    }
    list.el.hidden = page.tab !== 'plans';
    rollup.el.hidden = page.tab !== 'rollup';
    if (page.tab === 'plans') list.draw({ ifChanged });
    else rollup.draw();
  }

  draw();
  await page.undoBar.refresh();

  return {
    root,
    focus(opts = {}) {
      if (opts.restoring) return;
      root.querySelector('h1')?.focus({ preventScroll: true });
    },
    snapshot: () => ({ tab: page.tab, expanded: [...page.expanded] }),
    unmount() {
      page.unmounted = true;
      page.undoBar.destroy();
      for (const close of [...openDialogs]) close();
      openDialogs.clear();
    },
  };
}
