// A typeahead country picker (ARIA combobox + listbox). Type a name in the interface language, the
// English name or the ISO code; arrows move, Enter or Tab chooses, Escape closes the list.
// The chosen value is an ISO alpha-2 code (or null).
import { h, clear, uniqueId } from '../dom.js';
import { t } from '../i18n.js';
import { countryName, matchCountries, resolveCountry } from '../countries.js';

export function createCountryPicker({ testid, value = null, placeholder = '' } = {}) {
  const listId = uniqueId('country-list');
  let code = value;
  let matches = [];
  let active = -1;

  const input = h('input', {
    type: 'text',
    class: 'input',
    autocomplete: 'off',
    attrs: { spellcheck: 'false' },
    testid,
    placeholder,
    role: 'combobox',
    aria: { autocomplete: 'list', expanded: 'false', controls: listId },
  });
  const codeBadge = h('span', { class: 'country-code', aria: { hidden: 'true' } });
  const list = h('ul', { class: 'country-list', id: listId, role: 'listbox', hidden: true, testid: `${testid}-options` });
  const root = h('div', { class: 'country-picker' }, input, codeBadge, list);
  list.setAttribute('aria-label', t('country.listLabel'));

  function showCode() {
    codeBadge.textContent = code ?? '';
    root.classList.toggle('has-code', Boolean(code));
  }

  function setValue(next) {
    code = next || null;
    input.value = code ? countryName(code) : '';
    showCode();
  }

  function open() {
    matches = matchCountries(input.value);
    active = input.value.trim() && matches.length ? 0 : -1;
    renderList();
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function isOpen() {
    return !list.hidden;
  }

  function renderList() {
    clear(list);
    if (!matches.length) {
      list.append(h('li', { class: 'country-empty', role: 'presentation', text: t('country.noMatch') }));
    }
    matches.forEach((c, i) => {
      const optionId = `${listId}-${c.code}`;
      const name = countryName(c.code);
      list.append(
        h('li', {
          id: optionId,
          role: 'option',
          class: ['country-option', i === active && 'is-active'],
          aria: { selected: i === active ? 'true' : 'false' },
          data: { code: c.code },
          on: {
            // mousedown, not click: keep focus in the input so the list does not close first.
            mousedown: (e) => {
              e.preventDefault();
              choose(c);
            },
          },
        },
        h('span', { class: 'country-option-name', text: name }),
        name !== c.en ? h('span', { class: 'country-option-alt', text: c.en }) : null,
        h('span', { class: 'country-option-code', text: c.code })),
      );
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) {
      const el = list.children[active];
      input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function move(delta) {
    if (!isOpen()) {
      open();
      if (active < 0 && matches.length) active = 0;
      renderList();
      return;
    }
    if (!matches.length) return;
    active = active < 0 ? (delta > 0 ? 0 : matches.length - 1) : (active + delta + matches.length) % matches.length;
    renderList();
  }

  function choose(c) {
    code = c.code;
    input.value = countryName(c.code);
    showCode();
    close();
    root.dispatchEvent(new CustomEvent('countrychange', { detail: { code }, bubbles: true }));
  }

  input.addEventListener('input', () => {
    code = null;
    showCode();
    open();
  });
  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        move(-1);
        break;
      case 'Enter':
        if (isOpen() && active >= 0 && matches[active]) {
          // This Enter chooses the country; the next one saves the form.
          e.preventDefault();
          e.stopPropagation();
          choose(matches[active]);
        } else if (isOpen()) {
          close();
        }
        break;
      case 'Tab':
        if (isOpen() && active >= 0 && matches[active]) choose(matches[active]);
        break;
      case 'Escape':
        if (isOpen()) {
          // Close the list only; the dialog around us must not see this Escape.
          e.preventDefault();
          e.stopPropagation();
          close();
        }
        break;
      default:
    }
  });
  input.addEventListener('blur', () => {
    close();
    // Typed text that names exactly one country counts as choosing it.
    if (!code) {
      const c = resolveCountry(input.value);
      if (c) choose(c);
    }
  });

  setValue(value);

  return {
    root,
    input,
    get value() {
      return code;
    },
    set value(next) {
      setValue(next);
    },
    /** Text typed that names no country (the form reports it beside the field). */
    isUnresolved() {
      return !code && input.value.trim() !== '' && !resolveCountry(input.value);
    },
    /** Resolves typed text now (before a save that happens without a blur). */
    commit() {
      if (!code) {
        const c = resolveCountry(input.value);
        if (c) {
          code = c.code;
          showCode();
        }
      }
      return code;
    },
  };
}
