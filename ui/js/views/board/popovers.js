// The board's popovers (a note's menu, the pickers, a note's actions) and the menu list they
// share. Leaving one with Escape or Tab puts the focus back on the note it belongs to, or on the
// quadrant's input.
import { h } from '../../dom.js';
import { openPopover, closePopover, moveInMenu } from '../../components/popover.js';

export function createPopovers(ed) {
  /** Opens a popover under `anchor`; `returnTo`: the note the focus goes back to. Returns the panel. */
  function openBoardPopover(anchor, content, { testid, label, returnTo = null, role = 'dialog', className = '' }) {
    const panel = h('div', { class: ['board-popover', className], testid, role, aria: { label } }, content);
    openPopover(panel, anchor, {
      onClose: (refocus) => {
        if (!refocus) return;
        if (returnTo) ed.focusNote(returnTo);
        else ed.focusInput(ed.lastQuadrant);
      },
    });
    return panel;
  }

  /**
   * A list of choices to go through with the arrow keys; `items`: [{ label, testid, run, icon,
   * danger, hint }] or { separator, label }. Returns { list, first() }.
   */
  function menuList(items) {
    const buttons = [];
    const list = h('div', { class: 'board-menu', role: 'menu' },
      items.map((item) => {
        if (item.separator) return h('div', { class: 'board-menu-sep', role: 'separator', text: item.label ?? '' });
        const button = h('button', {
          type: 'button',
          class: ['board-menu-item', item.danger && 'is-danger'],
          role: 'menuitem',
          testid: item.testid,
          tabIndex: -1,
        }, item.icon ?? null, h('span', { class: 'board-menu-label', dir: 'auto', text: item.label }),
        ...(item.hint ? [h('kbd', { class: 'board-kbd', text: item.hint })] : []));
        button.addEventListener('click', () => {
          closePopover();
          item.run();
        });
        buttons.push(button);
        return button;
      }));
    list.addEventListener('keydown', (e) => moveInMenu(e, buttons));
    return { list, first: () => buttons[0] };
  }

  return { openPopover: openBoardPopover, closePopover, menuList };
}
