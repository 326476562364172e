// Drag and drop of people between groups: a name dragged onto a group's column (or Unassigned).
export function createDragAndDrop(page) {
  let dragging = null; // the participant ID being dragged

  function wireDragSource(li, participantId) {
    li.addEventListener('dragstart', (e) => {
      dragging = participantId;
      page.closeMenu();
      if (e.dataTransfer) {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', participantId);
      }
      li.classList.add('is-dragging');
      page.board.classList.add('is-dragging');
    });
    li.addEventListener('dragend', () => {
      dragging = null;
      li.classList.remove('is-dragging');
      page.board.classList.remove('is-dragging');
      for (const card of page.board.querySelectorAll('.is-drop-target')) card.classList.remove('is-drop-target');
    });
  }

  /** The whole column takes a drop; `groupKey` null is Unassigned. */
  function wireDropTarget(card, groupKey) {
    card.addEventListener('dragover', (e) => {
      if (!dragging) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      card.classList.add('is-drop-target');
    });
    card.addEventListener('dragleave', (e) => {
      if (!card.contains(e.relatedTarget)) card.classList.remove('is-drop-target');
    });
    card.addEventListener('drop', (e) => {
      e.preventDefault();
      card.classList.remove('is-drop-target');
      const participantId = dragging ?? e.dataTransfer?.getData('text/plain');
      dragging = null;
      if (participantId) page.move(participantId, groupKey);
    });
  }

  return { wireDragSource, wireDropTarget };
}
