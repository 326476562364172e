// Labelled form fields and the errors shown beside them (data-testid="error-<field>", with
// aria-invalid and aria-describedby on the control, so a screen reader reads the error with the field).
import { h, uniqueId } from '../dom.js';

/**
 * A label + control + optional hint, with a slot where the field's error will appear.
 * `control` is the element that gets the id/aria wiring (an input, select, textarea or fieldset);
 * `body` is what is placed in the field (defaults to the control; a picker passes its wrapper).
 */
export function field({ label, control, body = control, hint = null, wide = false, className = null }) {
  if (!control.id) control.id = uniqueId('f');
  const hintEl = hint ? h('p', { class: 'field-hint', id: uniqueId('hint'), text: hint }) : null;
  if (hintEl) addDescribedBy(control, hintEl.id);
  const isGroup = control.tagName === 'FIELDSET';
  const wrapper = h('div', { class: ['field', wide && 'field-wide', className] },
    isGroup ? null : h('label', { class: 'field-label', for: control.id, text: label }),
    body,
    hintEl,
  );
  return wrapper;
}

function addDescribedBy(el, id) {
  const ids = new Set((el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  ids.add(id);
  el.setAttribute('aria-describedby', [...ids].join(' '));
}

function removeDescribedBy(el, id) {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

/**
 * Keeps track of which field shows which error. Fields are registered in form order, so
 * focusFirst() lands on the first invalid one.
 */
export function createFieldErrors() {
  const fields = new Map(); // name → { control, focusTarget, container, errorEl }

  return {
    register(name, { control, container, focusTarget = control }) {
      fields.set(name, { control, focusTarget, container, errorEl: null });
    },
    has(name) {
      return fields.has(name);
    },
    show(name, message) {
      const f = fields.get(name);
      if (!f) return false;
      if (!f.errorEl) {
        f.errorEl = h('p', { class: 'field-error', id: uniqueId(`error-${name}`), testid: `error-${name}` });
        f.container.append(f.errorEl);
        addDescribedBy(f.control, f.errorEl.id);
      }
      f.errorEl.textContent = message;
      f.control.setAttribute('aria-invalid', 'true');
      f.container.classList.add('has-error');
      return true;
    },
    clear(name) {
      const f = fields.get(name);
      if (!f || !f.errorEl) return;
      removeDescribedBy(f.control, f.errorEl.id);
      f.errorEl.remove();
      f.errorEl = null;
      f.control.removeAttribute('aria-invalid');
      f.container.classList.remove('has-error');
    },
    clearAll() {
      for (const name of fields.keys()) this.clear(name);
    },
    /** Field names currently showing an error, in form order. */
    invalid() {
      return [...fields].filter(([, f]) => f.errorEl).map(([name]) => name);
    },
    focusFirst() {
      for (const f of fields.values()) {
        if (f.errorEl) {
          f.focusTarget.focus();
          if (typeof f.focusTarget.select === 'function' && f.focusTarget.type !== 'date') f.focusTarget.select();
          return true;
        }
      }
      return false;
    },
  };
}
