// "Create an action from this note" (A, or the note's tools): a plan, chosen or new, what will be
// done and who does it. The action is linked to the note, which then shows it.
import { h, icon } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { countryName } from '../../countries.js';
import { errorText } from '../../errors.js';
import { showToast } from '../../components/toast.js';
import { showModal, dialogToastRegion } from '../../components/modal.js';
import { field, createFieldErrors } from '../../components/form-fields.js';
import { createCountryPicker } from '../../components/country-picker.js';
import { SCOPES } from '../plans/labels.js';

const NEW_PLAN = '__new__';
/** The fields an error can be shown beside (the plan's, then the action's). */
const FIELDS = ['title', 'country', 'organisation', 'description', 'responsible'];
/** The plan chosen last time an action was created from a note (kept while the app runs). */
let lastPlanId = null;

function planLabel(plan) {
  const whose = plan.scope === 'national' ? countryName(plan.country) : plan.scope === 'organisational' ? plan.organisation : '';
  return [plan.title, [t(`board.scope.${plan.scope}`), whose].filter(Boolean).join(' · ')].join(' — ');
}

export function createActionDialog(ed) {
  async function openActionDialog(id) {
    const note = ed.byId(id);
    if (!note || note.isHeading) return;
    ed.closePopover();
    let plans;
    try {
      plans = await api.listPlans(ed.workshopId);
    } catch (err) {
      ed.ctx.showError(err);
      return;
    }
    const { board } = ed;
    const errors = createFieldErrors();
    const planSelect = h('select', { class: 'select', testid: 'action-plan' },
      plans.map((p) => h('option', { value: p.id, text: planLabel(p) })),
      h('option', { value: NEW_PLAN, text: t('board.action.newPlan') }));
    // The plan used last, else the plan of the board's group, else the first one.
    const preferred = plans.find((p) => p.id === lastPlanId)
      ?? plans.find((p) => board.groupId && p.groupId === board.groupId)
      ?? plans[0];
    planSelect.value = preferred ? preferred.id : NEW_PLAN;

    const planTitle = h('input', {
      type: 'text', class: 'input', testid: 'action-plan-title', dir: 'auto', maxLength: 200, autocomplete: 'off',
      value: board.groupName ? t('board.action.planTitleDefault', { group: board.groupName }) : '',
    });
    const scope = h('select', { class: 'select', testid: 'action-plan-scope' },
      SCOPES.map((s) => h('option', { value: s, text: t(`board.scope.${s}`) })));
    const country = createCountryPicker({ testid: 'action-plan-country', placeholder: t('country.placeholder') });
    const organisation = h('input', { type: 'text', class: 'input', testid: 'action-plan-organisation', dir: 'auto', maxLength: 200, autocomplete: 'off' });
    const description = h('textarea', { class: 'input textarea', testid: 'action-description', dir: 'auto', rows: 3, maxLength: 2000 });
    const responsible = h('input', { type: 'text', class: 'input', testid: 'action-responsible', dir: 'auto', maxLength: 200, autocomplete: 'off' });

    const planField = field({ label: t('board.action.plan'), control: planSelect, wide: true });
    const titleField = field({ label: t('board.action.planTitle'), control: planTitle, wide: true });
    const scopeField = field({ label: t('board.action.scope'), control: scope });
    const countryField = field({ label: t('board.action.country'), control: country.input, body: country.root });
    const orgField = field({ label: t('board.action.organisation'), control: organisation });
    const descriptionField = field({ label: t('board.action.description'), control: description, hint: t('board.action.descriptionHint'), wide: true });
    const responsibleField = field({ label: t('board.action.responsible'), control: responsible, wide: true });
    errors.register('plan', { control: planSelect, container: planField });
    errors.register('title', { control: planTitle, container: titleField });
    errors.register('country', { control: country.input, container: countryField });
    errors.register('organisation', { control: organisation, container: orgField });
    errors.register('description', { control: description, container: descriptionField });
    errors.register('responsible', { control: responsible, container: responsibleField });

    const newPlanBox = h('fieldset', { class: 'action-new-plan', testid: 'action-new-plan' },
      h('legend', { text: t('board.action.newPlanLegend') }),
      h('div', { class: 'form-grid form-grid-compact' }, titleField, scopeField, countryField, orgField));
    function showFields() {
      newPlanBox.hidden = planSelect.value !== NEW_PLAN;
      countryField.hidden = scope.value !== 'national';
      orgField.hidden = scope.value !== 'organisational';
    }
    planSelect.addEventListener('change', showFields);
    scope.addEventListener('change', () => {
      showFields();
      errors.clear('country');
      errors.clear('organisation');
    });
    showFields();

    const formError = h('p', { class: 'form-error', testid: 'action-error', hidden: true });
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'action-cancel', text: t('common.cancel') });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'action-save' }, icon('plus'), h('span', { text: t('board.action.save') }));
    const form = h('form', { class: 'dialog-form action-form', method: 'dialog', novalidate: true },
      h('h2', { class: 'dialog-title', id: 'action-dialog-title', text: t('board.action.title') }),
      h('blockquote', { class: ['action-note', `q-${note.quadrant}`] },
        h('span', { class: 'action-note-quadrant', text: t(`board.quadrant.${note.quadrant}`) }),
        h('span', { class: 'action-note-text', dir: 'auto', testid: 'action-note-text', text: note.text })),
      h('div', { class: 'form-grid form-grid-compact' }, planField, h('div', { class: 'field-wide' }, newPlanBox), descriptionField, responsibleField),
      formError,
      h('div', { class: 'dialog-actions' }, cancel, submit),
      dialogToastRegion());
    const dialog = h('dialog', { class: 'dialog dialog-action', testid: 'action-dialog', aria: { labelledby: 'action-dialog-title' } }, form);

    const finish = () => {
      if (close()) ed.focusNote(id);
    };
    const close = showModal(dialog, { onCancel: finish });
    cancel.addEventListener('click', finish);

    /** The error beside its field (the core names the plan's and the action's alike), else under the form. */
    function showFailure(err) {
      const name = err?.field;
      if (FIELDS.includes(name)) {
        errors.show(name, err.code === 'required' ? t(`board.action.required.${name}`) : errorText(err));
        errors.focusFirst();
      } else {
        formError.textContent = errorText(err);
        formError.hidden = false;
      }
    }

    /** The new plan's input; null (with the reason shown) while its country is not one. */
    function newPlanInput() {
      const code = country.commit();
      if (scope.value === 'national' && country.isUnresolved()) {
        errors.show('country', t('errors.unknown_country'));
        errors.focusFirst();
        return null;
      }
      return {
        scope: scope.value,
        country: scope.value === 'national' ? code : null,
        organisation: scope.value === 'organisational' ? organisation.value : '',
        title: planTitle.value,
        groupId: board.groupId ?? null,
      };
    }

    let busy = false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      errors.clearAll();
      formError.hidden = true;
      const action = { description: description.value, responsible: responsible.value, status: 'planned', themes: [] };
      const planInput = planSelect.value === NEW_PLAN ? newPlanInput() : null;
      if (planSelect.value === NEW_PLAN && !planInput) return;
      busy = true;
      submit.disabled = true;
      try {
        // A new plan comes with its action in one edit: one undo takes both back, and an
        // action refused leaves no empty plan behind.
        const plan = planInput
          ? (await api.createPlanWithAction(ed.workshopId, planInput, action, [id])).plan
          : plans.find((p) => p.id === planSelect.value);
        if (!planInput) await api.addAction(plan.id, action, [id]);
        lastPlanId = plan.id;
        close();
        showToast(t('board.action.added', { plan: plan.title }));
        ed.focusId = id;
        ed.undoBar.edited();
        await ed.reload({ note: id });
      } catch (err) {
        showFailure(err);
      } finally {
        busy = false;
        submit.disabled = false;
      }
    });

    (planSelect.value === NEW_PLAN ? planTitle : description).focus();
  }

  return { openActionDialog };
}
