// A one-field dialog asking for a name (a group's, a grouping's), with its error under the field.
import { h, uniqueId } from '../../dom.js';
import { t } from '../../i18n.js';
import { errorText } from '../../errors.js';
import { field, createFieldErrors } from '../../components/form-fields.js';
import { showModal } from '../../components/modal.js';

/**
 * Resolves with what `save(name)` returned (by default the name itself), or null when cancelled.
 * `save` may throw the core's error, which is shown under the field for another try.
 */
export function askName({ title, label, value = '', testid, saveLabel = null, save = async (name) => name }) {
  return new Promise((resolve) => {
    const errors = createFieldErrors();
    const titleId = uniqueId('ask-title');
    const input = h('input', { type: 'text', class: 'input', testid, value, maxLength: 200, autocomplete: 'off', dir: 'auto', attrs: { spellcheck: 'false' } });
    const container = field({ label, control: input });
    errors.register('value', { control: input, container });
    const cancel = h('button', { type: 'button', class: 'btn', testid: `${testid}-cancel`, text: t('common.cancel') });
    const ok = h('button', { type: 'submit', class: 'btn btn-primary', testid: `${testid}-save`, text: saveLabel ?? t('common.saveChanges') });
    const form = h('form', { class: 'dialog-form', novalidate: true },
      h('h2', { class: 'dialog-title', id: titleId, dir: 'auto', text: title }),
      container,
      h('div', { class: 'dialog-actions' }, cancel, ok));
    const dialog = h('dialog', { class: 'dialog dialog-ask', testid: `${testid}-dialog`, aria: { labelledby: titleId } }, form);
    const finish = (answer) => {
      if (close()) resolve(answer);
    };
    const close = showModal(dialog, { onCancel: () => finish(null) });
    cancel.addEventListener('click', () => finish(null));
    input.addEventListener('input', () => errors.clearAll());
    let busy = false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      errors.clearAll();
      const text = input.value.trim();
      if (!text) {
        errors.show('value', t('groups.nameRequired'));
        errors.focusFirst();
        return;
      }
      busy = true;
      ok.disabled = true;
      try {
        const result = await save(text);
        finish(result ?? text);
      } catch (err) {
        errors.show('value', errorText(err));
        errors.focusFirst();
      } finally {
        busy = false;
        ok.disabled = false;
      }
    });
    input.focus();
    input.select();
  });
}
