// Drag and drop of notes: onto a note (before or after it; onto a heading, under it), or onto a
// quadrant anywhere else (at its end). Not while a note is edited or merged.
import * as api from '../../api.js';
import { QUADRANTS, noteShownAfter } from './model.js';

const DROP_MARKS = ['is-drop-before', 'is-drop-after', 'is-drop-into', 'is-drop-end'];

export function createDragAndDrop(ed) {
  let dragId = null;

  function clearDropMarks() {
    for (const el of ed.grid.querySelectorAll(DROP_MARKS.map((c) => `.${c}`).join(', '))) el.classList.remove(...DROP_MARKS);
  }

  /** Where a drop at the pointer would put the note: { kind: end|into|before|after, li, target }. */
  function dropTarget(e) {
    const moving = ed.byId(dragId);
    if (!moving) return null;
    const li = e.target.closest?.('li.note[data-id]');
    if (!li || li.dataset.id === dragId || ed.ranking) return { kind: 'end' };
    const target = ed.byId(li.dataset.id);
    if (!target) return { kind: 'end' };
    if (target.isHeading && !moving.isHeading) return { kind: 'into', li, target };
    const rect = li.getBoundingClientRect();
    return { kind: e.clientY > rect.top + rect.height / 2 ? 'after' : 'before', li, target };
  }

  async function drop(id, q, where) {
    const moving = ed.byId(id);
    switch (where.kind) {
      case 'end':
        // Ranked by votes, a note dropped in its own quadrant has nowhere else to go.
        if (moving.quadrant !== q || !ed.ranking) await ed.moveTo(id, q, null);
        return;
      case 'into': {
        ed.focusId = id;
        if (moving.quadrant !== q) {
          const moved = await ed.save(() => api.moveNote(id, q, null));
          if (!moved.ok) return;
        }
        const r = await ed.save(() => api.setNoteHeading(id, where.target.id));
        if (r.ok) ed.applyBoard(r.value);
        return;
      }
      case 'before':
        await ed.moveTo(id, q, where.target.id);
        return;
      default:
        await ed.moveTo(id, q, noteShownAfter(ed.board, q, where.target.id, id));
    }
  }

  for (const q of QUADRANTS) {
    const section = ed.quadrantSection(q);
    section.addEventListener('dragover', (e) => {
      if (!dragId) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const where = dropTarget(e);
      clearDropMarks();
      if (!where) return;
      if (where.kind === 'end') section.classList.add('is-drop-end');
      else where.li.classList.add(`is-drop-${where.kind}`);
    });
    section.addEventListener('dragleave', (e) => {
      if (!section.contains(e.relatedTarget)) clearDropMarks();
    });
    section.addEventListener('drop', (e) => {
      if (!dragId) return;
      e.preventDefault();
      const where = dropTarget(e);
      const id = dragId;
      dragId = null;
      clearDropMarks();
      if (where) drop(id, q, where);
    });
  }

  /** Makes a note's element draggable by the mouse (its `draggable` is set where it is drawn). */
  function wireDragSource(li, note) {
    li.addEventListener('dragstart', (e) => {
      if (ed.editing?.id === note.id || ed.merging) {
        e.preventDefault();
        return;
      }
      dragId = note.id;
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', note.text);
      li.classList.add('is-dragging');
    });
    li.addEventListener('dragend', () => {
      dragId = null;
      li.classList.remove('is-dragging');
      clearDropMarks();
    });
  }

  return { wireDragSource };
}
