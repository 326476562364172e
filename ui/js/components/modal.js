// A native modal <dialog> shown once and removed when done: Escape (the dialog's `cancel`)
// goes through `onCancel`, and the returned function closes it, however many times it is called.
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
