// "Start kiosk" from the facilitator's window: the first time, choose the PIN that will end kiosk
// mode; then, optionally, fix today's session instead of letting the clock choose (a morning that
// runs late). Starting opens the full-screen kiosk window and hides this one.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { showModal } from '../components/modal.js';
import { localIsoDay, sessionName } from '../format.js';


export async function startKioskDialog(workshop) {
  let pinIsSet = await api.kioskPinIsSet();
  const today = localIsoDay();
  const todayIsAWorkshopDay = today >= workshop.startDate && today <= workshop.endDate;
  const errors = createFieldErrors();

  const pin = h('input', { type: 'password', class: 'input', testid: 'kiosk-new-pin', autocomplete: 'new-password', attrs: { inputmode: 'numeric' } });
  const pinAgain = h('input', { type: 'password', class: 'input', testid: 'kiosk-new-pin-again', autocomplete: 'new-password', attrs: { inputmode: 'numeric' } });
  const session = h('select', { class: 'select', testid: 'kiosk-session', disabled: !todayIsAWorkshopDay },
    h('option', { value: '', text: t('kioskStart.sessionAuto') }),
    todayIsAWorkshopDay && Array.from({ length: workshop.sessionsPerDay }, (_, i) => h('option', {
      value: String(i + 1),
      text: t('kioskStart.sessionToday', { session: sessionName(i + 1, workshop.sessionsPerDay).toLocaleLowerCase() }),
    })));

  const pinFields = pinIsSet ? [] : [
    h('p', { class: 'dialog-text', text: t('kioskStart.choosePin') }),
    field({ label: t('kioskStart.pin'), control: pin }),
    field({ label: t('kioskStart.pinAgain'), control: pinAgain }),
  ];
  const sessionField = field({ label: t('kioskStart.session'), control: session, hint: todayIsAWorkshopDay ? null : t('kioskStart.notToday') });
  errors.register('pin', { control: pin, container: pinFields[1] ?? sessionField });
  errors.register('pinAgain', { control: pinAgain, container: pinFields[2] ?? sessionField });
  errors.register('session', { control: session, container: sessionField });

  const cancel = h('button', { type: 'button', class: 'btn', testid: 'kiosk-start-cancel', text: t('kioskStart.cancel') });
  const start = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'kiosk-start', text: t('kioskStart.start') });
  const formError = h('p', { class: 'field-error', testid: 'kiosk-start-error', hidden: true });
  const form = h('form', { class: 'dialog-form', method: 'dialog' },
    h('h2', { class: 'dialog-title', id: 'kiosk-start-title', text: t('kioskStart.title') }),
    h('p', { class: 'dialog-text', text: t('kioskStart.lead') }),
    pinFields,
    sessionField,
    formError,
    h('div', { class: 'dialog-actions' }, cancel, start));
  const dialog = h('dialog', { class: 'dialog dialog-kiosk-start', testid: 'kiosk-start-dialog', aria: { labelledby: 'kiosk-start-title' } }, form);

  const close = showModal(dialog, { onCancel: () => close() });
  cancel.addEventListener('click', close);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.clearAll();
    formError.hidden = true;
    if (!pinIsSet && pin.value !== pinAgain.value) {
      errors.show('pinAgain', t('kioskStart.pinMismatch'));
      errors.focusFirst();
      return;
    }
    start.disabled = true;
    try {
      if (!pinIsSet) {
        await api.chooseKioskPin(pin.value);
        pinIsSet = true; // a second try (say the kiosk failed to open) must not choose it again
      }
      const chosen = session.value ? { day: today, session: Number(session.value) } : null;
      await api.startKiosk(workshop.id, chosen);
      close();
    } catch (err) {
      if (!errors.show(err.field, err.message)) {
        formError.textContent = err.message;
        formError.hidden = false;
      }
      errors.focusFirst();
    } finally {
      start.disabled = false;
    }
  });
  (pinIsSet ? start : pin).focus();
}
