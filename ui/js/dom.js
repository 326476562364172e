// Tiny helpers to build elements. User data only ever goes in as text (textContent, property
// values, attribute values): never through innerHTML, so a name like "<script>" or "=SUM()" stays text.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * h('button', { class: 'btn', testid: 'save', on: { click }, aria: { label: '…' } }, 'Save')
 * Known keys: class, text, testid, on, aria, data, attrs; any other key is set as a property when
 * the element has one (value, checked, disabled, hidden, id, type…), otherwise as an attribute.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

function applyProps(el, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    switch (key) {
      case 'class':
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
        break;
      case 'text':
        el.textContent = String(value);
        break;
      case 'testid':
        el.setAttribute('data-testid', value);
        break;
      case 'on':
        for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
        break;
      case 'aria':
        for (const [name, v] of Object.entries(value)) if (v != null && v !== false) el.setAttribute(`aria-${name}`, String(v));
        break;
      case 'data':
        for (const [name, v] of Object.entries(value)) if (v != null) el.setAttribute(`data-${name}`, String(v));
        break;
      case 'attrs':
        for (const [name, v] of Object.entries(value)) if (v != null && v !== false) el.setAttribute(name, v === true ? '' : String(v));
        break;
      default:
        if (key in el && typeof el[key] !== 'function') {
          try {
            el[key] = value;
          } catch {
            // read-only reflections such as input.list: fall back to the attribute
            el.setAttribute(key, value === true ? '' : String(value));
          }
        } else {
          el.setAttribute(key, value === true ? '' : String(value));
        }
    }
  }
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Text that screen readers read but nobody sees. */
export function srOnly(text) {
  return h('span', { class: 'sr-only', text });
}

// A small line-icon set (24×24, stroke = currentColor), built with DOM calls so CSP stays strict.
const ICONS = {
  plus: ['M12 5v14', 'M5 12h14'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12', 'M9 7V4h6v3'],
  undo: ['M9 14L4 9l5-5', 'M4 9h10a6 6 0 0 1 0 12h-3'],
  edit: ['M4 20h4L19 9l-4-4L4 16v4z', 'M13.5 6.5l4 4'],
  archive: ['M3 4h18v4H3z', 'M5 8v12h14V8', 'M10 12h4'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-4.3-4.3'],
  chevronDown: ['M6 9l6 6 6-6'],
  chevronLeft: ['M15 18l-6-6 6-6'],
  globe: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M3 12h18', 'M12 3a14 14 0 0 1 0 18', 'M12 3a14 14 0 0 0 0 18'],
  backup: ['M12 3v12', 'M7 10l5 5 5-5', 'M5 21h14'],
  restore: ['M3 12a9 9 0 1 0 3-6.7', 'M3 4v5h5'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  users: ['M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1', 'M16 3.1a4 4 0 0 1 0 7.8', 'M22 21v-1a6 6 0 0 0-4-5.6'],
  calendar: ['M4 6h16v15H4z', 'M4 10h16', 'M8 3v5', 'M16 3v5'],
  pin: ['M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z', 'M12 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
  alert: ['M12 3l10 18H2L12 3z', 'M12 10v5', 'M12 18v.5'],
  check: ['M5 12l5 5 9-10'],
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4', 'M12 15v2'],
  groups: ['M7 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M17 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M2 20v-1a5 5 0 0 1 10 0v1', 'M12 20v-1a5 5 0 0 1 10 0v1'],
  board: ['M3 3h18v18H3z', 'M12 3v18', 'M3 12h18'],
  plan: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4 6l1 1 2-2', 'M4 12l1 1 2-2', 'M4 18l1 1 2-2'],
  presentation: ['M3 4h18v12H3z', 'M12 16v4', 'M8 20h8'],
  history: ['M3 12a9 9 0 1 0 3-6.7', 'M3 4v5h5', 'M12 8v4l3 2'],
  download: ['M12 3v12', 'M7 10l5 5 5-5', 'M4 17v3h16v-3'],
  upload: ['M12 16V4', 'M7 9l5-5 5 5', 'M4 17v3h16v-3'],
  file: ['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 13h6', 'M9 17h6'],
  sparkle: ['M12 3v4', 'M12 17v4', 'M3 12h4', 'M17 12h4', 'M6 6l2.5 2.5', 'M15.5 15.5L18 18', 'M6 18l2.5-2.5', 'M15.5 8.5L18 6'],
};

export function icon(name, className = 'icon') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ICONS[name] ?? []) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Calls fn once typing pauses for `ms`; `.cancel()` drops a pending call. */
export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** True when a key press lands in something the user types into (so "n" is text, not a shortcut). */
export function isTypingTarget(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

let uid = 0;
/** A page-unique id for label/aria wiring. */
export function uniqueId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
