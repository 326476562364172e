// An action, added or edited: what will be done and who is responsible (required), partners,
// start and due dates, status, resources, the indicator with its baseline and target, themes,
// the SWOT notes it answers, and its history. Enter saves (Ctrl+Enter in a text area).
import { h, icon, uniqueId } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { formatDay } from '../../format.js';
import { isFieldError } from '../../errors.js';
import { field, createFieldErrors } from '../../components/form-fields.js';
import { dialogToastRegion } from '../../components/modal.js';
import { showToast } from '../../components/toast.js';
import { STATUSES, statusLabel, scopeLabel, planErrorText, inputOf } from './labels.js';
import { createThemeInput } from './theme-input.js';
import { createLinkedNotes } from './linked-notes.js';
import { loadActionHistory } from './action-history.js';

/** Opens the dialog for `action` of `plan` (null: a new one); `history` opens its history. */
export async function openActionDialog(page, plan, action, { history: showHistory = false } = {}) {
  await page.loadThemes();
  const errors = createFieldErrors();
  const titleId = uniqueId('action-dialog-title');
  const v = action ? inputOf(action) : { status: 'planned' };
  const text = (testid, value, extra = {}) => h('input', { type: 'text', class: 'input', testid, value: value ?? '', dir: 'auto', autocomplete: 'off', ...extra });
  const area = (testid, value, rows) => h('textarea', { class: 'input textarea', testid, rows, dir: 'auto', value: value ?? '' });
  const description = area('action-description', v.description, 3);
  const responsible = text('action-responsible', v.responsible, { maxLength: 200, placeholder: t('plans.action.responsiblePlaceholder') });
  const partners = text('action-partners', v.partners, { maxLength: 500, placeholder: t('plans.action.partnersPlaceholder') });
  const start = h('input', { type: 'date', class: 'input', testid: 'action-start', value: v.startDate ?? '' });
  const due = h('input', { type: 'date', class: 'input', testid: 'action-due', value: v.dueDate ?? '' });
  const status = h('select', { class: 'select', testid: 'action-status' },
    STATUSES.map((s) => h('option', { value: s, text: statusLabel(s), selected: s === v.status })));
  const resources = area('action-resources', v.resources, 2);
  const indicator = text('action-indicator', v.indicator, { placeholder: t('plans.action.indicatorPlaceholder') });
  const baseline = text('action-baseline', v.baseline);
  const target = text('action-target', v.target);
  const themeInput = createThemeInput({ testid: 'action-themes', value: v.themes ?? [], suggestions: page.themes });

  /** A date field's day in words under it (the field itself shows the system's format). */
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
    if (start.value && due.value && due.value < start.value) errors.show('dueDate', t('plans.errors.date_order.dueDate'));
  };
  start.addEventListener('change', checkDates);
  due.addEventListener('change', checkDates);

  const notes = createLinkedNotes(page, action, titleId);

  const history = h('details', { class: 'history action-history', testid: 'action-history-panel', hidden: !action });
  const historyList = h('ol', { class: 'history-list' });
  history.append(h('summary', {}, icon('history'), h('span', { text: t('plans.history.title') })), historyList);
  history.addEventListener('toggle', async () => {
    if (!history.open || !notes.action()) return;
    await loadActionHistory(page, notes.action().id, historyList);
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
        notes.section),
      formError,
      history),
    h('div', { class: 'dialog-foot' },
      dialogToastRegion(),
      h('p', { class: 'key-hint muted', text: t('plans.action.keyHint') }),
      del,
      cancel, save));
  const dialog = h('dialog', { class: 'dialog dialog-action', testid: 'action-dialog', aria: { labelledby: titleId } }, form);
  const close = page.showDialog(dialog, () => close());
  cancel.addEventListener('click', close);
  closeX.addEventListener('click', close);
  del?.addEventListener('click', async () => {
    if (await page.deleteAction(notes.action())) close();
  });
  // A changed form says "Cancel" (its changes go), an unchanged one "Close".
  const markChanged = () => {
    if (action) cancel.textContent = t('common.cancel');
  };
  form.addEventListener('input', (e) => {
    const key = Object.keys(controls).find((k) => controls[k] === e.target);
    if (key && key !== 'dueDate') errors.clear(key);
    formError.hidden = true;
    if (key) markChanged();
  });
  form.addEventListener('change', (e) => {
    if (Object.values(controls).includes(e.target)) markChanged();
  });
  themeInput.root.addEventListener('click', (e) => {
    if (e.target.closest('button')) markChanged();
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
    const stored = notes.action();
    saving = true;
    save.disabled = true;
    try {
      const saved = stored
        ? await api.updateAction(stored.id, input)
        : await api.addAction(plan.id, input, notes.noteIds());
      close();
      await page.reload();
      page.undoBar.edited();
      showToast(stored ? t('plans.actionSaved') : t('plans.actionAdded'));
      page.focusAction(saved.id);
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
