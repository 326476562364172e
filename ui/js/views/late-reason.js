// Asks why a participant is marked present for a session that is already over (they forgot the
// kiosk, the laptop was down, they signed the paper sheet). The reason is kept with the mark and
// shown in the grid; a few common reasons fill the field with one click.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { showModal } from '../components/modal.js';

const SUGGESTIONS = ['forgot', 'kioskDown', 'arrivedLate', 'paperSheet'];

/** Resolves to the reason typed, or null when the facilitator cancels. */
export function askLateReason({ name, when }) {
  return new Promise((resolve) => {
    const errors = createFieldErrors();
    const input = h('input', {
      type: 'text',
      class: 'input',
      testid: 'late-reason',
      maxLength: 500,
      autocomplete: 'off',
      dir: 'auto',
    });
    const reasonField = field({ label: t('late.reason'), control: input, hint: t('late.hint') });
    errors.register('reason', { control: input, container: reasonField });
    const chips = h('div', { class: 'late-suggestions', role: 'group', aria: { label: t('late.suggestionsLabel') } },
      SUGGESTIONS.map((key) => {
        const chip = h('button', { type: 'button', class: 'chip', testid: `late-reason-${key}`, text: t(`late.suggestion.${key}`) });
        chip.addEventListener('click', () => {
          input.value = t(`late.suggestion.${key}`);
          errors.clearAll();
          input.focus();
        });
        return chip;
      }));
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'late-reason-cancel', text: t('common.cancel') });
    const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'late-reason-save', text: t('late.save') });
    const form = h('form', { class: 'dialog-form', method: 'dialog' },
      h('h2', { class: 'dialog-title', id: 'late-reason-title', text: t('late.title') }),
      h('p', { class: 'dialog-text', dir: 'auto', text: t('late.lead', { name, when }) }),
      reasonField,
      chips,
      h('div', { class: 'dialog-actions' }, cancel, save));
    const dialog = h('dialog', { class: 'dialog dialog-late-reason', testid: 'late-reason-dialog', aria: { labelledby: 'late-reason-title' } }, form);

    const finish = (answer) => {
      if (close()) resolve(answer);
    };
    const close = showModal(dialog, { onCancel: () => finish(null) });
    cancel.addEventListener('click', () => finish(null));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      errors.clearAll();
      const reason = input.value.trim();
      if (!reason) {
        errors.show('reason', t('late.required'));
        errors.focusFirst();
        return;
      }
      finish(reason);
    });
    input.focus();
  });
}
