// The plans as cards, each with its actions in a table: what, who, when, the indicator and the
// status (changed in place), the themes and the SWOT notes it answers; a plan or an action is
// opened, edited or deleted from its buttons.
//
// A plan shows its first actions, and the rest after "Show all N actions": a workshop of 2,000
// actions would otherwise build and lay out some 90,000 elements before the screen is usable.
// The cards a window shows are drawn at once and the others a card a frame after them; the rows
// "Show all" adds, a slice a frame. The buttons of the rows are one listener on the list, not
// three a row.
import { h, icon, clear, uniqueId } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { countryName } from '../../countries.js';
import { formatDay } from '../../format.js';
import { showToast } from '../../components/toast.js';
import { confirmDialog } from '../../components/confirm-dialog.js';
import {
  STATUSES, themeLabel, statusLabel, scopeLabel, quadrantLabel, inputOf, oneLine, isOverdue, timeline,
  statusStack, quadrantBadge,
} from './labels.js';
import { openActionDialog } from './action-dialog.js';

/** Actions shown of a plan until all are asked for. */
export const FIRST_ACTIONS = 10;
/** Rows "Show all" adds in each frame (about 15 ms of layout and paint on the machine of
 *  BENCHMARKS.md). */
const ROWS_STEP = 10;

/** Runs `fn` in a task after `frames` frames (1: after the next paint). */
function afterFrames(frames, fn) {
  requestAnimationFrame(() => (frames > 1 ? afterFrames(frames - 1, fn) : setTimeout(fn, 0)));
}

