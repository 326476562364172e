// One entry of a record's history (a SWOT note's, an action's): what was done, when, and each
// field changed as "field  old → new".
import { h } from '../dom.js';
import { formatDateTime } from '../format.js';

/**
 * `what`: the operation in words; `who`: where it was done, if worth saying; `changes`: [{ field,
 * before, after }] as text, with `before` left undefined where only the new value is shown.
 */
export function historyEntry({ testid, what, at, who = null, changes = [] }) {
  return h('li', { class: 'history-entry', testid },
    h('div', { class: 'history-head' },
      h('strong', { text: what }),
      h('span', { class: 'muted', text: formatDateTime(at) }),
      who === null ? null : h('span', { class: 'muted', text: who })),
    changes.length
      ? h('ul', { class: 'history-changes' }, changes.map(({ field, before, after }) => h('li', {},
        h('span', { class: 'history-field', text: field }),
        ...(before === undefined ? [] : [
          h('span', { class: 'history-old', dir: 'auto', text: before }),
          h('span', { class: 'history-arrow', aria: { hidden: 'true' }, text: '→' }),
        ]),
        h('span', { class: 'history-new', dir: 'auto', text: after }))))
      : null);
}
