// An action's themes as tags: the chosen ones as chips (Backspace takes the last back), a field
// to type a new one (Enter or a comma adds it), the suggestions not chosen yet a click away. Text
// naming a suggestion, in English or in the interface language, is that suggestion.
import { h, icon, clear } from '../../dom.js';
import { t } from '../../i18n.js';
import { fold } from '../../countries.js';
import { themeLabel } from './labels.js';

export function createThemeInput({ testid, value = [], suggestions = [] }) {
  let tags = [...value];
  const chips = h('ul', { class: 'theme-chips', testid: `${testid}-chosen` });
  const input = h('input', {
    type: 'text',
    class: 'theme-input',
    testid,
    autocomplete: 'off',
    dir: 'auto',
    maxLength: 80,
    placeholder: t('plans.action.themesPlaceholder'),
    attrs: { spellcheck: 'false' },
  });
  const box = h('div', { class: 'theme-box' }, chips, input);
  const offered = h('div', { class: 'theme-suggestions', role: 'group', aria: { label: t('plans.action.themeSuggestions') } });
  const root = h('div', { class: 'theme-field' }, box, offered);
  box.addEventListener('click', (e) => {
    if (e.target === box || e.target === chips) input.focus();
  });

  const chosen = (tag) => tags.some((x) => x.toLowerCase() === tag.toLowerCase());
  /** Text typed that names a suggestion (in English or in the interface language) is that suggestion. */
  function resolve(text) {
    const q = fold(text);
    if (!q) return '';
    return suggestions.find((s) => fold(s) === q || fold(themeLabel(s)) === q) ?? text.trim();
  }
  function add(text) {
    const tag = resolve(text);
    if (!tag || chosen(tag)) return;
    tags.push(tag);
  }
  function draw() {
    clear(chips).append(...tags.map((tag) => {
      const remove = h('button', { type: 'button', class: 'theme-chip-remove', aria: { label: t('plans.action.removeTheme', { theme: themeLabel(tag) }) } }, icon('close'));
      remove.addEventListener('click', () => {
        tags = tags.filter((x) => x !== tag);
        draw();
        input.focus();
      });
      return h('li', { class: 'theme-chip', testid: 'action-theme', data: { theme: tag } },
        h('span', { dir: 'auto', text: themeLabel(tag) }), remove);
    }));
    const q = fold(input.value);
    const list = suggestions.filter((s) => !chosen(s) && (!q || fold(themeLabel(s)).includes(q) || fold(s).includes(q)));
    clear(offered).append(
      ...(list.length ? [h('span', { class: 'theme-suggestions-label', text: t('plans.action.themeSuggestions') })] : []),
      ...list.map((s) => {
        const chip = h('button', { type: 'button', class: 'chip theme-suggestion', testid: 'theme-suggestion', data: { theme: s }, dir: 'auto', text: themeLabel(s) });
        chip.addEventListener('click', () => {
          add(s);
          input.value = '';
          draw();
          input.focus();
        });
        return chip;
      }));
  }
  input.addEventListener('input', draw);
  input.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return;
    if ((e.key === 'Enter' || e.key === ',') && input.value.trim()) {
      e.preventDefault();
      e.stopPropagation();
      add(input.value);
      input.value = '';
      draw();
    } else if (e.key === 'Backspace' && !input.value && tags.length) {
      e.preventDefault();
      tags.pop();
      draw();
    }
  });
  draw();
  return {
    root,
    input,
    /** The tags, with whatever is still typed in the field. */
    value() {
      if (input.value.trim()) {
        add(input.value);
        input.value = '';
        draw();
      }
      return [...tags];
    },
  };
}
