// A yes/no question in a native modal <dialog> (focus stays inside; Escape answers "no").
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { showModal } from './modal.js';

/**
 * confirmDialog({ title, body: [paragraphs], confirmLabel, confirmTestid, danger }) → Promise<boolean>
 */
export function confirmDialog({ title, body = [], confirmLabel, confirmTestid, danger = false }) {
  return new Promise((resolve) => {
    const titleId = `confirm-title-${Date.now()}`;
    const cancelBtn = h('button', { type: 'button', class: 'btn', text: t('common.cancel'), testid: 'confirm-cancel' });
    const okBtn = h('button', {
      type: 'button',
      class: ['btn', danger ? 'btn-danger' : 'btn-primary'],
      text: confirmLabel ?? t('common.ok'),
      testid: confirmTestid ?? 'confirm-ok',
    });
    const dialog = h('dialog', { class: 'dialog dialog-confirm', aria: { labelledby: titleId } },
      h('h2', { class: 'dialog-title', id: titleId, text: title }),
      body.map((text) => h('p', { class: 'dialog-text', text })),
      h('div', { class: 'dialog-actions' }, cancelBtn, okBtn),
      h('div', { class: 'toast-region toast-region-dialog', role: 'status', aria: { live: 'polite' } }),
    );
    const finish = (answer) => {
      if (close()) resolve(answer);
    };
    const close = showModal(dialog, { onCancel: () => finish(false) });
    cancelBtn.addEventListener('click', () => finish(false));
    okBtn.addEventListener('click', () => finish(true));
    // The safe answer has focus first, so a stray Enter never restores or deletes.
    cancelBtn.focus();
  });
}
