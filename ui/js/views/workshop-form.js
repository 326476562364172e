// Create or edit a workshop. Errors from the core land beside their field (error-<field>).
import { h, icon } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { state } from '../state.js';
import { languageName, languageEndonym } from '../format.js';
import { errorText, isFieldError } from '../errors.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { createCountryPicker } from '../components/country-picker.js';
import { showToast } from '../components/toast.js';

// Working languages offered: the ILO's and those of the regions these courses run in.
const WORKING_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'hi', 'ne', 'bn', 'ur', 'si', 'ta', 'th', 'vi', 'km', 'lo', 'my', 'id', 'ms', 'tl', 'mn', 'fa', 'tr', 'sw'];

const DEFAULTS = {
  title: '', venueCity: '', country: null, startDate: '', endDate: '', sessionsPerDay: 2,
  organisers: '', programmeCode: '', workingLanguages: ['en'], youthAgeLimit: 35,
};

export async function render(params, ctx) {
  const editing = params.id ? (await api.listWorkshops(true)).find((w) => w.id === params.id) : null;
  if (params.id && !editing) throw { code: 'not_found', message: 'Workshop not found.' };
  const fromList = params.query.get('from') === 'list';
  const values = { ...DEFAULTS, ...(editing ?? {}), ...(params.restore?.values ?? {}) };
  const errors = createFieldErrors();

  const input = (testid, value, extra = {}) => h('input', { type: 'text', class: 'input', testid, value: value ?? '', ...extra });
  const title = input('workshop-title', values.title, { dir: 'auto', autocomplete: 'off' });
  const city = input('workshop-city', values.venueCity, { dir: 'auto' });
  const country = createCountryPicker({ testid: 'workshop-country', value: values.country, placeholder: t('country.placeholder') });
  const start = input('workshop-start', values.startDate, { type: 'date' });
  const end = input('workshop-end', values.endDate, { type: 'date' });
  const sessions = h('select', { class: 'select', testid: 'workshop-sessions' },
    [1, 2, 3].map((n) => h('option', { value: String(n), text: t('workshopForm.sessionsOption', { count: n }), selected: Number(values.sessionsPerDay) === n })));
  const organisers = input('workshop-organisers', values.organisers, { dir: 'auto' });
  const code = input('workshop-code', values.programmeCode, { attrs: { spellcheck: 'false' } });
  const youth = input('workshop-youth-limit', values.youthAgeLimit ?? 35, { type: 'number', min: 15, max: 99, step: 1, inputmode: 'numeric' });

  // Keep the languages already chosen even when they are not in the usual list.
  const offered = [...WORKING_LANGUAGES, ...(values.workingLanguages ?? []).filter((c) => !WORKING_LANGUAGES.includes(c))];
  const languages = h('fieldset', { class: 'fieldset language-grid', testid: 'workshop-languages' },
    h('legend', { class: 'field-label', text: t('workshopForm.workingLanguages') }),
    offered.map((codeValue) => {
      const endonym = languageEndonym(codeValue);
      const name = languageName(codeValue);
      return h('label', { class: 'check check-language' },
        h('input', { type: 'checkbox', value: codeValue, testid: `workshop-language-${codeValue}`, checked: (values.workingLanguages ?? []).includes(codeValue) }),
        h('span', { text: name }),
        endonym && endonym.toLowerCase() !== name.toLowerCase() ? h('span', { class: 'muted', lang: codeValue, dir: 'auto', text: endonym }) : null);
    }));

  const fields = [
    ['title', title, field({ label: t('workshopForm.title'), control: title, wide: true })],
    ['venueCity', city, field({ label: t('workshopForm.city'), control: city })],
    ['country', country.input, field({ label: t('workshopForm.country'), control: country.input, body: country.root })],
    ['startDate', start, field({ label: t('workshopForm.startDate'), control: start })],
    ['endDate', end, field({ label: t('workshopForm.endDate'), control: end })],
    ['sessionsPerDay', sessions, field({ label: t('workshopForm.sessionsPerDay'), control: sessions })],
    ['youthAgeLimit', youth, field({ label: t('workshopForm.youthAgeLimit'), control: youth, hint: t('workshopForm.youthHint') })],
    ['organisers', organisers, field({ label: t('workshopForm.organisers'), control: organisers, wide: true, hint: t('workshopForm.organisersHint') })],
    ['programmeCode', code, field({ label: t('workshopForm.programmeCode'), control: code })],
    ['workingLanguages', languages, field({ label: t('workshopForm.workingLanguages'), control: languages, wide: true })],
  ];
  for (const [name, control, container] of fields) {
    errors.register(name, { control, container, focusTarget: name === 'workingLanguages' ? languages.querySelector('input') : control });
  }

  function readValues() {
    const youthText = youth.value.trim();
    return {
      title: title.value.trim(),
      venueCity: city.value.trim(),
      country: country.commit(),
      startDate: start.value,
      endDate: end.value,
      sessionsPerDay: Number(sessions.value),
      organisers: organisers.value.trim(),
      programmeCode: code.value.trim(),
      workingLanguages: [...languages.querySelectorAll('input:checked')].map((c) => c.value),
      youthAgeLimit: youthText === '' ? null : Number(youthText),
    };
  }

  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'workshop-save' },
    icon('check'), h('span', { text: editing ? t('common.saveChanges') : t('workshopForm.create') }));
  const cancelHref = editing && !fromList ? `#/workshops/${encodeURIComponent(editing.id)}` : state.workshop || fromList ? '#/workshops' : '#/';
  const cancelBtn = h('a', { class: 'btn', href: cancelHref, testid: 'workshop-cancel', text: t('common.cancel') });

  const form = h('form', { class: 'form-grid', novalidate: true, testid: 'workshop-form' },
    fields.map(([, , container]) => container),
    h('div', { class: 'form-actions field-wide' }, cancelBtn, saveBtn));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.clearAll();
    ctx.hideError();
    const inputValues = readValues();
    if (country.isUnresolved()) {
      errors.show('country', t('errors.unknown_country'));
      errors.focusFirst();
      return;
    }
    // The core judges the range; only text that is not a whole number is caught here, since it
    // cannot be sent as one.
    const youthValue = inputValues.youthAgeLimit;
    if (youthValue !== null && !Number.isInteger(youthValue)) {
      errors.show('youthAgeLimit', t('errors.out_of_range.youthAgeLimit'));
      errors.focusFirst();
      return;
    }
    saveBtn.disabled = true;
    try {
      const saved = editing ? await api.updateWorkshop(editing.id, inputValues) : await api.createWorkshop(inputValues);
      // create_workshop opens the new workshop; an edit of the open one refreshes the header.
      if (!editing || state.workshop?.id === saved.id) ctx.setWorkshop(saved);
      showToast(t(editing ? 'workshopForm.savedToast' : 'workshopForm.createdToast', { title: saved.title }));
      ctx.navigate(editing && fromList ? '#/workshops' : `#/workshops/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      if (isFieldError(err) && errors.show(err.field, errorText(err))) errors.focusFirst();
      else ctx.showError(err);
    } finally {
      saveBtn.disabled = false;
    }
  });
  // Editing a field clears its error; the next save checks again.
  form.addEventListener('input', (e) => {
    const hit = fields.find(([, control]) => control === e.target || control.contains(e.target));
    if (hit) errors.clear(hit[0]);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      location.hash = cancelHref;
    }
  });

  const root = h('section', { class: 'view view-form' },
    h('div', { class: 'view-head' },
      h('div', {},
        h('a', { class: 'back-link', href: cancelHref }, icon('chevronLeft'), h('span', { text: editing && !fromList ? t('workshopForm.backToWorkshop') : t('workshops.backToList') })),
        h('h1', { class: 'view-title', tabindex: -1, text: editing ? t('workshopForm.editTitle') : t('workshopForm.newTitle') }),
        editing && h('p', { class: 'view-subtitle muted', dir: 'auto', text: editing.title }))),
    h('div', { class: 'card' }, form));

  return {
    root,
    snapshot: () => ({ values: { ...readValues(), country: country.value } }),
    focus: () => title.focus(),
  };
}
