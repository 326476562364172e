// Merging two notes the room says are the same (M on one, then Enter or a click on the other):
// the first keeps its place, the texts are joined and the votes added up; Ctrl+Z takes it back.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { showToast } from '../../components/toast.js';
import { plainNotes } from './model.js';
import { glyph } from './glyphs.js';

export function createMerge(ed) {
  const mergeText = h('span', { class: 'board-merge-text', dir: 'auto' });
  const mergeCancel = h('button', { type: 'button', class: 'btn btn-small', testid: 'merge-cancel', text: t('common.cancel') });
  mergeCancel.addEventListener('click', () => cancelMerge());
  const mergeBanner = h('div', { class: 'board-merge-banner', testid: 'merge-banner', role: 'status', hidden: true },
    glyph('merge'), mergeText, mergeCancel);

  function drawMerge() {
    const source = ed.merging && ed.byId(ed.merging.id);
    mergeBanner.hidden = !source;
    if (source) mergeText.textContent = t('board.merge.banner', { text: source.text });
  }

  function startMerge(id) {
    const note = ed.byId(id);
    if (!note || note.isHeading) return;
    if (plainNotes(ed.board.notes).length < 2) {
      showToast(t('board.merge.nothing'));
      return;
    }
    if (ed.editing) ed.commitEdit(false);
    ed.merging = { id };
    ed.focusId = id;
    ed.drawAll({ note: id });
    ed.hint('merge');
  }

  function cancelMerge() {
    if (!ed.merging) return;
    const { id } = ed.merging;
    ed.merging = null;
    ed.drawAll({ note: id });
    ed.hint('note');
  }

  /** Merges the chosen note into the one being merged, which keeps the focus. */
  async function pickMerge(otherId) {
    if (!ed.merging) return;
    const keptId = ed.merging.id;
    const other = ed.byId(otherId);
    if (otherId === keptId || !other || other.isHeading) {
      showToast(t('board.merge.chooseOther'));
      return;
    }
    ed.merging = null;
    ed.focusId = keptId;
    const r = await ed.save(() => api.mergeNotes(keptId, otherId));
    if (r.ok) {
      ed.applyBoard(r.value, { note: keptId });
      ed.undoBar.offerUndo(t('board.merge.done'), { testid: 'undo-merge' });
    } else {
      ed.drawAll({ note: keptId });
    }
    ed.hint('note');
  }

  return { mergeBanner, drawMerge, startMerge, cancelMerge, pickMerge };
}
