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
import { h, icon, clear, uniqueId } from '../dom.js';
import { t, has, language, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { state } from '../state.js';
import { countryName, fold } from '../countries.js';
import { formatDay, formatDayRange, formatDateTime, localIsoDay } from '../format.js';
import { errorText, isFieldError } from '../errors.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { createCountryPicker } from '../components/country-picker.js';
import { showModal } from '../components/modal.js';
import { showToast } from '../components/toast.js';
import { confirmDialog } from '../components/confirm-dialog.js';
import { createUndoBar } from '../undo.js';

export const SCOPES = ['regional', 'national', 'organisational'];
export const STATUSES = ['planned', 'in_progress', 'done', 'dropped'];
export const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'];

/** The core's suggested themes (plans::SUGGESTED_THEMES), stored in English, shown translated. */
export const SUGGESTED_THEMES = [
  'organising migrant workers',
  'fair recruitment',
  'social dialogue',
  'ratification campaign',
  'social protection',
  'occupational safety and health',
  'gender equality',
  'youth',
  'informal economy',
  'forced and child labour',
  'digital transformation',
];
const THEME_KEYS = {
  'organising migrant workers': 'organisingMigrantWorkers',
  'fair recruitment': 'fairRecruitment',
  'social dialogue': 'socialDialogue',
  'ratification campaign': 'ratificationCampaign',
  'social protection': 'socialProtection',
  'occupational safety and health': 'osh',
  'gender equality': 'genderEquality',
  youth: 'youth',
  'informal economy': 'informalEconomy',
  'forced and child labour': 'forcedChildLabour',
  'digital transformation': 'digitalTransformation',
};

/** A theme tag as the facilitator reads it: a suggested theme translated, any other as typed. */
export function themeLabel(tag) {
  const key = THEME_KEYS[String(tag ?? '').toLowerCase()];
  return key ? t(`plans.theme.${key}`) : String(tag ?? '');
}

export function statusLabel(status) {
  return t(`plans.status.${status}`);
}

function scopeLabel(scope) {
  return t(`plans.scope.${scope}`);
}

function quadrantLabel(q) {
  return t(`plans.quadrant.${q}`);
}

/** The error beside a plan's or action's field: plans.errors.<code>.<field>, then the app's. */
function planErrorText(err) {
  const code = typeof err?.code === 'string' ? err.code : '';
  const name = typeof err?.field === 'string' ? err.field : '';
  if (code && name && has(`plans.errors.${code}.${name}`)) return t(`plans.errors.${code}.${name}`);
  if (code && has(`plans.errors.${code}`)) return t(`plans.errors.${code}`);
  return errorText(err);
}

function dateLocale() {
  const lang = language();
  return lang === 'en' ? 'en-GB' : lang;
}

/** "2027-03" → "Mar 2027" in the interface language. */
function monthLabel(key) {
  if (!/^\d{4}-\d{2}$/.test(key)) return key;
  const d = new Date(`${key}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(dateLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The ActionInput of an action as it is (for a change of one field). */
function inputOf(action) {
  return {
    description: action.description ?? '',
    responsible: action.responsible ?? '',
    partners: action.partners ?? '',
    startDate: action.startDate ?? null,
    dueDate: action.dueDate ?? null,
    status: action.status ?? 'planned',
    resources: action.resources ?? '',
    indicator: action.indicator ?? '',
    baseline: action.baseline ?? '',
    target: action.target ?? '',
    themes: [...(action.themes ?? [])],
  };
}

/** A note's text on one line (merged notes keep each text on a line of its own). */
function oneLine(text) {
  return String(text ?? '').trim().replace(/\s*\n+\s*/g, ' / ');
}

function isOverdue(action) {
  return Boolean(action.dueDate) && action.dueDate < localIsoDay() && (action.status === 'planned' || action.status === 'in_progress');
}

/** "1 Feb 2027 → 30 Jun 2027", "by 30 Jun 2027", "from 1 Feb 2027" or "". */
function timeline(action) {
  const { startDate: start, dueDate: due } = action;
  if (start && due) return formatDayRange(start, due);
  if (due) return t('plans.action.dueBy', { date: formatDay(due) });
  if (start) return t('plans.action.from', { date: formatDay(start) });
  return '';
}

/** A bar of the actions' statuses, in order, with their counts as its title. */
function statusStack(actions) {
  const total = actions.length;
  const counts = STATUSES.map((s) => [s, actions.filter((a) => a.status === s).length]);
  const bar = h('span', { class: 'status-stack', aria: { hidden: 'true' } },
    counts.filter(([, n]) => n).map(([s, n]) => {
      const seg = h('span', { class: ['status-seg', `status-${s}`] });
      seg.style.width = `${(n / total) * 100}%`;
      return seg;
    }));
  const words = counts.filter(([, n]) => n).map(([s, n]) => `${statusLabel(s)}: ${formatNumber(n)}`).join(' · ');
  return h('span', { class: 'status-summary', title: words },
    bar,
    h('span', { class: 'status-summary-text' },
      t('plans.actionCount', { count: total }),
      ...(total ? [h('span', { class: 'muted', text: ` · ${t('plans.doneCount', { count: counts[2][1] })}` })] : [])));
}

function quadrantBadge(q) {
  return h('span', { class: ['quadrant-badge', `quadrant-${q}`], title: quadrantLabel(q), text: t(`plans.quadrantLetter.${q}`) });
}

// ---------------------------------------------------------------------------------------------
// Themes as tags: chosen ones as chips, a field to type a new one, the suggestions a click away.

function createThemeInput({ testid, value = [], suggestions = [] }) {
  let tags = [...value];
  const chips = h('ul', { class: 'theme-chips', testid: `${testid}-chosen` });
  const input = h('input', {
    type: 'text',
    class: 'theme-input',
    testid,
    autocomplete: 'off',
    dir: 'auto',
    maxLength: 80,
    placeholder: t('plans.action.themesPlaceholder'),
    attrs: { spellcheck: 'false' },
  });
  const box = h('div', { class: 'theme-box' }, chips, input);
  const offered = h('div', { class: 'theme-suggestions', role: 'group', aria: { label: t('plans.action.themeSuggestions') } });
  const root = h('div', { class: 'theme-field' }, box, offered);
  box.addEventListener('click', (e) => {
    if (e.target === box || e.target === chips) input.focus();
  });

  const chosen = (tag) => tags.some((x) => x.toLowerCase() === tag.toLowerCase());
  /** Text typed that names a suggestion (in English or in the interface language) is that suggestion. */
  function resolve(text) {
    const q = fold(text);
    if (!q) return '';
    return suggestions.find((s) => fold(s) === q || fold(themeLabel(s)) === q) ?? text.trim();
  }
  function add(text) {
    const tag = resolve(text);
    if (!tag || chosen(tag)) return;
    tags.push(tag);
  }
  function draw() {
    clear(chips).append(...tags.map((tag) => {
      const remove = h('button', { type: 'button', class: 'theme-chip-remove', aria: { label: t('plans.action.removeTheme', { theme: themeLabel(tag) }) } }, icon('close'));
      remove.addEventListener('click', () => {
        tags = tags.filter((x) => x !== tag);
        draw();
        input.focus();
      });
      return h('li', { class: 'theme-chip', testid: 'action-theme', data: { theme: tag } },
        h('span', { dir: 'auto', text: themeLabel(tag) }), remove);
    }));
    const q = fold(input.value);
    const list = suggestions.filter((s) => !chosen(s) && (!q || fold(themeLabel(s)).includes(q) || fold(s).includes(q)));
    clear(offered).append(
      ...(list.length ? [h('span', { class: 'theme-suggestions-label', text: t('plans.action.themeSuggestions') })] : []),
      ...list.map((s) => {
        const chip = h('button', { type: 'button', class: 'chip theme-suggestion', testid: 'theme-suggestion', data: { theme: s }, dir: 'auto', text: themeLabel(s) });
        chip.addEventListener('click', () => {
          add(s);
          input.value = '';
          draw();
          input.focus();
        });
        return chip;
      }));
  }
  input.addEventListener('input', draw);
  input.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return;
    if ((e.key === 'Enter' || e.key === ',') && input.value.trim()) {
      e.preventDefault();
      e.stopPropagation();
      add(input.value);
      input.value = '';
      draw();
    } else if (e.key === 'Backspace' && !input.value && tags.length) {
      e.preventDefault();
      tags.pop();
      draw();
    }
  });
  draw();
  return {
    root,
    input,
    /** The tags, with whatever is still typed in the field. */
    value() {
      if (input.value.trim()) {
        add(input.value);
        input.value = '';
        draw();
      }
      return [...tags];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The screen

export async function render(params, ctx) {
  let workshop = state.workshop;
  if (!workshop || workshop.id !== params.id) {
    workshop = await api.openWorkshop(params.id);
    ctx.setWorkshop(workshop);
  }
  const workshopId = workshop.id;
  const restore = params.restore ?? {};

  let plans = await api.listPlans(workshopId);
  let choices = [];
  let themes = [...SUGGESTED_THEMES];
  try {
    choices = await api.groupChoices(workshopId);
  } catch {
    // the picker offers no group
  }
  let tab = restore.tab ?? (params.query?.get('tab') === 'rollup' ? 'rollup' : 'plans');
  const openDialogs = new Set(); // close functions of open dialogs, for unmount

  const undoBar = createUndoBar(workshopId, async () => {
    await reload();
  });

  // ----- the page -----
  const newBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'plan-new' }, icon('plus'), h('span', { text: t('plans.newPlan') }));
  newBtn.addEventListener('click', () => openPlanDialog(null));
  const tabPlans = h('button', { type: 'button', role: 'tab', class: 'tab', testid: 'plans-tab-list' });
  const tabRollup = h('button', { type: 'button', role: 'tab', class: 'tab', testid: 'plans-tab-rollup' });
  tabPlans.addEventListener('click', () => setTab('plans'));
  tabRollup.addEventListener('click', () => setTab('rollup'));
  const tabs = h('div', { class: 'tabs', role: 'tablist', aria: { label: t('plans.viewsLabel') } }, tabPlans, tabRollup);
  tabs.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    setTab(tab === 'plans' ? 'rollup' : 'plans');
    (tab === 'plans' ? tabPlans : tabRollup).focus();
  });
  const listEl = h('div', { class: 'plan-list', testid: 'plan-list', role: 'tabpanel' });
  const rollupEl = h('div', { class: 'rollup', testid: 'rollup', role: 'tabpanel' });
  const place = [workshop.venueCity, countryName(workshop.country)].filter(Boolean).join(', ');

  const root = h('section', { class: 'view view-plans' },
    h('div', { class: 'workshop-head' },
      h('div', { class: 'workshop-head-text' },
        h('h1', { class: 'view-title', id: 'plans-heading', tabindex: -1, text: t('plans.title') }),
        h('p', { class: 'workshop-item-meta' },
          h('span', { class: 'meta meta-title', dir: 'auto', text: workshop.title }),
          place ? h('span', { class: 'meta' }, icon('pin'), h('span', { dir: 'auto', text: place })) : null,
          h('span', { class: 'meta' }, icon('calendar'), h('span', { text: formatDayRange(workshop.startDate, workshop.endDate) })))),
      h('div', { class: 'view-actions' }, undoBar.root, newBtn)),
    h('div', { class: 'toolbar' }, tabs, h('p', { class: 'muted plans-hint', text: t('plans.hint') })),
    listEl,
    rollupEl);

  // ----- data -----
  async function reload() {
    try {
      plans = await api.listPlans(workshopId);
      ctx.hideError();
    } catch (err) {
      ctx.showError(err);
    }
    draw();
  }

  async function loadThemes() {
    try {
      const list = await api.actionThemes(workshopId);
      if (Array.isArray(list) && list.length) themes = list;
    } catch {
      // the suggested ones stay
    }
  }

  function planById(id) {
    return plans.find((p) => p.id === id) ?? null;
  }

  function replaceAction(updated) {
    for (const p of plans) {
      const i = p.actions.findIndex((a) => a.id === updated.id);
      if (i >= 0) p.actions[i] = updated;
    }
  }

  function setTab(next) {
    if (tab === next) return;
    tab = next;
    draw();
  }

  function draw() {
    const count = plans.length;
    tabPlans.replaceChildren(icon('plan'), h('span', { text: t('plans.tabPlans') }), h('span', { class: 'tab-count', text: formatNumber(count) }));
    tabRollup.replaceChildren(icon('board'), h('span', { text: t('plans.tabRollup') }));
    for (const [el, name] of [[tabPlans, 'plans'], [tabRollup, 'rollup']]) {
      el.setAttribute('aria-selected', String(tab === name));
      el.tabIndex = tab === name ? 0 : -1;
      el.classList.toggle('is-selected', tab === name);
    }
    listEl.hidden = tab !== 'plans';
    rollupEl.hidden = tab !== 'rollup';
    if (tab === 'plans') drawList();
    else drawRollup();
  }

  // ----- the plans and their actions -----
  function drawList() {
    const focusedTestid = listEl.contains(document.activeElement) ? document.activeElement.getAttribute('data-testid') : null;
    const focusedAction = document.activeElement?.closest?.('[data-action]')?.dataset.action ?? null;
    const focusedPlan = document.activeElement?.closest?.('[data-plan]')?.dataset.plan ?? null;
    clear(listEl);
    if (!plans.length) {
      const create = h('button', { type: 'button', class: 'btn btn-primary', testid: 'plans-empty-new' }, icon('plus'), h('span', { text: t('plans.newPlan') }));
      create.addEventListener('click', () => openPlanDialog(null));
      listEl.append(h('div', { class: 'empty-note plans-empty', testid: 'plans-empty' },
        icon('plan', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('plans.emptyTitle') }),
        h('p', { class: 'muted', text: t('plans.emptyText') }),
        create));
      return;
    }
    listEl.append(...plans.map(planCard));
    // Keep the focus where it was through the redraw (a status changed in place).
    if (focusedTestid) {
      const scope = focusedAction
        ? listEl.querySelector(`[data-action="${CSS.escape(focusedAction)}"]`)
        : focusedPlan ? listEl.querySelector(`[data-plan="${CSS.escape(focusedPlan)}"]`) : null;
      scope?.querySelector(`[data-testid="${CSS.escape(focusedTestid)}"]`)?.focus();
    }
  }

  function planCard(plan) {
    const addBtn = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'action-new' }, icon('plus'), h('span', { text: t('plans.addAction') }));
    addBtn.addEventListener('click', () => openActionDialog(plan, null));
    const editBtn = h('button', { type: 'button', class: 'btn-icon', testid: 'plan-edit', title: t('plans.editPlan'), aria: { label: t('plans.editPlanNamed', { title: plan.title }) } }, icon('edit'));
    editBtn.addEventListener('click', () => openPlanDialog(plan));
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
    const open = h('button', { type: 'button', class: 'action-open', testid: 'action-open', dir: 'auto', title: t('plans.editAction') },
      h('span', { class: 'action-open-text', text: action.description }));
    open.addEventListener('click', () => openActionDialog(plan, action));
    const status = h('select', {
      class: ['select', 'select-compact', 'status-select', `status-${action.status}`],
      testid: 'action-status-quick',
      aria: { label: t('plans.statusOf', { n: index + 1 }) },
    }, STATUSES.map((s) => h('option', { value: s, text: statusLabel(s), selected: s === action.status })));
    status.addEventListener('change', () => changeStatus(action, status.value));
    const editBtn = h('button', { type: 'button', class: 'btn-icon', testid: 'action-edit', title: t('plans.editAction'), aria: { label: t('plans.editActionN', { n: index + 1 }) } }, icon('edit'));
    editBtn.addEventListener('click', () => openActionDialog(plan, action));
    const historyBtn = h('button', { type: 'button', class: 'btn-icon', testid: 'action-history', title: t('plans.history.title'), aria: { label: t('plans.historyOfN', { n: index + 1 }) } }, icon('history'));
    historyBtn.addEventListener('click', () => openActionDialog(plan, action, { history: true }));
    const deleteBtn = h('button', { type: 'button', class: 'btn-icon btn-icon-danger', testid: 'action-delete', title: t('plans.deleteAction'), aria: { label: t('plans.deleteActionN', { n: index + 1 }) } }, icon('trash'));
    deleteBtn.addEventListener('click', () => deleteAction(action));
    const when = timeline(action);
    return h('tr', { class: ['action-row', `status-${action.status}`], testid: 'action-row', data: { action: action.id, status: action.status } },
      h('td', { class: 'col-n num', text: String(index + 1) }),
      h('td', { class: 'col-action' },
        open,
        ...(action.themes?.length
          ? [h('div', { class: 'row-themes' }, action.themes.map((tag) => h('span', { class: 'tag tag-theme', testid: 'action-row-theme', dir: 'auto', text: themeLabel(tag) })))]
          : []),
        ...(action.notes?.length
          ? [h('ul', { class: 'row-notes', aria: { label: t('plans.action.linkedNotes') } }, action.notes.map((n) => h('li', {
            class: 'row-note',
            testid: 'action-row-note',
            title: t('plans.noteFrom', { question: n.question, quadrant: quadrantLabel(n.quadrant) }),
          }, quadrantBadge(n.quadrant), h('span', { class: 'row-note-text', dir: 'auto', text: oneLine(n.text) }))))]
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
      replaceAction(updated);
      ctx.hideError();
      showToast(t('plans.statusChanged', { status: statusLabel(status) }));
      undoBar.refresh();
    } catch (err) {
      ctx.showError(err);
    }
    draw();
  }

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
      await reload();
      undoBar.refresh();
      undoBar.toast(t('plans.actionDeleted'));
      return true;
    } catch (err) {
      ctx.showError(err);
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
      await reload();
      undoBar.refresh();
      undoBar.toast(t('plans.planDeleted', { title: plan.title }));
      newBtn.focus();
    } catch (err) {
      ctx.showError(err);
    }
  }

  function focusPlan(planId, testid = 'action-new') {
    const card = listEl.querySelector(`[data-plan="${CSS.escape(planId)}"]`);
    card?.scrollIntoView({ block: 'nearest' });
    card?.querySelector(`[data-testid="${testid}"]`)?.focus();
  }

  // ----- a plan: create or edit -----
  async function openPlanDialog(plan) {
    try {
      choices = await api.groupChoices(workshopId);
    } catch {
      // keep the last list
    }
    const errors = createFieldErrors();
    const titleId = uniqueId('plan-dialog-title');
    const datalistId = uniqueId('plan-organisations');
    const scope = h('select', { class: 'select', testid: 'plan-scope' },
      SCOPES.map((s) => h('option', { value: s, text: scopeLabel(s), selected: s === (plan?.scope ?? 'national') })));
    const country = createCountryPicker({ testid: 'plan-country', value: plan?.country ?? null, placeholder: t('country.placeholder') });
    const organisation = h('input', { type: 'text', class: 'input', testid: 'plan-organisation', value: plan?.organisation ?? '', dir: 'auto', autocomplete: 'off', list: datalistId, maxLength: 200 });
    const organisations = h('datalist', { id: datalistId });
    const title = h('input', { type: 'text', class: 'input', testid: 'plan-title', value: plan?.title ?? '', dir: 'auto', autocomplete: 'off', maxLength: 200, placeholder: t('plans.plan.titlePlaceholder') });
    const groupOptions = choices.map((c) => ({ id: c.id, label: `${c.groupingName} · ${c.name}` }));
    if (plan?.groupId && !groupOptions.some((o) => o.id === plan.groupId)) {
      groupOptions.push({ id: plan.groupId, label: plan.groupName ?? t('plans.plan.deletedGroup') });
    }
    const group = h('select', { class: 'select', testid: 'plan-group' },
      h('option', { value: '', text: t('plans.plan.noGroup') }),
      groupOptions.map((o) => h('option', { value: o.id, text: o.label, selected: o.id === plan?.groupId })));
    const scopeHint = h('p', { class: 'field-hint', testid: 'plan-scope-hint' });
    const containers = {
      scope: field({ label: t('plans.plan.scope'), control: scope, body: [scope, scopeHint] }),
      country: field({ label: t('plans.plan.country'), control: country.input, body: country.root }),
      organisation: field({ label: t('plans.plan.organisation'), control: organisation, body: [organisation, organisations] }),
      title: field({ label: t('plans.plan.title'), control: title, wide: true }),
      groupId: field({ label: t('plans.plan.group'), control: group, hint: choices.length ? t('plans.plan.groupHint') : t('plans.plan.noGroupsYet') }),
    };
    const controls = { scope, country: country.input, organisation, title, groupId: group };
    for (const [key, control] of Object.entries(controls)) errors.register(key, { control, container: containers[key] });

    function showRequired() {
      const s = scope.value;
      containers.country.classList.toggle('is-required', s === 'national');
      containers.organisation.classList.toggle('is-required', s === 'organisational');
      scopeHint.textContent = t(`plans.plan.scopeHint.${s}`);
    }
    scope.addEventListener('change', () => {
      showRequired();
      errors.clear('country');
      errors.clear('organisation');
    });
    showRequired();
    try {
      const list = await api.suggestOrganisations(workshopId, '');
      organisations.append(...list.map((o) => h('option', { value: String(o) })));
    } catch {
      // suggestions only
    }

    const formError = h('p', { class: 'form-error', role: 'alert', testid: 'plan-form-error', hidden: true });
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'plan-cancel', text: t('common.cancel') });
    const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'plan-save' }, icon('check'), h('span', { text: plan ? t('common.saveChanges') : t('plans.plan.create') }));
    const closeX = h('button', { type: 'button', class: 'btn-icon', aria: { label: t('common.close') } }, icon('close'));
    const form = h('form', { class: 'plan-form', novalidate: true, testid: 'plan-form' },
      h('div', { class: 'dialog-head' }, h('h2', { class: 'dialog-title', id: titleId, text: plan ? t('plans.plan.editTitle') : t('plans.plan.newTitle') }), closeX),
      h('div', { class: 'dialog-body' },
        h('div', { class: 'form-grid form-grid-compact' },
          containers.scope, containers.groupId, containers.country, containers.organisation, containers.title),
        formError),
      h('div', { class: 'dialog-foot' },
        h('div', { class: 'toast-region toast-region-dialog', role: 'status', aria: { live: 'polite' } }),
        h('p', { class: 'key-hint muted', text: t('plans.plan.keyHint') }),
        cancel, save));
    const dialog = h('dialog', { class: 'dialog dialog-plan', testid: 'plan-dialog', aria: { labelledby: titleId } }, form);
    const close = showModal(dialog, { onCancel: () => done() });
    openDialogs.add(close);
    function done() {
      openDialogs.delete(close);
      close();
    }
    cancel.addEventListener('click', done);
    closeX.addEventListener('click', done);
    form.addEventListener('input', (e) => {
      const key = Object.keys(controls).find((k) => controls[k] === e.target);
      if (key) errors.clear(key);
      formError.hidden = true;
    });
    form.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.isComposing || e.defaultPrevented) return;
      if (e.target instanceof HTMLButtonElement) return;
      e.preventDefault();
      submit();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit();
    });
    let saving = false;
    async function submit() {
      if (saving) return;
      errors.clearAll();
      formError.hidden = true;
      if (country.isUnresolved()) {
        errors.show('country', t('errors.unknown_country'));
        errors.focusFirst();
        return;
      }
      const input = {
        scope: scope.value,
        country: country.commit(),
        organisation: organisation.value.trim(),
        title: title.value.trim(),
        groupId: group.value || null,
      };
      saving = true;
      save.disabled = true;
      try {
        const saved = plan ? await api.updatePlan(plan.id, input) : await api.createPlan(workshopId, input);
        done();
        tab = 'plans';
        await reload();
        undoBar.refresh();
        showToast(plan ? t('plans.planSaved', { title: saved.title }) : t('plans.planCreated', { title: saved.title }));
        focusPlan(saved.id, plan ? 'plan-edit' : 'action-new');
      } catch (err) {
        if (isFieldError(err) && errors.show(err.field, planErrorText(err))) {
          errors.focusFirst();
        } else {
          formError.textContent = planErrorText(err);
          formError.hidden = false;
        }
      } finally {
        saving = false;
        save.disabled = false;
      }
    }
    (plan ? title : scope).focus();
  }

  // ----- an action: add or edit, with its notes and its history -----
  async function openActionDialog(plan, action, { history: showHistory = false } = {}) {
    await loadThemes();
    let current = action; // the stored action, refreshed by link/unlink
    let pendingNotes = []; // a new action's notes, linked when it is added
    const errors = createFieldErrors();
    const titleId = uniqueId('action-dialog-title');
    const v = action ? inputOf(action) : { status: 'planned' };
    const text = (testid, value, extra = {}) => h('input', { type: 'text', class: 'input', testid, value: value ?? '', dir: 'auto', autocomplete: 'off', ...extra });
    const area = (testid, value, rows = 2) => h('textarea', { class: 'input textarea', testid, rows, dir: 'auto' }, value ?? '');
    const description = area('action-description', v.description, 3);
    description.value = v.description ?? '';
    const responsible = text('action-responsible', v.responsible, { maxLength: 200, placeholder: t('plans.action.responsiblePlaceholder') });
    const partners = text('action-partners', v.partners, { maxLength: 500, placeholder: t('plans.action.partnersPlaceholder') });
    const start = h('input', { type: 'date', class: 'input', testid: 'action-start', value: v.startDate ?? '' });
    const due = h('input', { type: 'date', class: 'input', testid: 'action-due', value: v.dueDate ?? '' });
    const status = h('select', { class: 'select', testid: 'action-status' },
      STATUSES.map((s) => h('option', { value: s, text: statusLabel(s), selected: s === v.status })));
    const resources = area('action-resources', v.resources, 2);
    resources.value = v.resources ?? '';
    const indicator = text('action-indicator', v.indicator, { placeholder: t('plans.action.indicatorPlaceholder') });
    const baseline = text('action-baseline', v.baseline);
    const target = text('action-target', v.target);
    const themeInput = createThemeInput({ testid: 'action-themes', value: v.themes ?? [], suggestions: themes });

    const echo = (input) => {
      const el = h('span', { class: 'date-echo', testid: `${input.dataset.testid}-shown`, aria: { live: 'polite' } });
      const update = () => {
        el.textContent = input.value ? formatDay(input.value) : '';
      };
      input.addEventListener('input', update);
      input.addEventListener('change', update);
      update();
      return el;
    };

    const containers = {
      description: field({ label: t('plans.action.description'), control: description, wide: true, className: 'is-required' }),
      responsible: field({ label: t('plans.action.responsible'), control: responsible, className: 'is-required' }),
      partners: field({ label: t('plans.action.partners'), control: partners, className: 'field-span-2' }),
      startDate: field({ label: t('plans.action.start'), control: start, body: [start, echo(start)] }),
      dueDate: field({ label: t('plans.action.due'), control: due, body: [due, echo(due)] }),
      status: field({ label: t('plans.action.status'), control: status }),
      resources: field({ label: t('plans.action.resources'), control: resources, wide: true, hint: t('plans.action.resourcesHint') }),
      indicator: field({ label: t('plans.action.indicator'), control: indicator }),
      baseline: field({ label: t('plans.action.baseline'), control: baseline }),
      target: field({ label: t('plans.action.target'), control: target }),
      themes: field({ label: t('plans.action.themes'), control: themeInput.input, body: themeInput.root, wide: true, hint: t('plans.action.themesHint') }),
    };
    const controls = { description, responsible, partners, startDate: start, dueDate: due, status, resources, indicator, baseline, target, themes: themeInput.input };
    for (const [key, control] of Object.entries(controls)) errors.register(key, { control, container: containers[key] });

    // A due date before the start date is said at once (the core refuses it too, on dueDate).
    const checkDates = () => {
      errors.clear('dueDate');
      if (start.value && due.value && due.value < start.value) {
        errors.show('dueDate', t('plans.errors.date_order.dueDate'));
        return false;
      }
      return true;
    };
    start.addEventListener('change', checkDates);
    due.addEventListener('change', checkDates);

    // ----- linked SWOT notes -----
    const notesList = h('ul', { class: 'linked-notes', testid: 'action-notes' });
    const linkBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'action-link-note' }, icon('board'), h('span', { text: t('plans.action.linkNotes') }));
    const notesSection = h('section', { class: 'linked-notes-section field-wide', aria: { labelledby: `${titleId}-notes` } },
      h('div', { class: 'linked-notes-head' },
        h('h3', { class: 'field-label', id: `${titleId}-notes`, text: t('plans.action.linkedNotes') }),
        linkBtn),
      notesList);
    function linkedNotes() {
      return current ? current.notes ?? [] : pendingNotes;
    }
    function drawNotes() {
      const notes = linkedNotes();
      clear(notesList);
      if (!notes.length) {
        notesList.append(h('li', { class: 'linked-notes-empty muted', text: t('plans.action.noLinkedNotes') }));
        return;
      }
      for (const n of notes) {
        const unlink = h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'action-unlink-note', aria: { label: t('plans.action.unlinkNamed', { text: n.text }) } }, icon('close'), h('span', { text: t('plans.action.unlink') }));
        unlink.addEventListener('click', () => unlinkNote(n));
        notesList.append(h('li', { class: ['linked-note', `quadrant-${n.quadrant}`], testid: 'action-note', data: { note: n.noteId } },
          quadrantBadge(n.quadrant),
          h('div', { class: 'linked-note-text' },
            h('span', { class: 'linked-note-body', dir: 'auto', text: n.text }),
            h('span', { class: 'linked-note-source muted', dir: 'auto', text: t('plans.noteFrom', { question: n.question, quadrant: quadrantLabel(n.quadrant) }) })),
          unlink));
      }
    }
    async function unlinkNote(n) {
      if (!current) {
        pendingNotes = pendingNotes.filter((x) => x.noteId !== n.noteId);
        drawNotes();
        linkBtn.focus();
        return;
      }
      try {
        current = await api.unlinkActionNote(current.id, n.noteId);
        replaceAction(current);
        drawNotes();
        draw();
        undoBar.refresh();
        showToast(t('plans.action.unlinked'));
        linkBtn.focus();
      } catch (err) {
        showToast(errorText(err), { kind: 'error' });
      }
    }
    linkBtn.addEventListener('click', async () => {
      const chosen = await pickNotes(linkedNotes().map((n) => n.noteId));
      if (!chosen?.length) {
        linkBtn.focus();
        return;
      }
      if (!current) {
        pendingNotes.push(...chosen);
        drawNotes();
        linkBtn.focus();
        return;
      }
      try {
        for (const n of chosen) current = await api.linkActionNote(current.id, n.noteId);
        replaceAction(current);
        drawNotes();
        draw();
        undoBar.refresh();
        showToast(t('plans.action.linked', { count: chosen.length }));
      } catch (err) {
        showToast(errorText(err), { kind: 'error' });
      }
      linkBtn.focus();
    });
    drawNotes();

    // ----- history -----
    const history = h('details', { class: 'history action-history', testid: 'action-history-panel', hidden: !action });
    const historyList = h('ol', { class: 'history-list' });
    history.append(h('summary', {}, icon('history'), h('span', { text: t('plans.history.title') })), historyList);
    history.addEventListener('toggle', async () => {
      if (!history.open || !current) return;
      await loadHistory(current.id, historyList);
      history.scrollIntoView({ block: 'nearest' });
    });

    const formError = h('p', { class: 'form-error', role: 'alert', testid: 'action-form-error', hidden: true });
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'action-cancel', text: action ? t('common.close') : t('common.cancel') });
    const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'action-save' }, icon('check'), h('span', { text: action ? t('common.saveChanges') : t('plans.addAction') }));
    const del = action ? h('button', { type: 'button', class: 'btn btn-ghost btn-ghost-danger', testid: 'action-form-delete' }, icon('trash'), h('span', { text: t('plans.deleteAction') })) : null;
    const closeX = h('button', { type: 'button', class: 'btn-icon', aria: { label: t('common.close') } }, icon('close'));
    const form = h('form', { class: 'action-form', novalidate: true, testid: 'action-form' },
      h('div', { class: 'dialog-head' },
        h('div', { class: 'dialog-head-text' },
          h('h2', { class: 'dialog-title', id: titleId, text: action ? t('plans.action.editTitle') : t('plans.action.newTitle') }),
          h('span', { class: ['tag', 'tag-scope', `scope-${plan.scope}`], text: scopeLabel(plan.scope) }),
          h('span', { class: 'dialog-plan-title muted', dir: 'auto', text: plan.title })),
        closeX),
      h('div', { class: 'dialog-body' },
        h('div', { class: 'form-grid form-grid-compact form-grid-3' },
          containers.description,
          containers.responsible, containers.partners,
          containers.startDate, containers.dueDate, containers.status,
          containers.resources,
          containers.indicator, containers.baseline, containers.target,
          containers.themes,
          notesSection),
        formError,
        history),
      h('div', { class: 'dialog-foot' },
        h('div', { class: 'toast-region toast-region-dialog', role: 'status', aria: { live: 'polite' } }),
        h('p', { class: 'key-hint muted', text: t('plans.action.keyHint') }),
        ...(del ? [del] : []),
        cancel, save));
    const dialog = h('dialog', { class: 'dialog dialog-action', testid: 'action-dialog', aria: { labelledby: titleId } }, form);
    const close = showModal(dialog, { onCancel: () => done() });
    openDialogs.add(close);
    function done() {
      openDialogs.delete(close);
      close();
    }
    cancel.addEventListener('click', done);
    closeX.addEventListener('click', done);
    del?.addEventListener('click', async () => {
      if (await deleteAction(current)) done();
    });
    // A changed form says "Cancel" (its changes go), an unchanged one "Close".
    const markDirty = () => {
      if (action) cancel.textContent = t('common.cancel');
    };
    form.addEventListener('input', (e) => {
      const key = Object.keys(controls).find((k) => controls[k] === e.target);
      if (key && key !== 'dueDate') errors.clear(key);
      formError.hidden = true;
      if (key) markDirty();
    });
    form.addEventListener('change', (e) => {
      if (Object.values(controls).includes(e.target)) markDirty();
    });
    themeInput.root.addEventListener('click', (e) => {
      if (e.target.closest('button')) markDirty();
    });
    form.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229 || e.defaultPrevented) return;
      const el = e.target;
      if (el instanceof HTMLButtonElement || el.tagName === 'SUMMARY') return;
      if (el instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      submit();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit();
    });

    let saving = false;
    async function submit() {
      if (saving) return;
      errors.clearAll();
      formError.hidden = true;
      const input = {
        description: description.value.trim(),
        responsible: responsible.value.trim(),
        partners: partners.value.trim(),
        startDate: start.value || null,
        dueDate: due.value || null,
        status: status.value,
        resources: resources.value.trim(),
        indicator: indicator.value.trim(),
        baseline: baseline.value.trim(),
        target: target.value.trim(),
        themes: themeInput.value(),
      };
      saving = true;
      save.disabled = true;
      try {
        const saved = current
          ? await api.updateAction(current.id, input)
          : await api.addAction(plan.id, input, pendingNotes.map((n) => n.noteId));
        done();
        await reload();
        undoBar.refresh();
        showToast(current ? t('plans.actionSaved') : t('plans.actionAdded'));
        const row = listEl.querySelector(`[data-action="${CSS.escape(saved.id)}"]`);
        row?.scrollIntoView({ block: 'nearest' });
        row?.querySelector('[data-testid="action-open"]')?.focus();
      } catch (err) {
        if (isFieldError(err) && errors.show(err.field, planErrorText(err))) {
          errors.focusFirst();
        } else {
          formError.textContent = planErrorText(err);
          formError.hidden = false;
        }
      } finally {
        saving = false;
        save.disabled = false;
      }
    }

    if (showHistory && action) {
      history.open = true;
      history.scrollIntoView({ block: 'nearest' });
      history.querySelector('summary').focus();
    } else {
      description.focus();
    }
  }

  async function loadHistory(actionId, list) {
    clear(list).append(h('li', { class: 'muted', text: t('common.loading') }));
    try {
      const entries = await api.actionHistory(actionId);
      clear(list);
      if (!entries.length) list.append(h('li', { class: 'muted', text: t('history.empty') }));
      // Newest first: what changed last is what one looks for.
      for (const entry of [...entries].reverse()) {
        const changes = Object.entries(entry.changes ?? {})
          .filter(([key, pair]) => Array.isArray(pair) && key !== 'position' && key !== 'deletedAt' && has(`plans.field.${key}`));
        list.append(h('li', { class: 'history-entry', testid: 'action-history-entry' },
          h('div', { class: 'history-head' },
            h('strong', { text: t(`plans.history.op.${entry.op}`) }),
            h('span', { class: 'muted', text: formatDateTime(entry.at) })),
          entry.op === 'update' && changes.length
            ? h('ul', { class: 'history-changes' }, changes.map(([key, [before, after]]) => h('li', {},
              h('span', { class: 'history-field', text: t(`plans.field.${key}`) }),
              h('span', { class: 'history-old', dir: 'auto', text: showValue(key, before) }),
              h('span', { class: 'history-arrow', aria: { hidden: 'true' }, text: '→' }),
              h('span', { class: 'history-new', dir: 'auto', text: showValue(key, after) }))))
            : null));
      }
    } catch (err) {
      clear(list).append(h('li', { class: 'field-error', text: errorText(err) }));
    }
  }

  function showValue(key, value) {
    let v = value;
    if (key === 'themes' && typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch {
        // shown as stored
      }
    }
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('history.empty_value');
    if (key === 'status') return statusLabel(v);
    if (key === 'startDate' || key === 'dueDate') return formatDay(v);
    if (key === 'themes' && Array.isArray(v)) return v.map(themeLabel).join(', ');
    if (key === 'planId') return planById(v)?.title ?? t('plans.history.otherPlan');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  // ----- choosing SWOT notes to link -----
  /** Resolves to the notes chosen ([{ noteId, boardId, question, quadrant, text, votes }]) or null. */
  function pickNotes(alreadyLinked) {
    return new Promise((resolve) => {
      const linked = new Set(alreadyLinked);
      const chosen = new Map();
      const titleId = uniqueId('note-picker-title');
      const search = h('input', { type: 'search', class: 'input input-search', testid: 'note-search', placeholder: t('plans.picker.search'), autocomplete: 'off', dir: 'auto' });
      const body = h('div', { class: 'note-picker-list', testid: 'note-picker-list' }, h('p', { class: 'muted', text: t('common.loading') }));
      const cancel = h('button', { type: 'button', class: 'btn', testid: 'note-picker-cancel', text: t('common.cancel') });
      const ok = h('button', { type: 'button', class: 'btn btn-primary', testid: 'note-link-confirm', disabled: true });
      const closeX = h('button', { type: 'button', class: 'btn-icon', aria: { label: t('common.close') } }, icon('close'));
      const dialog = h('dialog', { class: 'dialog dialog-note-picker', testid: 'note-picker', aria: { labelledby: titleId } },
        h('div', { class: 'note-picker' },
          h('div', { class: 'dialog-head' }, h('h2', { class: 'dialog-title', id: titleId, text: t('plans.picker.title') }), closeX),
          h('div', { class: 'dialog-body' },
            h('div', { class: 'search-box' }, icon('search', 'icon search-icon'), search),
            body),
          h('div', { class: 'dialog-foot' },
            h('p', { class: 'key-hint muted', text: t('plans.picker.hint') }),
            cancel, ok)));
      const finish = (answer) => {
        if (close()) {
          openDialogs.delete(close);
          resolve(answer);
        }
      };
      const close = showModal(dialog, { onCancel: () => finish(null) });
      openDialogs.add(close);
      cancel.addEventListener('click', () => finish(null));
      closeX.addEventListener('click', () => finish(null));
      ok.addEventListener('click', () => finish([...chosen.values()]));
      const drawOk = () => {
        ok.disabled = chosen.size === 0;
        ok.textContent = chosen.size ? t('plans.picker.linkN', { count: chosen.size }) : t('plans.picker.link');
      };
      drawOk();

      let boards = [];
      const drawList = () => {
        const q = fold(search.value);
        clear(body);
        if (!boards.length) {
          body.append(h('div', { class: 'empty-note', testid: 'note-picker-empty' },
            h('p', { class: 'empty-title', text: t('plans.picker.noBoards') }),
            h('p', { class: 'muted', text: t('plans.picker.noBoardsText') })));
          return;
        }
        let shown = 0;
        for (const board of boards) {
          const notes = (board.notes ?? []).filter((n) => !n.isHeading && (!q || fold(n.text).includes(q) || fold(board.question).includes(q)));
          if (!notes.length) continue;
          const quadrants = QUADRANTS.map((quadrant) => {
            const inQ = notes.filter((n) => n.quadrant === quadrant);
            if (!inQ.length) return null;
            return h('div', { class: ['picker-quadrant', `quadrant-${quadrant}`] },
              h('h4', { class: 'picker-quadrant-title' }, quadrantBadge(quadrant), h('span', { text: quadrantLabel(quadrant) })),
              h('ul', { class: 'picker-notes' }, inQ.map((n) => {
                shown += 1;
                const isLinked = linked.has(n.id);
                const box = h('input', { type: 'checkbox', testid: 'note-option', data: { note: n.id }, checked: isLinked || chosen.has(n.id), disabled: isLinked });
                box.addEventListener('change', () => {
                  if (box.checked) chosen.set(n.id, { noteId: n.id, boardId: board.id, question: board.question, quadrant: n.quadrant, text: n.text, votes: n.votes ?? 0 });
                  else chosen.delete(n.id);
                  drawOk();
                });
                return h('li', {},
                  h('label', { class: ['picker-note', isLinked && 'is-linked'] },
                    box,
                    h('span', { class: 'picker-note-text', dir: 'auto', text: n.text }),
                    ...(n.votes ? [h('span', { class: 'tag tag-muted', title: t('plans.picker.votes'), text: `★ ${formatNumber(n.votes)}` })] : []),
                    ...(isLinked ? [h('span', { class: 'tag tag-accent', text: t('plans.picker.alreadyLinked') })] : [])));
              })));
          }).filter(Boolean);
          body.append(h('section', { class: 'picker-board', testid: 'note-picker-board' },
            h('h3', { class: 'picker-board-title', dir: 'auto' },
              h('span', { text: board.question }),
              ...(board.groupName ? [h('span', { class: 'tag tag-muted', dir: 'auto', text: board.groupName })] : [])),
            h('div', { class: 'picker-quadrants' }, quadrants)));
        }
        if (!shown) body.append(h('p', { class: 'muted', testid: 'note-picker-none', text: t('plans.picker.noMatch') }));
      };
      search.addEventListener('input', drawList);
      (async () => {
        try {
          const summaries = await api.listBoards(workshopId);
          boards = await Promise.all(summaries.map((b) => api.getBoard(b.id)));
        } catch (err) {
          clear(body).append(h('p', { class: 'field-error', text: errorText(err) }));
          return;
        }
        drawList();
      })();
      search.focus();
    });
  }

  // ----- the roll-up -----
  let rollupSeq = 0;
  async function drawRollup() {
    const seq = ++rollupSeq;
    let r;
    try {
      r = await api.plansRollup(workshopId);
    } catch (err) {
      ctx.showError(err);
      return;
    }
    if (seq !== rollupSeq) return;
    clear(rollupEl);
    const total = r.byStatus.reduce((n, c) => n + c.count, 0);
    if (!plans.length) {
      rollupEl.append(h('div', { class: 'empty-note', testid: 'rollup-empty' },
        icon('plan', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('plans.rollup.emptyTitle') }),
        h('p', { class: 'muted', text: t('plans.rollup.emptyText') })));
      return;
    }
    const today = localIsoDay().slice(0, 7);
    const matrix = themeMatrix(r);
    rollupEl.append(
      h('div', { class: 'rollup-stats' },
        statCard('rollup-status', t('plans.rollup.byStatus'), total,
          r.byStatus.map((c) => ({ key: c.key, label: statusLabel(c.key), count: c.count, cls: `status-${c.key}` })), ''),
        statCard('rollup-theme', t('plans.rollup.byTheme'), total,
          r.byTheme.map((c) => ({ key: c.key, label: themeLabel(c.key), count: c.count, cls: 'is-theme' })), t('plans.rollup.noThemes')),
        statCard('rollup-month', t('plans.rollup.byMonth'), total,
          r.byDueMonth.map((c) => ({
            key: c.key,
            label: c.key === 'none' ? t('plans.rollup.noDueDate') : monthLabel(c.key),
            count: c.count,
            cls: c.key === 'none' ? 'is-none' : c.key < today ? 'is-past' : 'is-month',
          })), t('plans.rollup.noDates'))),
      ...(matrix ? [matrix] : []),
      h('div', { class: ['rollup-columns', r.organisational.length && 'has-three'] },
        h('section', { class: 'rollup-column', testid: 'rollup-national', aria: { labelledby: 'rollup-national-title' } },
          h('h2', { class: 'rollup-column-title', id: 'rollup-national-title' }, icon('pin'), h('span', { text: t('plans.rollup.national') })),
          ...(r.national.length
            ? r.national.map((c) => h('div', { class: 'rollup-country', testid: 'rollup-country', data: { country: c.country } },
              h('h3', { class: 'rollup-country-name' }, h('span', { text: countryName(c.country) || t('plans.rollup.noCountry') }), h('span', { class: 'rollup-code', text: c.country })),
              ...(c.themes.length ? [h('div', { class: 'row-themes' }, c.themes.map((th) => h('span', { class: 'tag tag-theme', dir: 'auto' }, themeLabel(th.key), h('span', { class: 'tag-count', text: formatNumber(th.count) }))))] : []),
              c.plans.map(planSummary)))
            : [h('p', { class: 'muted', text: t('plans.rollup.noNational') })])),
        h('section', { class: 'rollup-column rollup-regional', testid: 'rollup-regional', aria: { labelledby: 'rollup-regional-title' } },
          h('h2', { class: 'rollup-column-title', id: 'rollup-regional-title' }, icon('globe'), h('span', { text: t('plans.rollup.regional') })),
          ...(r.regional.length ? r.regional.map(planSummary) : [h('p', { class: 'muted', text: t('plans.rollup.noRegional') })])),
        ...(r.organisational.length
          ? [h('section', { class: 'rollup-column', testid: 'rollup-organisational', aria: { labelledby: 'rollup-org-title' } },
            h('h2', { class: 'rollup-column-title', id: 'rollup-org-title' }, icon('users'), h('span', { text: t('plans.rollup.organisational') })),
            r.organisational.map(planSummary))]
          : [])));
  }

  function statCard(testid, title, total, rows, emptyText) {
    const max = Math.max(1, ...rows.map((r) => r.count));
    return h('section', { class: 'rollup-card', testid, aria: { label: title } },
      h('h3', { class: 'rollup-card-title' }, h('span', { text: title }), h('span', { class: 'muted rollup-card-total', text: t('plans.actionCount', { count: total }) })),
      rows.length
        ? h('ul', { class: 'rollup-bars' }, rows.map((r) => {
          const fill = h('span', { class: ['rollup-fill', r.cls] });
          fill.style.width = `${(r.count / max) * 100}%`;
          return h('li', { class: 'rollup-row', testid: `${testid}-row`, data: { key: r.key, count: r.count } },
            h('span', { class: 'rollup-label', dir: 'auto', title: r.label, text: r.label }),
            h('span', { class: 'rollup-bar', aria: { hidden: 'true' } }, fill),
            h('span', { class: 'rollup-count num', text: formatNumber(r.count) }));
        }))
        : h('p', { class: 'muted', text: emptyText }));
  }

  /** Countries (and the regional plans) against themes: where the plans meet. */
  function themeMatrix(r) {
    const columns = r.byTheme.slice(0, 8).map((c) => c.key);
    if (!columns.length) return null;
    const rows = [
      ...r.national.map((c) => ({
        label: countryName(c.country) || c.country,
        kind: 'national',
        counts: new Map(c.themes.map((x) => [x.key, x.count])),
      })),
      ...r.regional.map((p) => {
        const counts = new Map();
        for (const a of p.actions) for (const th of a.themes ?? []) counts.set(th, (counts.get(th) ?? 0) + 1);
        return { label: p.title, kind: 'regional', counts };
      }),
    ];
    if (!rows.length) return null;
    const max = Math.max(1, ...rows.flatMap((row) => [...row.counts.values()]));
    return h('section', { class: 'rollup-matrix-card', testid: 'rollup-matrix', aria: { labelledby: 'rollup-matrix-title' } },
      h('h2', { class: 'rollup-column-title', id: 'rollup-matrix-title' }, icon('board'), h('span', { text: t('plans.rollup.matrix') })),
      h('div', { class: 'table-wrap rollup-matrix-wrap' },
        h('table', { class: 'data-table rollup-matrix' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col', text: t('plans.rollup.countryOrPlan') }),
            columns.map((key) => h('th', { scope: 'col', class: 'matrix-theme', title: themeLabel(key) }, h('span', { dir: 'auto', text: themeLabel(key) }))))),
          h('tbody', {}, rows.map((row) => h('tr', { class: `matrix-${row.kind}` },
            h('th', { scope: 'row' },
              ...(row.kind === 'regional' ? [h('span', { class: 'tag tag-scope scope-regional', text: scopeLabel('regional') })] : []),
              h('span', { dir: 'auto', text: row.label })),
            columns.map((key) => {
              const n = row.counts.get(key) ?? 0;
              const level = n ? Math.min(4, Math.ceil((n / max) * 4)) : 0;
              return h('td', { class: ['matrix-cell', `level-${level}`], title: `${row.label} · ${themeLabel(key)}: ${n}`, text: n ? formatNumber(n) : '·' });
            })))))));
  }

  function planSummary(plan) {
    const shown = plan.actions.slice(0, 6);
    return h('article', { class: 'rollup-plan', testid: 'rollup-plan', data: { plan: plan.id } },
      h('div', { class: 'rollup-plan-head' },
        h('h4', { class: 'rollup-plan-title', dir: 'auto', text: plan.title }),
        ...(plan.groupName || plan.organisation
          ? [h('span', { class: 'muted rollup-plan-meta', dir: 'auto', text: [plan.organisation, plan.groupName].filter(Boolean).join(' · ') })]
          : [])),
      statusStack(plan.actions),
      ...(shown.length
        ? [h('ol', { class: 'rollup-actions' }, shown.map((a) => h('li', { class: `status-${a.status}` },
          h('span', { class: ['status-dot', `status-${a.status}`], title: statusLabel(a.status) }),
          h('span', { class: 'rollup-action-text', dir: 'auto', text: a.description }),
          ...(a.dueDate ? [h('span', { class: 'muted nowrap', text: formatDay(a.dueDate) })] : []))))]
        : []),
      ...(plan.actions.length > shown.length ? [h('p', { class: 'muted small', text: t('plans.rollup.more', { count: plan.actions.length - shown.length }) })] : []));
  }

  draw();
  await undoBar.refresh();

  return {
    root,
    focus(opts = {}) {
      if (opts.restoring) return;
      root.querySelector('h1')?.focus({ preventScroll: true });
    },
    snapshot: () => ({ tab }),
    unmount() {
      undoBar.destroy();
      for (const close of [...openDialogs]) close();
      openDialogs.clear();
    },
  };
}
