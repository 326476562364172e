// One SWOT board as the facilitator types while the room speaks: four quadrants, each with an
// input that is always ready (type, Enter, the note is saved and the input waits for the next).
// Everything is saved as it is made, one save after the other in the order made; a failed save
// shows the error and keeps what was typed. The keys are listed in keys.js.
//
// The editor is put together from parts, each a function of `ed` (below): the state they share
// and the operations each part adds to it. Parts call one another through `ed` only when the
// user does something, so their order matters only where one builds on another's elements
// (drag and drop and the keys listen on the quadrants' grid).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { showToast } from '../../components/toast.js';
import { createUndoBar } from '../../undo.js';
import { QUADRANTS, normalise, withNote, boardsHref } from './model.js';
import { createHead } from './head.js';
import { createQuadrants } from './quadrants.js';
import { createNoteItems } from './notes.js';
import { createAdding } from './adding.js';
import { createEditing } from './editing.js';
import { createChanges } from './changes.js';
import { createDragAndDrop } from './drag.js';
import { createMerge } from './merge.js';
import { createKeys } from './keys.js';
import { createPopovers } from './popovers.js';
import { createNoteMenu } from './menu.js';
import { createRaisedBy } from './raised-by.js';
import { createHeadings } from './headings.js';
import { createLinkedActions } from './linked-actions.js';
import { createActionDialog } from './action-dialog.js';
import { createHistory } from './history.js';
import { createSettingsDialog } from './settings-dialog.js';

