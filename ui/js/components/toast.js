// Short confirmations ("Registered Sita Sharma") with an optional action such as Undo.
// Toasts go into a polite live region. While a modal <dialog> is open the rest of the page is inert,
// so a toast raised then is shown inside that dialog's own region, where it can be seen and clicked.
import { h, icon } from '../dom.js';
import { t } from '../i18n.js';

function regionForNow() {
  const dialogs = [...document.querySelectorAll('dialog[open]')];
  const top = dialogs[dialogs.length - 1];
  return top?.querySelector('.toast-region') ?? document.getElementById('toast-region');
}

/**
 * showToast('Deleted X', { action: { label, testid, onClick }, timeout, kind })
 * Returns a function that dismisses the toast.
 */
export function showToast(message, options = {}) {
  const region = regionForNow();
  if (!region) return () => {};
  const { action = null, timeout = action ? 9000 : 4000, kind = 'info' } = options;
  let timer = null;
  const dismiss = () => {
    clearTimeout(timer);
    toast.remove();
  };
  const toast = h(
    'div',
    { class: ['toast', `toast-${kind}`], testid: 'toast' },
    icon(kind === 'error' ? 'alert' : 'check', 'icon toast-icon'),
    h('span', { class: 'toast-message', text: message }),
    action &&
      h('button', {
        type: 'button',
        class: 'btn btn-small btn-toast-action',
        testid: action.testid,
        text: action.label,
        on: {
          click: () => {
            dismiss();
            action.onClick();
          },
        },
      }),
    h('button', {
      type: 'button',
      class: 'btn-icon btn-toast-close',
      aria: { label: t('common.dismiss') },
      on: { click: dismiss },
    }, icon('close')),
  );
  // Keep a toast up while the pointer or focus is on it (an Undo must not vanish under the cursor).
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(dismiss, timeout);
  };
  toast.addEventListener('mouseenter', () => clearTimeout(timer));
  toast.addEventListener('mouseleave', arm);
  toast.addEventListener('focusin', () => clearTimeout(timer));
  toast.addEventListener('focusout', arm);
  // Only the latest action can be undone from a toast: an older Undo may no longer make sense
  // (the archive was already reversed another way, a backup was restored since).
  if (action) {
    for (const old of region.querySelectorAll('.toast')) {
      if (old.querySelector('.btn-toast-action')) old.remove();
    }
  }
  // At most three at once (one inside a dialog's footer): the oldest goes first.
  const max = region.classList.contains('toast-region-dialog') ? 1 : 3;
  while (region.children.length >= max) region.firstElementChild.remove();
  region.append(toast);
  arm();
  return dismiss;
}

/** Removes every toast (after a language switch their text would be in the old language). */
export function clearToasts() {
  for (const toast of document.querySelectorAll('.toast')) toast.remove();
}
