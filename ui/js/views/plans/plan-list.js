// The plans as cards, each with its actions in a table: what, who, when, the indicator and the
// status (changed in place), the themes and the SWOT notes it answers; a plan or an action is
// opened, edited or deleted from its buttons.
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

export function createPlanList(page) {
  const el = h('div', { class: 'plan-list', testid: 'plan-list', role: 'tabpanel' });

  function draw() {
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
    el.append(...page.plans.map(planCard));
    if (focusedTestid) {
      const scope = focusedAction
        ? el.querySelector(`[data-action="${CSS.escape(focusedAction)}"]`)
        : focusedPlan ? el.querySelector(`[data-plan="${CSS.escape(focusedPlan)}"]`) : null;
      scope?.querySelector(`[data-testid="${CSS.escape(focusedTestid)}"]`)?.focus();
    }
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
      plan.actions.length
        ? actionTable(plan)
        : h('p', { class: 'plan-empty muted', testid: 'plan-empty', text: t('plans.noActions') }));
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
        h('tbody', {}, plan.actions.map((a, i) => actionRow(plan, a, i)))));
  }

  function actionRow(plan, action, index) {
    const n = index + 1;
    const open = h('button', { type: 'button', class: 'action-open', testid: 'action-open', dir: 'auto', title: t('plans.editAction') },
      h('span', { class: 'action-open-text', text: action.description }));
    open.addEventListener('click', () => openActionDialog(page, plan, action));
    const status = h('select', {
      class: ['select', 'select-compact', 'status-select', `status-${action.status}`],
      testid: 'action-status-quick',
      aria: { label: t('plans.statusOf', { n }) },
    }, STATUSES.map((s) => h('option', { value: s, text: statusLabel(s), selected: s === action.status })));
    status.addEventListener('change', () => changeStatus(action, status.value));
    const editBtn = h('button', { type: 'button', class: 'btn-icon', testid: 'action-edit', title: t('plans.editAction'), aria: { label: t('plans.editActionN', { n }) } }, icon('edit'));
    editBtn.addEventListener('click', () => openActionDialog(page, plan, action));
    const historyBtn = h('button', { type: 'button', class: 'btn-icon', testid: 'action-history', title: t('plans.history.title'), aria: { label: t('plans.historyOfN', { n }) } }, icon('history'));
    historyBtn.addEventListener('click', () => openActionDialog(page, plan, action, { history: true }));
    const deleteBtn = h('button', { type: 'button', class: 'btn-icon btn-icon-danger', testid: 'action-delete', title: t('plans.deleteAction'), aria: { label: t('plans.deleteActionN', { n }) } }, icon('trash'));
    deleteBtn.addEventListener('click', () => deleteAction(action));
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
      h('td', { class: 'col-row-actions' }, h('div', { class: 'row-buttons' }, editBtn, historyBtn, deleteBtn)));
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
    const fresh = actionRow(plan, plan.actions[index], index);
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
    const card = el.querySelector(`[data-plan="${CSS.escape(planId)}"]`);
    card?.scrollIntoView({ block: 'nearest' });
    card?.querySelector(`[data-testid="${testid}"]`)?.focus();
  }

  /** Brings an action's row into view and focuses it. */
  function focusAction(actionId) {
    const row = el.querySelector(`[data-action="${CSS.escape(actionId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    row?.querySelector('[data-testid="action-open"]')?.focus();
  }

  return { el, draw, focusPlan, focusAction, deleteAction };
}