export function createPlanList(page) {
  const el = h('div', { class: 'plan-list', testid: 'plan-list', role: 'tabpanel' });
  /** The plans whose actions are all shown, by id (kept through redraws and a language switch). */
  const expanded = page.expanded;
  /** The plans as last drawn: switching back to this tab redraws nothing if they are the same. */
  let drawnFor = null;
  /** The plans whose cards are still to be drawn, in order, and the current drawing's number. */
  let queue = [];
  let drawing = 0;

  // What every row has in common, built once and cloned: the status select and the row's buttons.
  let parts = null;
  function templates() {
    parts ??= {
      status: h('select', { class: 'select select-compact status-select', testid: 'action-status-quick' },
        STATUSES.map((s) => h('option', { value: s, text: statusLabel(s) }))),
      buttons: h('div', { class: 'row-buttons' },
        h('button', { type: 'button', class: 'btn-icon', testid: 'action-edit', title: t('plans.editAction') }, icon('edit')),
        h('button', { type: 'button', class: 'btn-icon', testid: 'action-history', title: t('plans.history.title') }, icon('history')),
        h('button', { type: 'button', class: 'btn-icon btn-icon-danger', testid: 'action-delete', title: t('plans.deleteAction') }, icon('trash'))),
    };
    return parts;
  }

  /** The plan and action a row's control belongs to, as last read. */
  function rowOf(target) {
    const row = target.closest('tr[data-action]');
    const plan = row && page.planById(row.closest('[data-plan]')?.dataset.plan);
    const action = plan?.actions.find((a) => a.id === row.dataset.action);
    return action ? { plan, action } : null;
  }

  el.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-testid]');
    if (!button || !el.contains(button)) return;
    const testid = button.dataset.testid;
    if (testid === 'plan-show-all') {
      toggleAll(button.closest('[data-plan]'));
      return;
    }
    const found = rowOf(button);
    if (!found) return;
    if (testid === 'action-open' || testid === 'action-edit') openActionDialog(page, found.plan, found.action);
    else if (testid === 'action-history') openActionDialog(page, found.plan, found.action, { history: true });
    else if (testid === 'action-delete') deleteAction(found.action);
  });
  el.addEventListener('change', (e) => {
    if (e.target.dataset?.testid !== 'action-status-quick') return;
    const found = rowOf(e.target);
    if (found) changeStatus(found.action, e.target.value);
  });

  /** Draws the plans; with `ifChanged`, only if they were read again since last drawn. */
  function draw({ ifChanged = false } = {}) {
    if (ifChanged && drawnFor === page.plans && el.childElementCount) return;
    drawnFor = page.plans;
    // Keep the focus where it was through the redraw (a status changed in place).
    const active = document.activeElement;
    const focusedTestid = el.contains(active) ? active.getAttribute('data-testid') : null;
    const focusedAction = active?.closest?.('[data-action]')?.dataset.action ?? null;
    const focusedPlan = active?.closest?.('[data-plan]')?.dataset.plan ?? null;
    clear(el);
    if (!page.plans.length) {
      const create = h('button', { type: 'button', class: 'btn btn-primary', testid: 'plans-empty-new' }, icon('plus'), h('span', { text: t('plans.newPlan') }));
      create.addEventListener('click', () => page.openPlanDialog(null));
      el.append(h('div', { class: 'empty-note plans-empty', testid: 'plans-empty' },
        icon('plan', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('plans.emptyTitle') }),
        h('p', { class: 'muted', text: t('plans.emptyText') }),
        create));
      return;
    }
    // The cards the window shows (and as many again), then the rest a card a frame.
    const first = cardsForWindow(page.plans);
    el.append(...page.plans.slice(0, first).map(planCard));
    queue = page.plans.slice(first);
    drawing += 1;
    if (queue.length) growCards(drawing);
    if (focusedTestid) {
      drawRest();
      const scope = focusedAction
        ? el.querySelector(`[data-action="${CSS.escape(focusedAction)}"]`)
        : focusedPlan ? el.querySelector(`[data-plan="${CSS.escape(focusedPlan)}"]`) : null;
      scope?.querySelector(`[data-testid="${CSS.escape(focusedTestid)}"]`)?.focus();
    }
  }

  /** How many cards, from the first, about fill twice the window's height. */
  function cardsForWindow(plans) {
    let height = 0;
    let n = 0;
    while (n < plans.length && height < 2 * window.innerHeight) {
      height += 130 + 70 * shownOf(plans[n]);
      n += 1;
    }
    return n;
  }

  /** Draws the queued cards one a frame (the first after two frames: once the first paint is
   *  out); `run` is the drawing they belong to, stopped by the next one. */
  function growCards(run, frames = 2) {
    afterFrames(frames, () => {
      if (run !== drawing || page.unmounted || !queue.length) return;
      el.append(planCard(queue.shift()));
      if (queue.length) growCards(run, 1);
    });
  }

  /** Draws every card still queued, at once. */
  function drawRest() {
    if (!queue.length) return;
    el.append(...queue.map(planCard));
    queue = [];
  }

  function planCard(plan) {
    const addBtn = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'action-new' }, icon('plus'), h('span', { text: t('plans.addAction') }));
    addBtn.addEventListener('click', () => openActionDialog(page, plan, null));
    const editBtn = h('button', { type: 'button', class: 'btn-icon', testid: 'plan-edit', title: t('plans.editPlan'), aria: { label: t('plans.editPlanNamed', { title: plan.title }) } }, icon('edit'));
    editBtn.addEventListener('click', () => page.openPlanDialog(plan));
    const deleteBtn = h('button', { type: 'button', class: 'btn-icon btn-icon-danger', testid: 'plan-delete', title: t('plans.deletePlan'), aria: { label: t('plans.deletePlanNamed', { title: plan.title }) } }, icon('trash'));
    deleteBtn.addEventListener('click', () => deletePlan(plan));
    const who = [
      plan.country ? h('span', { class: 'meta plan-country', testid: 'plan-card-country' }, icon('pin'), h('span', { text: countryName(plan.country) })) : null,
      plan.organisation ? h('span', { class: 'meta', dir: 'auto', text: plan.organisation }) : null,
      plan.groupName ? h('span', { class: 'meta' }, icon('groups'), h('span', { dir: 'auto', text: plan.groupName })) : null,
    ].filter(Boolean);
    const headingId = uniqueId('plan-title');
    return h('article', { class: ['plan-card', `scope-${plan.scope}`], testid: 'plan-card', data: { plan: plan.id, scope: plan.scope }, aria: { labelledby: headingId } },
      h('header', { class: 'plan-head' },
        h('div', { class: 'plan-head-text' },
          h('div', { class: 'plan-kicker' },
            h('span', { class: ['tag', 'tag-scope', `scope-${plan.scope}`], testid: 'plan-card-scope', text: scopeLabel(plan.scope) }),
            who),
          h('h2', { class: 'plan-title', id: headingId, dir: 'auto', testid: 'plan-card-title', text: plan.title })),
        h('div', { class: 'plan-head-side' },
          statusStack(plan.actions),
          h('div', { class: 'plan-buttons' }, addBtn, editBtn, deleteBtn))),
      ...(plan.actions.length
        ? [actionTable(plan), ...(plan.actions.length > FIRST_ACTIONS ? [showAllBar(plan)] : [])]
        : [h('p', { class: 'plan-empty muted', testid: 'plan-empty', text: t('plans.noActions') })]));
  }

  /** How many of the plan's actions are shown. */
  const shownOf = (plan) => (expanded.has(plan.id) ? plan.actions.length : Math.min(FIRST_ACTIONS, plan.actions.length));

  function showAllBar(plan) {
    const button = h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'plan-show-all' });
    const bar = h('div', { class: 'plan-more' }, button);
    drawShowAll(button, plan);
    return bar;
  }

  function drawShowAll(button, plan) {
    const all = expanded.has(plan.id);
    button.setAttribute('aria-expanded', String(all));
    button.replaceChildren(icon('chevronDown', all ? 'icon icon-flip-y' : 'icon'),
      h('span', { text: all ? t('plans.showFirst', { count: FIRST_ACTIONS }) : t('plans.showAll', { count: plan.actions.length }) }));
  }

  /** "Show all N actions" and back: the rows after the first are added or taken away. */
  function toggleAll(card) {
    const plan = card && page.planById(card.dataset.plan);
    const body = card?.querySelector('.action-table tbody');
    const button = card?.querySelector('[data-testid="plan-show-all"]');
    if (!plan || !body || !button) return;
    if (expanded.has(plan.id)) {
      expanded.delete(plan.id);
      while (body.children.length > FIRST_ACTIONS) body.lastElementChild.remove();
      drawShowAll(button, plan);
      button.scrollIntoView({ block: 'nearest' });
      button.focus();
    } else {
      expanded.add(plan.id);
      const from = body.children.length;
      appendRows(body, plan, from);
      drawShowAll(button, plan);
      // The first of the rows just shown, where the list was cut.
      body.children[from]?.querySelector('[data-testid="action-open"]')?.focus();
    }
  }

  /** Adds the plan's rows from `from` on, a slice now and a slice a frame after, for as long as
   *  all its actions are to be shown and the table is on screen. */
  function appendRows(body, plan, from) {
    const to = Math.min(plan.actions.length, from + ROWS_STEP);
    body.append(...plan.actions.slice(from, to).map((a, i) => actionRow(a, from + i)));
    if (to >= plan.actions.length) return;
    afterFrames(1, () => {
      if (body.isConnected && expanded.has(plan.id) && body.children.length === to) appendRows(body, plan, to);
    });
  }

  function actionTable(plan) {
    return h('div', { class: 'action-table-wrap' },
      h('table', { class: 'data-table action-table' },
        h('thead', {},
          h('tr', {},
            h('th', { scope: 'col', class: 'col-n', text: '#' }),
            h('th', { scope: 'col', class: 'col-action', text: t('plans.col.action') }),
            h('th', { scope: 'col', class: 'col-who', text: t('plans.col.responsible') }),
            h('th', { scope: 'col', class: 'col-when', text: t('plans.col.when') }),
            h('th', { scope: 'col', class: 'col-indicator', text: t('plans.col.indicator') }),
            h('th', { scope: 'col', class: 'col-status', text: t('plans.col.status') }),
            h('th', { scope: 'col', class: 'col-row-actions' }, h('span', { class: 'sr-only', text: t('plans.col.tools') })))),
        h('tbody', {}, plan.actions.slice(0, shownOf(plan)).map((a, i) => actionRow(a, i)))));
  }

  function actionRow(action, index) {
    const n = index + 1;
    const open = h('button', { type: 'button', class: 'action-open', testid: 'action-open', dir: 'auto', title: t('plans.editAction') },
      h('span', { class: 'action-open-text', text: action.description }));
    const status = templates().status.cloneNode(true);
    status.className = `select select-compact status-select status-${action.status}`;
    status.setAttribute('aria-label', t('plans.statusOf', { n }));
    status.value = action.status;
    const buttons = templates().buttons.cloneNode(true);
    const [editBtn, historyBtn, deleteBtn] = buttons.children;
    editBtn.setAttribute('aria-label', t('plans.editActionN', { n }));
    historyBtn.setAttribute('aria-label', t('plans.historyOfN', { n }));
    deleteBtn.setAttribute('aria-label', t('plans.deleteActionN', { n }));
    const when = timeline(action);
    return h('tr', { class: ['action-row', `status-${action.status}`], testid: 'action-row', data: { action: action.id, status: action.status } },
      h('td', { class: 'col-n num', text: String(n) }),
      h('td', { class: 'col-action' },
        open,
        ...(action.themes?.length
          ? [h('div', { class: 'row-themes' }, action.themes.map((tag) => h('span', { class: 'tag tag-theme', testid: 'action-row-theme', dir: 'auto', text: themeLabel(tag) })))]
          : []),
        ...(action.notes?.length
          ? [h('ul', { class: 'row-notes', aria: { label: t('plans.action.linkedNotes') } }, action.notes.map((note) => h('li', {
            class: 'row-note',
            testid: 'action-row-note',
            title: t('plans.noteFrom', { question: note.question, quadrant: quadrantLabel(note.quadrant) }),
          }, quadrantBadge(note.quadrant), h('span', { class: 'row-note-text', dir: 'auto', text: oneLine(note.text) }))))]
          : [])),
      h('td', { class: 'col-who' },
        h('span', { class: 'cell-strong', dir: 'auto', text: action.responsible }),
        ...(action.partners ? [h('span', { class: 'cell-sub muted', dir: 'auto', text: t('plans.action.withPartners', { partners: action.partners }) })] : [])),
      h('td', { class: 'col-when', title: when },
        ...(action.dueDate || action.startDate
          ? [h('span', { class: 'when', testid: 'action-row-when' },
            ...(action.dueDate ? [h('span', { class: 'when-due', text: formatDay(action.dueDate) })] : []),
            ...(action.startDate ? [h('span', { class: 'when-start', text: t('plans.action.from', { date: formatDay(action.startDate) }) })] : []))]
          : [h('span', { class: 'muted', text: '—' })]),
        ...(isOverdue(action) ? [h('span', { class: 'tag tag-warn tag-overdue', text: t('plans.overdue') })] : [])),
      h('td', { class: 'col-indicator' },
        ...(action.indicator ? [h('span', { dir: 'auto', text: action.indicator })] : [h('span', { class: 'muted', text: '—' })]),
        ...(action.baseline || action.target
          ? [h('span', { class: 'cell-sub muted', dir: 'auto', text: `${action.baseline || '—'} → ${action.target || '—'}` })]
          : [])),
      h('td', { class: 'col-status' }, status),
      h('td', { class: 'col-row-actions' }, buttons));
  }

  async function changeStatus(action, status) {
    try {
      const updated = await api.updateAction(action.id, { ...inputOf(action), status });
      page.replaceAction(updated);
      page.ctx.hideError();
      page.undoBar.edited();
      showToast(t('plans.statusChanged', { status: statusLabel(status) }));
    } catch (err) {
      page.ctx.showError(err);
    }
    // Redrawn either way (a refused change puts the old status back), but only this row and its
    // plan's status bar: redrawing every plan of a big workshop takes seconds.
    redrawAction(action.id);
  }

  /** Redraws one action's row and its plan's status summary, keeping the focus in the row. */
  function redrawAction(actionId) {
    const plan = page.plans.find((p) => p.actions.some((a) => a.id === actionId));
    const row = el.querySelector(`tr[data-action="${CSS.escape(actionId)}"]`);
    const card = row?.closest('[data-plan]');
    if (!plan || !row || !card) {
      draw();
      return;
    }
    const index = plan.actions.findIndex((a) => a.id === actionId);
    const focusedTestid = row.contains(document.activeElement) ? document.activeElement.getAttribute('data-testid') : null;
    const fresh = actionRow(plan.actions[index], index);
    row.replaceWith(fresh);
    card.querySelector('.status-summary')?.replaceWith(statusStack(plan.actions));
    if (focusedTestid) fresh.querySelector(`[data-testid="${CSS.escape(focusedTestid)}"]`)?.focus();
  }

  /** Asks first; resolves to true once deleted. */
  async function deleteAction(action) {
    const ok = await confirmDialog({
      title: t('plans.deleteActionTitle'),
      body: [action.description],
      confirmLabel: t('plans.deleteAction'),
      confirmTestid: 'action-delete-confirm',
      danger: true,
    });
    if (!ok) return false;
    try {
      await api.deleteAction(action.id);
      await page.reload();
      page.undoBar.edited(t('plans.actionDeleted'));
      return true;
    } catch (err) {
      page.ctx.showError(err);
      return false;
    }
  }

  async function deletePlan(plan) {
    const ok = await confirmDialog({
      title: t('plans.deletePlanTitle', { title: plan.title }),
      body: [t('plans.deletePlanText', { count: plan.actions.length })],
      confirmLabel: t('plans.deletePlan'),
      confirmTestid: 'plan-delete-confirm',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.deletePlan(plan.id);
      await page.reload();
      page.undoBar.edited(t('plans.planDeleted', { title: plan.title }));
      page.focusNewPlan();
    } catch (err) {
      page.ctx.showError(err);
    }
  }

  /** Brings a plan's card into view and focuses one of its buttons. */
  function focusPlan(planId, testid = 'action-new') {
    drawRest();
    const card = el.querySelector(`[data-plan="${CSS.escape(planId)}"]`);
    card?.scrollIntoView({ block: 'nearest' });
    card?.querySelector(`[data-testid="${testid}"]`)?.focus();
  }

  /** Brings an action's row into view and focuses it (all its plan's actions shown if need be). */
  function focusAction(actionId) {
    drawRest();
    const find = () => el.querySelector(`[data-action="${CSS.escape(actionId)}"]`);
    const plan = page.plans.find((p) => p.actions.some((a) => a.id === actionId));
    if (!find() && plan && !expanded.has(plan.id)) toggleAll(el.querySelector(`[data-plan="${CSS.escape(plan.id)}"]`));
    const row = find();
    row?.scrollIntoView({ block: 'nearest' });
    row?.querySelector('[data-testid="action-open"]')?.focus();
  }

  return { el, draw, focusPlan, focusAction, deleteAction };
}