export async function renderEditor(params, ctx, workshopId) {
  const restore = params.restore ?? {};
  const [read, summaries] = await Promise.all([api.getBoard(params.boardId), api.listBoards(workshopId).catch(() => [])]);
  const board = normalise(read);

  let saving = Promise.resolve();

  const ed = {
    workshopId,
    ctx,
    board,
    /** The workshop's boards, to offer Compare when another asks the same question. */
    summaries,
    ranking: Boolean(restore.ranking),
    /** { id, draft, saving }: the note edited in place. */
    editing: null,
    /** { id }: the note being merged, which is kept. */
    merging: null,
    /** The note that has (or gets back) the focus. */
    focusId: restore.focusId ?? null,
    lastQuadrant: QUADRANTS[0],
    /** { groupId, participantId, name }: who new notes are from, null for nobody in particular. */
    raisedByDefault: restore.raisedBy ?? null,
    /** Per quadrant, the notes typed and on their way: [{ key, text, raw, heading, failed }]. */
    pendingAdds: new Map(QUADRANTS.map((q) => [q, []])),
    /** Note id → how many of its vote saves are on their way. */
    pendingVotes: new Map(),
    /** True while the lists are drawn again (an editor losing the focus then is not left). */
    redrawing: false,
    /** On screen: the focus may be moved. */
    mounted: false,
    unmounted: false,
    byId: (id) => ed.board.notes.find((n) => n.id === id) ?? null,
    save,
    applyBoard,
    applyNote,
    reload,
  };

  /** Runs `fn` after every earlier save; resolves to { ok, value } or { ok: false, err }. */
  function save(fn) {
    const job = saving.then(async () => {
      try {
        const value = await fn();
        if (!ed.unmounted) ctx.hideError();
        ed.undoBar.edited();
        return { ok: true, value };
      } catch (err) {
        if (!ed.unmounted) ctx.showError(err);
        ed.undoBar.refresh();
        return { ok: false, err };
      }
    });
    saving = job;
    return job;
  }

  /** The board as the core sent it back; `want`: where the focus goes ({ note } or { input }). */
  function applyBoard(next, want) {
    ed.board = normalise(next);
    if (ed.merging && !ed.byId(ed.merging.id)) ed.merging = null;
    if (ed.editing && !ed.byId(ed.editing.id)) ed.editing = null;
    ed.drawAll(want);
  }

  /** A note the core sent back; `added` for a new one (an old one may be gone since: merged). */
  function applyNote(note, want, added = false) {
    ed.board = withNote(ed.board, note, added);
    ed.drawAll(want);
  }

  async function reload(want) {
    try {
      applyBoard(await api.getBoard(ed.board.id), want);
    } catch (err) {
      if (err?.code === 'not_found') {
        showToast(t('board.gone'), { kind: 'error' });
        ctx.navigate(boardsHref(workshopId));
        return;
      }
      ctx.showError(err);
    }
  }

  /** Draws the board again after an undo or redo, with the focus on a note it touched. */
  async function afterStep(step) {
    ed.editing = null;
    ed.merging = null;
    const active = document.activeElement;
    const onNote = !active || active === document.body
      || (ed.grid.contains(active) && !active.classList.contains('note-input'));
    const touched = (step?.touched ?? []).filter((x) => x.entity === 'note').map((x) => x.id);
    await reload();
    if (onNote) {
      const target = ed.focusId && ed.byId(ed.focusId) ? ed.focusId : touched.find((id) => ed.byId(id));
      if (target) {
        ed.focusId = target;
        ed.focusNote(target);
      }
    }
    const now = document.activeElement;
    ed.hint(ed.grid.contains(now) && !now.classList.contains('note-input') ? 'note' : 'input');
  }

  // Undo waits for the saves on their way, so that it takes back the edit just made.
  ed.undoBar = createUndoBar(workshopId, afterStep, { look: 'stacked', testid: 'board-', beforeStep: () => saving });
  Object.assign(ed, createPopovers(ed));
  Object.assign(ed, createQuadrants(ed, restore));
  Object.assign(ed, createNoteItems(ed));
  Object.assign(ed, createAdding(ed));
  Object.assign(ed, createEditing(ed));
  Object.assign(ed, createChanges(ed));
  Object.assign(ed, createDragAndDrop(ed));
  Object.assign(ed, createMerge(ed));
  Object.assign(ed, createKeys(ed));
  Object.assign(ed, createNoteMenu(ed));
  Object.assign(ed, createRaisedBy(ed));
  Object.assign(ed, createHeadings(ed));
  Object.assign(ed, createLinkedActions(ed));
  Object.assign(ed, createActionDialog(ed));
  Object.assign(ed, createHistory(ed));
  Object.assign(ed, createSettingsDialog(ed));
  const head = createHead(ed);
  Object.assign(ed, { drawHead: head.drawHead, focusQuestion: head.focusQuestion });

  const root = h('section', { class: 'view view-board', testid: 'board-view', data: { board: board.id } },
    head.el,
    h('div', { class: 'board-bar' }, h('div', { class: 'board-bar-main' }, ed.hintEl, ed.mergeBanner), head.raisedByBtn),
    ed.grid);

  ed.hint('input');
  ed.drawAll();
  ed.undoBar.refresh();

  return {
    root,
    focus: ({ restoring } = {}) => {
      ed.mounted = true;
      // The first rows of each list are on screen: the rest follow between frames.
      ed.growLists();
      if (restoring && ed.focusId && ed.focusNote(ed.focusId)) return;
      const typedIn = QUADRANTS.find((q) => ed.inputText(q)) ?? QUADRANTS[0];
      ed.focusInput(restore.quadrant ?? typedIn);
    },
    snapshot: () => ({
      ranking: ed.ranking,
      raisedBy: ed.raisedByDefault,
      focusId: ed.grid.contains(document.activeElement) ? ed.focusId : null,
      quadrant: ed.lastQuadrant,
      drafts: Object.fromEntries(QUADRANTS.map((q) => [q, ed.inputText(q)])),
    }),
    unmount: () => {
      ed.unmounted = true;
      if (ed.editing && !ed.editing.saving) ed.commitEdit(false);
      ed.undoBar.destroy();
      ed.stopKeys();
      ed.closePopover();
    },
  };
}
