// The banner under the header for errors that belong to no field (storage, backups, lost shell…).
import { h, icon, clear } from '../dom.js';
import { t } from '../i18n.js';
import { errorText } from '../errors.js';

let area = null;
let lastError = null;

export function initBanner(element) {
  area = element;
  area.setAttribute('data-testid', 'error-banner');
  area.setAttribute('role', 'alert');
  area.hidden = true;
}

/** Shows an error (an IPC error object or a plain string) until it is dismissed. */
export function showError(err) {
  if (!area) return;
  lastError = err;
  render();
}

export function hideError() {
  lastError = null;
  if (area) {
    clear(area);
    area.hidden = true;
  }
}

/** Re-translates the banner after a language switch. */
export function rerenderBanner() {
  if (lastError !== null) render();
}

function render() {
  clear(area);
  area.hidden = false;
  area.append(
    h('div', { class: 'banner' },
      icon('alert', 'icon banner-icon'),
      h('p', { class: 'banner-text', testid: 'error-banner-text', text: errorText(lastError) }),
      h('button', {
        type: 'button',
        class: 'btn btn-small btn-ghost',
        testid: 'error-banner-dismiss',
        text: t('common.dismiss'),
        on: { click: hideError },
      }),
    ),
  );
}
