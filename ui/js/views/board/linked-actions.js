// The actions of the plans that answer a note (its "1 action" button): what, in which plan, at
// which status, with a way to add another.
import { h, icon, clear } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { errorText } from '../../errors.js';
import { placeBeside } from '../../components/popover.js';

export function createLinkedActions(ed) {
  async function showLinkedActions(id, anchor) {
    const note = ed.byId(id);
    if (!note) return;
    const list = h('ul', { class: 'linked-actions', testid: 'note-actions-list' }, h('li', { class: 'muted', text: t('common.loading') }));
    const create = h('button', { type: 'button', class: 'btn btn-small', testid: 'note-actions-create' }, icon('plus'), h('span', { text: t('board.tool.createAction') }));
    create.addEventListener('click', () => {
      ed.closePopover();
      ed.openActionDialog(id);
    });
    const panel = ed.openPopover(anchor, [
      h('p', { class: 'board-popover-title', text: t('board.linked.title') }),
      list,
      h('div', { class: 'board-popover-foot' },
        create,
        h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(ed.workshopId)}/plans`, text: t('board.linked.openPlans') })),
    ], { testid: 'note-actions-panel', label: t('board.linked.title'), returnTo: id, className: 'board-popover-actions' });
    create.focus();
    try {
      const actions = await api.actionsOfNote(id);
      clear(list);
      if (!actions.length) list.append(h('li', { class: 'muted', text: t('board.linked.none') }));
      for (const a of actions) {
        list.append(h('li', { class: 'linked-action', testid: 'note-action-item', data: { action: a.actionId } },
          h('span', { class: 'linked-action-text', dir: 'auto', text: a.description }),
          h('span', { class: 'linked-action-meta' },
            h('span', { class: 'muted', dir: 'auto', text: a.planTitle }),
            h('span', { class: `tag status-tag status-${a.status}`, text: t(`board.status.${a.status}`) }))));
      }
      // Taller now: placed again, unless closed meanwhile.
      if (panel.isConnected) placeBeside(panel, anchor.isConnected ? anchor : ed.noteEl(id));
    } catch (err) {
      clear(list).append(h('li', { class: 'field-error', text: errorText(err) }));
    }
  }

  return { showLinkedActions };
}
