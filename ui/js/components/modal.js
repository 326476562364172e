// A native modal <dialog> shown once and removed when done: Escape (the dialog's `cancel`)
// goes through `onCancel`, and the returned function closes it, however many times it is called.
import { h } from '../dom.js';

export function showModal(dialog, { onCancel }) {
  let open = true;
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    onCancel();
  });
  document.body.append(dialog);
  dialog.showModal();
  return function close() {
    if (!open) return false;
    open = false;
    dialog.close();
    dialog.remove();
    return true;
  };
}

/** A dialog's own place for toasts: the page under a modal dialog is inert (see toast.js). */
export function dialogToastRegion() {
  return h('div', { class: 'toast-region toast-region-dialog', role: 'status', aria: { live: 'polite' } });
}
