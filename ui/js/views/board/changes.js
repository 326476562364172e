// What a key or a click changes on a note: its votes, its place (another quadrant, up or down),
// or its removal (with Undo in the toast).
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { showToast } from '../../components/toast.js';
import { displayOrder, reorderTarget } from './model.js';

export function createChanges(ed) {
  /**
   * + and −: shown at once (a note reaching the board's threshold is flagged at once too) and
   * saved behind; the core's answer to the last of several quick presses is the one drawn.
   */
  function changeVotes(id, delta) {
    const note = ed.byId(id);
    if (!note || note.isHeading) return;
    const next = Math.max(0, Math.min(999, note.votes + delta));
    if (next === note.votes) return;
    note.votes = next;
    note.priority = next >= Math.max(1, ed.board.priorityVotes);
    note.priorityWithoutAction = note.priority && note.actionCount === 0;
    ed.focusId = id;
    ed.pendingVotes.set(id, (ed.pendingVotes.get(id) ?? 0) + 1);
    ed.drawAll();
    ed.save(() => api.setNoteVotes(id, next)).then((r) => {
      const left = (ed.pendingVotes.get(id) ?? 1) - 1;
      if (left > 0) {
        ed.pendingVotes.set(id, left);
        return;
      }
      ed.pendingVotes.delete(id);
      if (r.ok) ed.applyNote(r.value);
      else ed.reload();
    });
  }

  /** Moves the note into `quadrant`, before the note `before` (null: at the end). */
  async function moveTo(id, quadrant, before = null) {
    ed.focusId = id;
    const r = await ed.save(() => api.moveNote(id, quadrant, before));
    if (r.ok) ed.applyBoard(r.value);
  }

  /** Alt+↑/↓: one place up or down among the notes beside it (not while ranked by votes). */
  function reorder(id, dir) {
    const note = ed.byId(id);
    if (!note) return;
    if (ed.ranking) {
      showToast(t('board.rankingNoReorder'));
      return;
    }
    const target = reorderTarget(ed.board, note, dir);
    if (target) moveTo(id, note.quadrant, target.before);
  }

  async function removeNote(id) {
    const note = ed.byId(id);
    if (!note) return;
    if (ed.editing?.id === id) ed.editing = null;
    // The focus goes to the note below, else the one above.
    const rows = displayOrder(ed.board, note.quadrant, ed.ranking);
    const i = rows.findIndex((r) => r.note.id === id);
    ed.focusId = rows[i + 1]?.note.id ?? rows[i - 1]?.note.id ?? null;
    ed.lastQuadrant = note.quadrant;
    const r = await ed.save(() => api.deleteNote(id));
    if (!r.ok) return;
    ed.applyBoard(r.value);
    ed.undoBar.offerUndo(t(note.isHeading ? 'board.headingDeleted' : 'board.noteDeleted', { text: note.text }), {
      testid: 'undo-note-delete',
      // The note comes back where it was, with the focus.
      onUndo: () => {
        ed.focusId = id;
      },
    });
  }

  return { changeVotes, moveTo, reorder, removeNote };
}
