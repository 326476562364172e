// A note's menu (its ⋯ button, Shift+F10 or the menu key): everything that can be done to it,
// with the key that does the same.
import { h, icon } from '../../dom.js';
import { t } from '../../i18n.js';
import { QUADRANTS } from './model.js';
import { glyph } from './glyphs.js';

export function createNoteMenu(ed) {
  function openMenu(id, anchor) {
    const note = ed.byId(id);
    if (!note) return;
    const moves = QUADRANTS.filter((q) => q !== note.quadrant).map((q) => ({
      label: t(`board.quadrant.${q}`),
      testid: `note-move-${q}`,
      icon: h('span', { class: `board-menu-letter q-${q}`, text: t(`board.letter.${q}`) }),
      run: () => ed.moveTo(id, q, null),
    }));
    const edit = { label: t('board.tool.edit'), testid: 'note-menu-edit', hint: 'F2', icon: icon('edit'), run: () => ed.startEdit(id) };
    const history = { label: t('board.tool.history'), testid: 'note-menu-history', icon: icon('history'), run: () => ed.showHistory(id) };
    const remove = {
      label: t(note.isHeading ? 'board.tool.deleteHeading' : 'board.tool.delete'),
      testid: 'note-menu-delete', hint: 'Del', icon: icon('trash'), danger: true, run: () => ed.removeNote(id),
    };
    const onlyForNotes = note.isHeading ? [] : [
      { label: t('board.tool.createAction'), testid: 'note-menu-create-action', hint: 'A', icon: icon('plan'), run: () => ed.openActionDialog(id) },
      ...(note.actionCount > 0 ? [{
        label: t('board.linked.title'), testid: 'note-menu-actions', icon: icon('plan'),
        run: () => ed.showLinkedActions(id, anchor.isConnected ? anchor : ed.noteEl(id)),
      }] : []),
      { label: t('board.tool.raisedBy'), testid: 'note-menu-raised-by', hint: 'R', icon: glyph('user'), run: () => ed.pickRaisedByFor(id, ed.noteEl(id)) },
      { label: t('board.tool.group'), testid: 'note-menu-heading', hint: 'H', icon: glyph('heading'), run: () => ed.pickHeading(id, ed.noteEl(id)) },
      { label: t('board.tool.merge'), testid: 'note-menu-merge', hint: 'M', icon: glyph('merge'), run: () => ed.startMerge(id) },
    ];
    const { list, first } = ed.menuList([
      edit,
      ...onlyForNotes,
      { separator: true, label: t('board.menu.moveTo') },
      ...moves,
      { separator: true },
      history,
      remove,
    ]);
    ed.openPopover(anchor, list, { testid: 'note-menu-popover', label: t('board.tool.more'), returnTo: id, role: 'presentation' });
    first()?.focus();
  }

  return { openMenu };
}
