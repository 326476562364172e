// The keyboard on a focused name: Enter, M, Space or the menu key open "Move to…", 1–9 move it
// straight to that group and 0 to Unassigned; ↑↓ go through a column, ←→ to the next column
// with anyone in it (mirrored in a right-to-left language).
export function listenForMemberKeys(page) {
  const { board } = page;
  const focusedMember = (e) => {
    const li = e.target.closest?.('.member');
    return li && e.target === li ? li : null;
  };

  board.addEventListener('keydown', (e) => {
    const li = focusedMember(e);
    if (!li || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const m = page.model();
    if (!m) return;
    const participantId = li.dataset.participant;
    if (e.key === ' ') {
      // Opened on key-up: a Space released over the menu would otherwise choose its first group.
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === 'm' || e.key === 'M' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      page.openMenu(li);
    } else if (/^[1-9]$/.test(e.key)) {
      const g = m.groups[Number(e.key) - 1];
      if (g) {
        e.preventDefault();
        page.move(participantId, g.key);
      }
    } else if (e.key === '0') {
      e.preventDefault();
      page.move(participantId, null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      (e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling)?.focus();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      toNextColumn(li, e.key);
    }
  });

  board.addEventListener('keyup', (e) => {
    const li = focusedMember(e);
    if (li && e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      page.openMenu(li);
    }
  });

  /** The name at the same height in the next column that has anyone in it. */
  function toNextColumn(li, key) {
    const cards = [...board.querySelectorAll('.group-card')];
    const card = li.closest('.group-card');
    const at = [...card.querySelectorAll('.member')].indexOf(li);
    const rtl = getComputedStyle(board).direction === 'rtl';
    const step = (key === 'ArrowRight') !== rtl ? 1 : -1;
    for (let i = cards.indexOf(card) + step; i >= 0 && i < cards.length; i += step) {
      const members = cards[i].querySelectorAll('.member');
      if (members.length) {
        members[Math.min(at, members.length - 1)].focus();
        return;
      }
    }
  }
}
