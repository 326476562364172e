// One row of a quadrant: a note (text, votes, who raised it, its actions, its tools), a heading
// with the number of notes under it, or a note typed and on its way to the core.
import { h, icon } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import { notesUnder } from './model.js';
import { glyph } from './glyphs.js';

/** Votes as dots (up to `max`, then a "+"), for the eye; the number goes beside them. */
export function voteDots(votes, max = 5) {
  const n = Math.max(0, Number(votes) || 0);
  return h('span', { class: 'vote-dots', aria: { hidden: 'true' } },
    Array.from({ length: Math.min(n, max) }, () => h('span', { class: 'vote-dot' })),
    ...(n > max ? [h('span', { class: 'vote-more', text: '+' })] : []));
}

/** A small button on a note: out of the Tab order (the note's keys do the same), its click its own. */
function noteButton(props, content, onClick) {
  const button = h('button', { type: 'button', tabIndex: -1, ...props }, content);
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick(e);
  });
  return button;
}

function toolButton(name, testid, label, onClick, className = '') {
  return noteButton({ class: ['note-tool', className], testid, title: label, aria: { label } }, glyph(name), onClick);
}

export function createNoteItems(ed) {
  function noteItem({ note, depth, rank }) {
    const isEditing = ed.editing?.id === note.id;
    const li = h('li', {
      class: [
        'note',
        depth && 'is-grouped',
        note.priority && 'is-priority',
        note.priorityWithoutAction && 'is-unanswered',
        ed.merging?.id === note.id && 'is-merge-source',
        ed.merging && ed.merging.id !== note.id && 'is-merge-target',
        isEditing && 'is-editing',
        ed.pendingVotes.has(note.id) && 'is-saving',
      ],
      testid: 'note',
      tabIndex: -1,
      draggable: !isEditing,
      data: { id: note.id, quadrant: note.quadrant, votes: note.votes },
      aria: { keyshortcuts: 'F2 Delete M H A R' },
    });
    const text = isEditing ? ed.editorFor(note) : h('p', { class: 'note-text', testid: 'note-text', dir: 'auto', text: note.text });
    const votes = h('div', { class: 'note-votes-group', role: 'group', aria: { label: t('board.votesLabel') } },
      noteButton({
        class: 'note-vote-btn', testid: 'note-vote-down', disabled: note.votes <= 0,
        title: t('board.voteDown'), aria: { label: t('board.voteDown') },
      }, glyph('minus'), () => ed.changeVotes(note.id, -1)),
      h('span', { class: 'note-votes', testid: 'note-votes', title: t('board.votesTitle', { count: note.votes }) },
        voteDots(note.votes), h('span', { class: 'note-votes-number', text: formatNumber(note.votes) })),
      noteButton({
        class: 'note-vote-btn', testid: 'note-vote-up',
        title: t('board.voteUp'), aria: { label: t('board.voteUp') },
      }, glyph('plus'), () => ed.changeVotes(note.id, 1)));
    const raisedBy = noteButton({
      class: ['note-raised-by', !note.raisedBy && 'is-empty'],
      testid: 'note-raised-by',
      title: t('board.raisedByTitle'),
    }, [glyph('user'), h('span', { class: 'note-raised-by-name', dir: 'auto', text: note.raisedBy ?? t('board.raisedByWho') })],
    () => ed.pickRaisedByFor(note.id, raisedBy));
    li.append(
      h('div', { class: 'note-main' },
        ...(ed.ranking ? [h('span', { class: ['note-rank', !rank && 'is-none'], testid: rank ? 'note-rank' : null, text: rank ? formatNumber(rank) : '' })] : []),
        text),
      h('div', { class: 'note-meta' },
        votes,
        // Who raised it comes early once known; unknown, its "Who?" goes after the flags.
        ...(note.raisedBy ? [raisedBy] : []),
        ...(note.priorityWithoutAction ? [h('span', { class: 'note-flag', testid: 'note-priority-flag', title: t('board.flag.priorityTitle') },
          icon('alert', 'icon'), h('span', { text: t('board.flag.priority') }))] : []),
        ...(note.actionCount > 0 ? [noteButton({ class: 'note-actions-count', testid: 'note-actions', title: t('board.linked.title') },
          [icon('plan'), h('span', { text: t('board.actionCount', { count: note.actionCount }) })],
          (e) => ed.showLinkedActions(note.id, e.currentTarget))] : []),
        ...(note.raisedBy ? [] : [raisedBy]),
        h('div', { class: 'note-tools' },
          toolButton('edit', 'note-edit', t('board.tool.edit'), () => ed.startEdit(note.id)),
          toolButton('plan', 'note-create-action', t('board.tool.createAction'), () => ed.openActionDialog(note.id)),
          toolButton('merge', 'note-merge', t('board.tool.merge'), () => ed.startMerge(note.id)),
          toolButton('trash', 'note-delete', t('board.tool.delete'), () => ed.removeNote(note.id), 'note-tool-danger'),
          toolButton('more', 'note-menu', t('board.tool.more'), (e) => ed.openMenu(note.id, e.currentTarget)))));
    wireNote(li, note);
    return li;
  }

  function headingItem({ note }) {
    const isEditing = ed.editing?.id === note.id;
    const li = h('li', {
      class: ['note', 'note-heading', isEditing && 'is-editing', ed.merging && 'is-merge-off'],
      testid: 'note-heading',
      tabIndex: -1,
      draggable: !isEditing,
      data: { id: note.id, quadrant: note.quadrant, heading: 'true' },
    },
    h('div', { class: 'note-main' },
      glyph('heading', 'icon note-heading-icon'),
      isEditing ? ed.editorFor(note) : h('p', { class: 'note-text note-heading-text', testid: 'note-text', dir: 'auto', text: note.text }),
      h('span', { class: 'note-heading-count', text: formatNumber(notesUnder(ed.board, note.id).length) }),
      h('div', { class: 'note-tools' },
        toolButton('edit', 'note-edit', t('board.tool.edit'), () => ed.startEdit(note.id)),
        toolButton('trash', 'note-delete', t('board.tool.deleteHeading'), () => ed.removeNote(note.id), 'note-tool-danger'),
        toolButton('more', 'note-menu', t('board.tool.more'), (e) => ed.openMenu(note.id, e.currentTarget)))));
    wireNote(li, note);
    return li;
  }

  /** A note typed and on its way; if the save failed, why, with Retry and Back to the input. */
  function pendingItem(q, entry) {
    return h('li', { class: ['note', 'note-pending', entry.heading && 'note-heading', entry.failed && 'is-failed'], testid: 'note-pending', aria: { busy: entry.failed ? null : 'true' } },
      h('div', { class: 'note-main' }, h('p', { class: 'note-text', dir: 'auto', text: entry.text })),
      h('div', { class: 'note-meta' },
        entry.failed
          ? h('span', { class: 'note-pending-error', testid: 'note-pending-error' }, icon('alert'), h('span', { text: entry.failed }))
          : h('span', { class: 'note-pending-saving muted', text: t('board.saving') }),
        ...(entry.failed ? [
          h('button', { type: 'button', class: 'btn btn-small', testid: 'note-retry', text: t('board.retry'), on: { click: () => ed.submitPending(q, entry) } }),
          h('button', {
            type: 'button', class: 'btn btn-small btn-ghost', testid: 'note-back-to-input', text: t('board.backToInput'),
            on: { click: () => ed.backToInput(q, entry) },
          }),
        ] : [])));
  }

  function wireNote(li, note) {
    li.addEventListener('focus', () => {
      ed.focusId = note.id;
      ed.lastQuadrant = note.quadrant;
      ed.hint(ed.merging ? 'merge' : 'note');
    });
    // While merging, a click anywhere on a note chooses it (its buttons do nothing else).
    li.addEventListener('click', (e) => {
      if (!ed.merging) return;
      e.preventDefault();
      e.stopPropagation();
      ed.pickMerge(note.id);
    }, true);
    li.addEventListener('dblclick', (e) => {
      if (ed.merging || e.target.closest('button, textarea')) return;
      ed.startEdit(note.id);
    });
    ed.wireDragSource(li, note);
  }

  return { noteItem, headingItem, pendingItem };
}
