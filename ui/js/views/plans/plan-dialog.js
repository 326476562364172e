// A plan, new or edited: its scope (a national plan needs its country, an organisational one its
// organisation), the group that made it, its title.
import { h, icon, uniqueId } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { isFieldError } from '../../errors.js';
import { field, createFieldErrors } from '../../components/form-fields.js';
import { createCountryPicker } from '../../components/country-picker.js';
import { dialogToastRegion } from '../../components/modal.js';
import { showToast } from '../../components/toast.js';
import { SCOPES, scopeLabel, planErrorText } from './labels.js';

/** Opens the dialog for `plan`, or for a new plan when it is null. */
export async function openPlanDialog(page, plan) {
  try {
    page.groupChoices = await api.groupChoices(page.workshopId);
  } catch {
    // keep the last list
  }
  const choices = page.groupChoices;
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
  // A plan keeps showing the group it belongs to, even once that group is deleted.
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

  /** Marks the field the scope needs, and says what the scope means. */
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
    const list = await api.suggestOrganisations(page.workshopId, '');
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
      dialogToastRegion(),
      h('p', { class: 'key-hint muted', text: t('plans.plan.keyHint') }),
      cancel, save));
  const dialog = h('dialog', { class: 'dialog dialog-plan', testid: 'plan-dialog', aria: { labelledby: titleId } }, form);
  const close = page.showDialog(dialog, () => close());
  cancel.addEventListener('click', close);
  closeX.addEventListener('click', close);
  form.addEventListener('input', (e) => {
    const key = Object.keys(controls).find((k) => controls[k] === e.target);
    if (key) errors.clear(key);
    formError.hidden = true;
  });
  // Enter anywhere but on a button saves (the country picker takes its own Enter first).
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
      const saved = plan ? await api.updatePlan(plan.id, input) : await api.createPlan(page.workshopId, input);
      close();
      page.tab = 'plans';
      await page.reload();
      page.undoBar.edited();
      showToast(plan ? t('plans.planSaved', { title: saved.title }) : t('plans.planCreated', { title: saved.title }));
      page.focusPlan(saved.id, plan ? 'plan-edit' : 'action-new');
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
