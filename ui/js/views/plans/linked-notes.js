// The SWOT notes an action answers, in its dialog: each with its board's question and quadrant,
// unlinked with a click, more chosen with the note picker. A stored action's links are stored at
// once (each one undoable); a new action's wait for it to be added.
import { h, icon, clear } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { errorText } from '../../errors.js';
import { showToast } from '../../components/toast.js';
import { quadrantLabel, quadrantBadge } from './labels.js';
import { pickNotes } from './note-picker.js';

/**
 * `action`: the stored action, or null for a new one. Returns { section, action(), noteIds() }:
 * the action as its links left it, and a new action's notes to link when it is added.
 */
export function createLinkedNotes(page, action, titleId) {
  let current = action;
  let pending = []; // a new action's notes, linked when it is added

  const list = h('ul', { class: 'linked-notes', testid: 'action-notes' });
  const linkBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'action-link-note' }, icon('board'), h('span', { text: t('plans.action.linkNotes') }));
  const section = h('section', { class: 'linked-notes-section field-wide', aria: { labelledby: `${titleId}-notes` } },
    h('div', { class: 'linked-notes-head' },
      h('h3', { class: 'field-label', id: `${titleId}-notes`, text: t('plans.action.linkedNotes') }),
      linkBtn),
    list);

  const linked = () => (current ? current.notes ?? [] : pending);

  function draw() {
    const notes = linked();
    clear(list);
    if (!notes.length) {
      list.append(h('li', { class: 'linked-notes-empty muted', text: t('plans.action.noLinkedNotes') }));
      return;
    }
    for (const n of notes) {
      const unlink = h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'action-unlink-note', aria: { label: t('plans.action.unlinkNamed', { text: n.text }) } }, icon('close'), h('span', { text: t('plans.action.unlink') }));
      unlink.addEventListener('click', () => unlinkNote(n));
      list.append(h('li', { class: ['linked-note', `quadrant-${n.quadrant}`], testid: 'action-note', data: { note: n.noteId } },
        quadrantBadge(n.quadrant),
        h('div', { class: 'linked-note-text' },
          h('span', { class: 'linked-note-body', dir: 'auto', text: n.text }),
          h('span', { class: 'linked-note-source muted', dir: 'auto', text: t('plans.noteFrom', { question: n.question, quadrant: quadrantLabel(n.quadrant) }) })),
        unlink));
    }
  }

  /** The stored action as the core sent it back: here, in the list behind, and in Undo. */
  function stored(updated) {
    current = updated;
    page.replaceAction(current);
    draw();
    page.draw();
    page.undoBar.edited();
  }

  async function unlinkNote(n) {
    if (!current) {
      pending = pending.filter((x) => x.noteId !== n.noteId);
      draw();
      linkBtn.focus();
      return;
    }
    try {
      stored(await api.unlinkActionNote(current.id, n.noteId));
      showToast(t('plans.action.unlinked'));
      linkBtn.focus();
    } catch (err) {
      showToast(errorText(err), { kind: 'error' });
    }
  }

  linkBtn.addEventListener('click', async () => {
    const chosen = await pickNotes(page, linked().map((n) => n.noteId));
    if (!chosen?.length) {
      linkBtn.focus();
      return;
    }
    if (!current) {
      pending.push(...chosen);
      draw();
      linkBtn.focus();
      return;
    }
    // One link at a time: if one is refused, those made before it are shown all the same.
    let updated = current;
    try {
      for (const n of chosen) updated = await api.linkActionNote(updated.id, n.noteId);
      showToast(t('plans.action.linked', { count: chosen.length }));
    } catch (err) {
      showToast(errorText(err), { kind: 'error' });
    }
    if (updated !== current) stored(updated);
    linkBtn.focus();
  });

  draw();
  return { section, action: () => current, noteIds: () => pending.map((n) => n.noteId) };
}
