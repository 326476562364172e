// The groups as columns, Unassigned first: each with its number (the key that moves a focused
// name there), name, size and balance of women and men, and its members, each a focusable name
// with a "Move to…" button.
import { h, icon } from '../../dom.js';
import { t } from '../../i18n.js';
import { countryName } from '../../countries.js';
import { sexLabel } from '../../format.js';
import { countSex } from './model.js';
import { balanceBar } from './balance.js';

/** Groups past the ninth have no number key. */
const KEYED = 9;

export function createColumns(page) {
  /** A group's column; `index` -1 for Unassigned (whose key is null). */
  function groupCard(g, index) {
    const unassigned = g.key === null;
    const n = g.members.length;
    const women = g.women ?? countSex(g.members, 'woman');
    const men = g.men ?? countSex(g.members, 'man');
    const list = h('ul', { class: 'group-members', aria: { label: g.name } }, g.members.map((member) => memberItem(member, g.key)));
    const actions = [];
    if (!unassigned) {
      const rename = h('button', { type: 'button', class: 'btn-icon', testid: 'group-rename', title: t('groups.renameGroup'), aria: { label: t('groups.renameGroupNamed', { name: g.name }) } }, icon('edit'));
      rename.addEventListener('click', () => page.renameGroup(g));
      const remove = h('button', { type: 'button', class: 'btn-icon btn-icon-danger', testid: 'group-delete', title: t('groups.deleteGroup'), aria: { label: t('groups.deleteGroupNamed', { name: g.name }) } }, icon('trash'));
      remove.addEventListener('click', () => page.deleteGroup(g));
      actions.push(rename, remove);
    }
    const name = h('h3', { class: 'group-name', dir: 'auto', title: g.name, text: g.name });
    if (!unassigned) name.addEventListener('dblclick', () => page.renameGroup(g));
    const card = h('section', {
      class: ['group-card', unassigned && 'group-card-unassigned', unassigned && n === 0 && 'is-empty'],
      testid: unassigned ? 'unassigned' : 'group-card',
      data: { group: g.key ?? '', size: n },
      aria: { label: t('groups.cardLabel', { name: g.name, count: n }) },
    },
    h('header', { class: 'group-head' },
      unassigned
        ? h('span', { class: 'group-number group-number-none', title: t('groups.keyHint', { key: '0' }), text: '0' })
        : h('span', { class: 'group-number', title: index < KEYED ? t('groups.keyHint', { key: String(index + 1) }) : '', text: index < KEYED ? String(index + 1) : '·' }),
      name,
      h('span', { class: 'group-size', testid: 'group-size', data: { count: n }, text: t('groups.size', { count: n }) }),
      ...(actions.length ? [h('span', { class: 'group-actions' }, actions)] : [])),
    ...(unassigned ? [] : [balanceBar({ women, men, total: n })]),
    list,
    ...(n === 0 ? [h('p', { class: 'group-empty', text: unassigned ? t('groups.everyoneAssigned') : t('groups.emptyGroup') })] : []));
    page.wireDropTarget(card, g.key);
    return card;
  }

  function memberItem(m, groupKey) {
    const latin = m.nameLatin && m.nameLatin !== m.fullName ? m.nameLatin : '';
    const meta = [countryName(m.country), m.organisation].filter(Boolean).join(' · ');
    const moveBtn = h('button', {
      type: 'button',
      class: 'btn-icon member-move',
      tabIndex: -1,
      title: t('groups.moveMenuHint'),
      aria: { label: t('groups.moveNamed', { name: m.fullName }), haspopup: 'menu' },
    }, icon('chevronDown'));
    const li = h('li', {
      class: 'member',
      testid: 'group-member',
      tabIndex: 0,
      draggable: true,
      data: { participant: m.participantId, group: groupKey ?? '', sex: m.sex },
      aria: {
        label: [m.fullName, latin, sexLabel(m.sex), meta].filter(Boolean).join(', '),
        keyshortcuts: 'Enter M 0 1 2 3 4 5 6 7 8 9',
        description: t('groups.memberKeys'),
      },
    },
    h('span', { class: ['sex-dot', `sex-${m.sex}`], title: sexLabel(m.sex), aria: { hidden: 'true' } }),
    h('span', { class: 'member-text' },
      h('span', { class: 'member-name', dir: 'auto', text: m.fullName }),
      ...(latin ? [h('span', { class: 'member-latin', text: latin })] : []),
      ...(meta ? [h('span', { class: 'member-meta', dir: 'auto', text: meta })] : [])),
    moveBtn);
    moveBtn.addEventListener('click', (e) => {
      e.stopPropagation();
      page.openMenu(li);
    });
    page.wireDragSource(li, m.participantId);
    return li;
  }

  function addGroupTile() {
    const b = h('button', { type: 'button', class: 'group-add-tile', testid: 'group-add-tile' }, icon('plus'), h('span', { text: t('groups.addGroup') }));
    b.addEventListener('click', () => page.addGroup());
    return b;
  }

  /** All the columns of `model`, Unassigned first, then a tile to add a group. */
  function columns(model) {
    return [
      groupCard({ key: null, name: t('groups.unassigned'), members: model.unassigned }, -1),
      ...model.groups.map((g, i) => groupCard(g, i)),
      addGroupTile(),
    ];
  }

  return { columns };
}
