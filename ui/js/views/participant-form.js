// The registration form (add and edit) in a modal <dialog>. Built for walk-ins without a mouse:
// focus starts in the name, Enter saves from any field (Ctrl+Enter in the notes), Escape cancels,
// and after a new registration the form clears and focus returns to the name for the next person.
import { h, icon, clear, debounce, uniqueId } from '../dom.js';
import { t, has } from '../i18n.js';
import * as api from '../api.js';
import { countryName } from '../countries.js';
import { formatDateTime, sexLabel, roleLabel } from '../format.js';
import { errorText, isFieldError } from '../errors.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { createCountryPicker } from '../components/country-picker.js';
import { showToast } from '../components/toast.js';

export const SEXES = ['woman', 'man', 'another', 'not_stated'];
export const ROLES = ['participant', 'resource_person', 'facilitator', 'organiser_staff', 'observer'];

const EMPTY = {
  fullName: '', nameLatin: '', sex: 'not_stated', birthYear: null, country: null, organisation: '',
  position: '', role: 'participant', email: '', phone: '', consentContact: false, consentPhotos: false, notes: '',
};

export function createParticipantForm({ workshopId, ctx, onSaved }) {
  let editing = null; // the Participant being edited, or null for a new registration
  let latinTouched = false; // the user typed the transliteration: stop filling it in
  let saving = false;
  let transliterationSeq = 0;
  let organisationSeq = 0;
  const errors = createFieldErrors();
  const titleId = uniqueId('participant-form-title');
  const datalistId = uniqueId('organisations');

  // ----- controls -----
  const text = (testid, extra = {}) => h('input', { type: 'text', class: 'input', testid, autocomplete: 'off', ...extra });
  const name = text('participant-name', { dir: 'auto', placeholder: t('participantForm.fullNameHint'), attrs: { spellcheck: 'false' } });
  const latin = text('participant-latin', { dir: 'ltr', attrs: { spellcheck: 'false' }, lang: 'en' });
  const sex = h('select', { class: 'select', testid: 'participant-sex' },
    SEXES.map((s) => h('option', { value: s, text: sexLabel(s) })));
  const birthYear = text('participant-birth-year', { inputmode: 'numeric', maxLength: 4, placeholder: t('participantForm.birthYearPlaceholder') });
  const country = createCountryPicker({ testid: 'participant-country', placeholder: t('country.placeholder') });
  const organisation = text('participant-organisation', { dir: 'auto', list: datalistId });
  const organisationList = h('datalist', { id: datalistId, testid: 'organisation-suggestions' });
  const position = text('participant-position', { dir: 'auto' });
  const role = h('select', { class: 'select', testid: 'participant-role' },
    ROLES.map((r) => h('option', { value: r, text: roleLabel(r) })));
  const email = h('input', { type: 'email', class: 'input', testid: 'participant-email', autocomplete: 'off', attrs: { spellcheck: 'false' }, inputmode: 'email' });
  const phone = h('input', { type: 'tel', class: 'input', testid: 'participant-phone', autocomplete: 'off', dir: 'ltr' });
  const consentContact = h('input', { type: 'checkbox', testid: 'participant-consent-contact' });
  const consentPhotos = h('input', { type: 'checkbox', testid: 'participant-consent-photos' });
  const notes = h('textarea', { class: 'input textarea', testid: 'participant-notes', rows: 2, dir: 'auto' });

  const consentGroup = h('fieldset', { class: 'fieldset consent-group' },
    h('legend', { class: 'field-label', text: t('participantForm.consent') }),
    h('label', { class: 'check' }, consentContact, h('span', { text: t('participantForm.consentContact') })),
    h('label', { class: 'check' }, consentPhotos, h('span', { text: t('participantForm.consentPhotos') })));

  const containers = {
    fullName: field({ label: t('participantForm.fullName'), control: name, className: 'field-span-2' }),
    nameLatin: field({ label: t('participantForm.nameLatin'), control: latin, hint: t('participantForm.nameLatinHint') }),
    sex: field({ label: t('participantForm.sex'), control: sex }),
    birthYear: field({ label: t('participantForm.birthYear'), control: birthYear }),
    country: field({ label: t('participantForm.country'), control: country.input, body: country.root }),
    organisation: field({ label: t('participantForm.organisation'), control: organisation, body: [organisation, organisationList], className: 'field-span-2' }),
    position: field({ label: t('participantForm.position'), control: position }),
    role: field({ label: t('participantForm.role'), control: role }),
    email: field({ label: t('participantForm.email'), control: email }),
    phone: field({ label: t('participantForm.phone'), control: phone }),
    consentContact: null,
    consentPhotos: null,
    notes: field({ label: t('participantForm.notes'), control: notes, wide: true, hint: t('participantForm.notesHint') }),
  };
  const consentField = h('div', { class: 'field field-wide' }, consentGroup);
  const controls = {
    fullName: name, nameLatin: latin, sex, birthYear, country: country.input, organisation, position, role,
    email, phone, consentContact, consentPhotos, notes,
  };
  for (const [key, control] of Object.entries(controls)) {
    errors.register(key, { control, container: containers[key] ?? consentField });
  }

  // ----- header, warnings, footer -----
  const heading = h('h2', { class: 'dialog-title', id: titleId });
  const badge = h('span', { class: 'tag tag-badge', testid: 'participant-badge', hidden: true });
  const formError = h('div', { class: 'form-error', role: 'alert', testid: 'form-error', hidden: true });
  const duplicateBox = h('div', { class: 'duplicate-warning', testid: 'duplicate-warning', hidden: true, tabindex: -1 });
  const reviewBox = h('div', { class: 'walk-in-review', testid: 'walk-in-review', hidden: true });
  const history = h('details', { class: 'history', testid: 'participant-history', hidden: true });
  const historyList = h('ol', { class: 'history-list' });
  history.append(h('summary', {}, icon('history'), h('span', { text: t('history.title') })), historyList);
  history.addEventListener('toggle', () => {
    if (history.open && editing) loadHistory(editing.id);
  });

  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'participant-save' });
  const cancelBtn = h('button', { type: 'button', class: 'btn', testid: 'participant-cancel', text: t('common.cancel') });
  const closeBtn = h('button', { type: 'button', class: 'btn-icon', aria: { label: t('common.close') } }, icon('close'));
  cancelBtn.addEventListener('click', () => close());
  closeBtn.addEventListener('click', () => close());

  const form = h('form', { class: 'participant-form', novalidate: true, testid: 'participant-form' },
    h('div', { class: 'dialog-head' }, h('div', { class: 'dialog-head-text' }, heading, badge), closeBtn),
    h('div', { class: 'dialog-body' },
      reviewBox,
      h('div', { class: 'form-grid form-grid-compact form-grid-3' },
        containers.fullName, containers.nameLatin, containers.sex, containers.birthYear, containers.country,
        containers.organisation, containers.position, containers.role, containers.email, containers.phone,
        consentField, containers.notes),
      duplicateBox,
      formError,
      history),
    h('div', { class: 'dialog-foot' },
      // Confirmations ("Registered …") appear here, in place of the key hint, not over the fields.
      h('div', { class: 'toast-region toast-region-dialog', role: 'status', aria: { live: 'polite' } }),
      h('p', { class: 'key-hint muted', text: t('participantForm.keyHint') }),
      cancelBtn, saveBtn));

  const dialog = h('dialog', { class: 'dialog dialog-participant', aria: { labelledby: titleId } }, form);

  // ----- live helpers -----
  const fillTransliteration = debounce(async () => {
    const seq = ++transliterationSeq;
    const value = name.value.trim();
    if (latinTouched) return;
    if (!value) {
      latin.value = '';
      return;
    }
    try {
      const suggestion = await api.suggestTransliteration(value);
      // Drop answers overtaken by more typing, or by the user taking over the field.
      if (seq === transliterationSeq && !latinTouched && typeof suggestion === 'string') latin.value = suggestion;
    } catch {
      // A suggestion is a convenience: typing goes on without it.
    }
  }, 120);

  const fillOrganisations = debounce(async () => {
    const seq = ++organisationSeq;
    try {
      const list = await api.suggestOrganisations(workshopId, organisation.value.trim());
      if (seq !== organisationSeq || !Array.isArray(list)) return;
      clear(organisationList).append(...list.map((o) => h('option', { value: String(o) })));
    } catch {
      // suggestions only
    }
  }, 120);

  name.addEventListener('input', () => {
    if (!latinTouched) fillTransliteration();
  });
  latin.addEventListener('input', () => {
    // Emptying the field hands it back to the automatic suggestion.
    latinTouched = latin.value.trim() !== '';
    if (!latinTouched) fillTransliteration();
  });
  organisation.addEventListener('input', fillOrganisations);
  organisation.addEventListener('focus', fillOrganisations);

  // Any change after a duplicate warning makes it stale; editing a field clears its own error.
  form.addEventListener('input', (e) => {
    hideDuplicates();
    const key = Object.keys(controls).find((k) => controls[k] === e.target);
    if (key) errors.clear(key);
  });

  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229 || e.defaultPrevented) return;
    const target = e.target;
    if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target.tagName === 'SUMMARY') return;
    if (target instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    submit(false);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });

  // ----- reading and filling -----
  function parseBirthYear() {
    const raw = birthYear.value.trim();
    if (raw === '') return { value: null, ok: true };
    if (!/^\d{4}$/.test(raw)) return { value: null, ok: false };
    return { value: Number(raw), ok: true };
  }

  function read() {
    return {
      fullName: name.value.trim(),
      nameLatin: latin.value.trim(),
      sex: sex.value,
      birthYear: parseBirthYear().value,
      country: country.commit(),
      organisation: organisation.value.trim(),
      position: position.value.trim(),
      role: role.value,
      email: email.value.trim(),
      phone: phone.value.trim(),
      consentContact: consentContact.checked,
      consentPhotos: consentPhotos.checked,
      notes: notes.value.trim(),
    };
  }

  function fill(values) {
    const v = { ...EMPTY, ...values };
    name.value = v.fullName ?? '';
    latin.value = v.nameLatin ?? '';
    sex.value = SEXES.includes(v.sex) ? v.sex : 'not_stated';
    birthYear.value = v.birthYear == null ? '' : String(v.birthYear);
    country.value = v.country;
    organisation.value = v.organisation ?? '';
    position.value = v.position ?? '';
    role.value = ROLES.includes(v.role) ? v.role : 'participant';
    email.value = v.email ?? '';
    phone.value = v.phone ?? '';
    consentContact.checked = Boolean(v.consentContact);
    consentPhotos.checked = Boolean(v.consentPhotos);
    notes.value = v.notes ?? '';
  }

  function setMode(participant) {
    editing = participant;
    heading.textContent = editing ? t('participantForm.editTitle') : t('participantForm.newTitle');
    saveBtn.replaceChildren(icon('check'), h('span', { text: editing ? t('common.saveChanges') : t('participantForm.register') }));
    badge.hidden = !editing?.badgeCode;
    badge.textContent = editing?.badgeCode ? t('participantForm.badge', { code: editing.badgeCode }) : '';
    history.hidden = !editing;
    history.open = false;
    clear(historyList);
    showReview();
  }

  // ----- a walk-in registered at the kiosk, to be looked at -----
  function showReview() {
    clear(reviewBox);
    reviewBox.hidden = !editing?.needsReview;
    if (reviewBox.hidden) return;
    const reviewed = h('button', { type: 'button', class: 'btn btn-small', testid: 'mark-reviewed' },
      icon('check'), h('span', { text: t('walkIn.markReviewed') }));
    reviewed.addEventListener('click', async () => {
      try {
        const updated = await api.markParticipantReviewed(editing.id);
        editing = updated;
        reviewBox.hidden = true;
        showToast(t('walkIn.reviewedToast', { name: updated.fullName }));
        onSaved?.(updated);
      } catch (err) {
        ctx.showError(err);
      }
    });
    reviewBox.append(icon('alert', 'icon walk-in-review-icon'),
      h('div', { class: 'walk-in-review-text' },
        h('strong', { text: t('walkIn.reviewTitle') }),
        h('span', { class: 'muted', text: t('walkIn.reviewText') })),
      reviewed);
  }

  /** For a walk-in, the duplicate check runs as soon as the form opens. */
  async function checkWalkInDuplicates(participant) {
    try {
      const candidates = await api.findDuplicates(workshopId, read(), participant.id);
      if (editing?.id === participant.id && Array.isArray(candidates) && candidates.length) showDuplicates(candidates);
    } catch (err) {
      ctx.showError(err);
    }
  }

  function resetMessages() {
    errors.clearAll();
    hideDuplicates();
    formError.hidden = true;
    formError.textContent = '';
  }

  // ----- duplicates -----
  function hideDuplicates() {
    if (duplicateBox.hidden) return;
    duplicateBox.hidden = true;
    clear(duplicateBox);
  }

  function showDuplicates(candidates) {
    clear(duplicateBox);
    const saveAnyway = h('button', { type: 'button', class: 'btn btn-small', testid: 'duplicate-save-anyway', text: t('duplicates.saveAnyway') });
    saveAnyway.addEventListener('click', () => submit(true));
    duplicateBox.append(
      h('div', { class: 'duplicate-head' },
        icon('alert', 'icon duplicate-icon'),
        h('div', {},
          h('h3', { class: 'duplicate-title', text: t('duplicates.title', { count: candidates.length }) }),
          h('p', { class: 'muted', text: t('duplicates.explain') }))),
      h('ul', { class: 'duplicate-list' }, candidates.map(({ participant: p, reason }) => {
        const openBtn = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'duplicate-open', text: t('duplicates.openExisting') });
        openBtn.addEventListener('click', () => openEdit(p));
        const details = [p.organisation, countryName(p.country, p.countryName), p.email].filter(Boolean).join(' · ');
        return h('li', { class: 'duplicate-item', testid: 'duplicate-candidate' },
          h('div', { class: 'duplicate-who' },
            h('strong', { dir: 'auto', text: p.fullName }),
            p.nameLatin && p.nameLatin !== p.fullName ? h('span', { class: 'muted', text: ` (${p.nameLatin})` }) : null,
            h('span', { class: 'duplicate-details muted', dir: 'auto', text: details }),
            h('span', { class: 'tag tag-warn', testid: 'duplicate-reason', text: t(`duplicates.reason.${reason}`) })),
          openBtn);
      })),
      h('div', { class: 'duplicate-actions' }, saveAnyway));
    duplicateBox.hidden = false;
    duplicateBox.scrollIntoView({ block: 'nearest' });
    duplicateBox.querySelector('[data-testid="duplicate-open"]')?.focus();
  }

  // ----- saving -----
  async function submit(skipDuplicateCheck) {
    if (saving) return;
    resetMessages();
    const input = read();
    let invalid = false;
    if (!parseBirthYear().ok) invalid = errors.show('birthYear', t('errors.invalid_value.birthYear'));
    if (country.isUnresolved()) invalid = errors.show('country', t('errors.unknown_country')) || invalid;
    if (invalid) {
      errors.focusFirst();
      return;
    }
    saving = true;
    saveBtn.disabled = true;
    try {
      if (!skipDuplicateCheck) {
        const candidates = await api.findDuplicates(workshopId, input, editing?.id ?? null);
        if (Array.isArray(candidates) && candidates.length) {
          showDuplicates(candidates);
          return;
        }
      }
      const saved = editing ? await api.updateParticipant(editing.id, input) : await api.createParticipant(workshopId, input);
      if (editing) {
        close();
        showToast(t('participantForm.savedToast', { name: saved.fullName }));
      } else {
        showToast(t('participantForm.registeredToast', { name: saved.fullName, badge: saved.badgeCode ?? '' }));
        startNew();
      }
      onSaved?.(saved);
    } catch (err) {
      const onField = isFieldError(err) && errors.show(err.field, errorText(err));
      if (onField) {
        errors.focusFirst();
      } else {
        formError.textContent = errorText(err);
        formError.hidden = false;
        ctx.showError(err);
      }
    } finally {
      saving = false;
      saveBtn.disabled = false;
    }
  }

  // ----- history -----
  async function loadHistory(id) {
    clear(historyList).append(h('li', { class: 'muted', text: t('common.loading') }));
    try {
      const entries = await api.participantHistory(id);
      clear(historyList);
      if (!entries.length) historyList.append(h('li', { class: 'muted', text: t('history.empty') }));
      for (const entry of entries) {
        const changes = Object.entries(entry.changes ?? {}).filter(([, pair]) => Array.isArray(pair));
        historyList.append(h('li', { class: 'history-entry' },
          h('div', { class: 'history-head' },
            h('strong', { text: t(`history.op.${entry.op}`) }),
            h('span', { class: 'muted', text: formatDateTime(entry.at) })),
          entry.op === 'update' && changes.length
            ? h('ul', { class: 'history-changes' }, changes.map(([key, [before, after]]) => h('li', {},
              h('span', { class: 'history-field', text: has(`participantForm.fieldNames.${key}`) ? t(`participantForm.fieldNames.${key}`) : key }),
              h('span', { class: 'history-old', dir: 'auto', text: showValue(key, before) }),
              h('span', { class: 'history-arrow', aria: { hidden: 'true' }, text: '→' }),
              h('span', { class: 'history-new', dir: 'auto', text: showValue(key, after) }))))
            : null));
      }
    } catch (err) {
      clear(historyList).append(h('li', { class: 'field-error', text: errorText(err) }));
    }
  }

  function showValue(key, value) {
    if (value === null || value === undefined || value === '') return t('history.empty_value');
    if (key === 'sex') return sexLabel(value);
    if (key === 'role') return roleLabel(value);
    if (key === 'country') return countryName(value);
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  // ----- opening and closing -----
  function show() {
    if (!dialog.isConnected) document.body.append(dialog);
    if (!dialog.open) {
      // A confirmation left from the last time the form was open is stale now.
      clear(dialog.querySelector('.toast-region'));
      dialog.showModal();
    }
  }

  function startNew(draft = null) {
    setMode(null);
    resetMessages();
    fill(draft ?? EMPTY);
    latinTouched = Boolean(draft?.latinTouched);
    show();
    name.focus();
  }

  function openEdit(participant) {
    setMode(participant);
    resetMessages();
    fill(participant);
    latinTouched = Boolean(participant.nameLatin);
    show();
    name.focus();
    name.select();
    if (participant.needsReview) checkWalkInDuplicates(participant);
  }

  function close() {
    fillTransliteration.cancel();
    fillOrganisations.cancel();
    resetMessages();
    if (dialog.open) dialog.close();
  }

  return {
    dialog,
    openNew: (draft) => startNew(draft),
    openEdit,
    close,
    isOpen: () => dialog.open,
    /** What to carry across a language switch. */
    snapshot: () => (dialog.open ? { editing, values: read(), latinTouched } : null),
    restore(snap) {
      if (!snap) return;
      if (snap.editing) {
        openEdit(snap.editing);
        fill(snap.values);
      } else {
        startNew({ ...snap.values, latinTouched: snap.latinTouched });
      }
      latinTouched = snap.latinTouched;
      // A suggestion still on its way when the language switched: ask again.
      if (!latinTouched && name.value.trim() && !latin.value.trim()) fillTransliteration();
    },
    destroy() {
      close();
      dialog.remove();
    },
  };
}
