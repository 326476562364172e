// "Move to…": the groups (with their number keys and sizes) and Unassigned, under the name being
// moved; the group it is in is shown but cannot be chosen. ↑↓ and Enter, or the number key.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { openPopover, closePopover, moveInMenu } from '../../components/popover.js';
import { findMember } from './model.js';

export function createMoveMenu(page) {
  function openMenu(li) {
    closePopover(true);
    const m = page.model();
    const participantId = li.dataset.participant;
    const found = m && findMember(m, participantId);
    if (!found) return;
    const from = found.group?.key ?? null;
    const targets = [
      ...m.groups.map((g, i) => ({ key: g.key, name: g.name, n: i < 9 ? String(i + 1) : '', size: g.members.length })),
      { key: null, name: t('groups.unassigned'), n: '0', size: m.unassigned.length },
    ];
    const items = targets.map((target) => {
      const current = target.key === from;
      const item = h('button', {
        type: 'button',
        role: 'menuitem',
        class: ['move-option', current && 'is-current'],
        testid: 'group-move-option',
        data: { group: target.key ?? '' },
        tabIndex: -1,
        aria: { disabled: current ? 'true' : null },
      },
      h('span', { class: 'move-option-key', aria: { hidden: 'true' }, text: target.n }),
      h('span', { class: 'move-option-name', dir: 'auto', text: target.name }),
      h('span', { class: 'move-option-size', text: current ? t('groups.currentGroup') : t('groups.size', { count: target.size }) }));
      item.addEventListener('click', () => {
        if (current) return;
        closePopover();
        page.move(participantId, target.key);
      });
      return item;
    });
    const enabled = items.filter((item) => item.getAttribute('aria-disabled') !== 'true');
    const title = t('groups.moveTo', { name: found.member.fullName });
    const el = h('div', { class: 'move-menu', role: 'menu', testid: 'group-move-menu', aria: { label: title } },
      h('p', { class: 'move-menu-title', dir: 'auto', text: title }),
      items);
    el.addEventListener('keydown', (e) => {
      if (moveInMenu(e, enabled) || !/^[0-9]$/.test(e.key)) return;
      const item = items.find((i) => i.querySelector('.move-option-key').textContent === e.key);
      if (item) {
        e.preventDefault();
        item.click();
      }
    });
    openPopover(el, li, {
      closeOnScroll: true,
      keepOpenOn: '.member-move',
      onClose: (refocus) => {
        li.classList.remove('is-menu-open');
        if (refocus && li.isConnected) li.focus();
      },
    });
    li.classList.add('is-menu-open');
    (enabled[0] ?? items[0]).focus();
  }

  return { openMenu, closeMenu: closePopover };
}
