// The groupings as tabs (← → go through them), with the draft of a new one last while it is
// edited: the others wait until it is created or cancelled.
import { h, icon, clear } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';

export function createTabs(page) {
  const el = h('div', { class: 'tabs grouping-tabs', role: 'tablist', aria: { label: t('groups.groupingsLabel') } });

  function draw() {
    clear(el);
    const { draft } = page;
    const items = page.groupings.map((g) => ({ id: g.id, name: g.name, count: g.groups.length, current: !draft && g.id === page.selectedId }));
    if (draft) items.push({ id: '__draft', name: draft.name || t('groups.draftName'), count: draft.groups.length, current: true, draft: true });
    el.hidden = items.length === 0;
    for (const item of items) {
      const tab = h('button', {
        type: 'button',
        role: 'tab',
        class: ['tab', item.current && 'is-selected', item.draft && 'tab-draft'],
        testid: item.draft ? 'grouping-tab-draft' : 'grouping-tab',
        data: { grouping: item.draft ? null : item.id },
        aria: { selected: String(item.current) },
        tabIndex: item.current ? 0 : -1,
      },
      item.draft ? icon('sparkle') : icon('groups'),
      h('span', { dir: 'auto', text: item.name }),
      h('span', { class: 'tab-count', title: t('groups.groupCount', { count: item.count }), text: formatNumber(item.count) }));
      if (!item.draft) {
        tab.addEventListener('click', () => {
          if (!page.draft) page.select(item.id);
        });
        tab.disabled = Boolean(draft);
      }
      el.append(tab);
    }
  }

  /** The draft's tab follows its name as it is typed. */
  function renameDraftTab(name) {
    const label = el.querySelector('.tab-draft span[dir]');
    if (label) label.textContent = name || t('groups.draftName');
  }

  el.addEventListener('keydown', (e) => {
    if (page.draft || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const { groupings } = page;
    const i = groupings.findIndex((g) => g.id === page.selectedId);
    if (i < 0) return;
    e.preventDefault();
    const rtl = getComputedStyle(el).direction === 'rtl';
    const step = (e.key === 'ArrowRight') !== rtl ? 1 : -1;
    page.select(groupings[(i + step + groupings.length) % groupings.length].id);
    el.querySelector('[aria-selected="true"]')?.focus();
  });

  return { el, draw, renameDraftTab };
}
