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

/** A small button on a note: out of the Tab order (the note's keys do the same). */
function noteButton(props, content) {
  return h('button', { type: 'button', tabIndex: -1, ...props }, content);
}

/** The tools' icons, by the tool's test id. */
const TOOL_GLYPHS = {
  'note-edit': 'edit',
  'note-create-action': 'plan',
  'note-merge': 'merge',
  'note-delete': 'trash',
  'note-menu': 'more',
};

/** A tool of the note's row of tools, drawn empty: its icon is added when first needed. */
function toolButton(testid, label, className = '') {
  return noteButton({ class: ['note-tool', className], testid, title: label, aria: { label } });
}

export function createNoteItems(ed) {
  // What every note has in common, built once and cloned for each note: a board of hundreds of
  // notes is drawn several times faster than by building each of their fifty-odd elements.
  let parts = null;
  function templates() {
    parts ??= {
      note: h('li', { class: 'note', testid: 'note', tabIndex: -1, aria: { keyshortcuts: 'F2 Delete M H A R' } }),
      heading: h('li', { class: 'note note-heading', testid: 'note-heading', tabIndex: -1 }),
      votes: h('div', { class: 'note-votes-group', role: 'group', aria: { label: t('board.votesLabel') } },
        noteButton({ class: 'note-vote-btn', testid: 'note-vote-down', title: t('board.voteDown'), aria: { label: t('board.voteDown') } }, glyph('minus')),
        h('span', { class: 'note-votes', testid: 'note-votes' }),
        noteButton({ class: 'note-vote-btn', testid: 'note-vote-up', title: t('board.voteUp'), aria: { label: t('board.voteUp') } }, glyph('plus'))),
      raisedBy: noteButton({ class: 'note-raised-by', testid: 'note-raised-by', title: t('board.raisedByTitle') },
        [glyph('user'), h('span', { class: 'note-raised-by-name', dir: 'auto' })]),
      flag: h('span', { class: 'note-flag', testid: 'note-priority-flag', title: t('board.flag.priorityTitle') },
        icon('alert', 'icon'), h('span', { text: t('board.flag.priority') })),
      noteTools: h('div', { class: 'note-tools' },
        toolButton('note-edit', t('board.tool.edit')),
        toolButton('note-create-action', t('board.tool.createAction')),
        toolButton('note-merge', t('board.tool.merge')),
        toolButton('note-delete', t('board.tool.delete'), 'note-tool-danger'),
        toolButton('note-menu', t('board.tool.more'))),
      headingTools: h('div', { class: 'note-tools' },
        toolButton('note-edit', t('board.tool.edit')),
        toolButton('note-delete', t('board.tool.deleteHeading'), 'note-tool-danger'),
        toolButton('note-menu', t('board.tool.more'))),
      glyphs: Object.fromEntries(Object.entries(TOOL_GLYPHS).map(([testid, name]) => [testid, glyph(name)])),
      headingIcon: glyph('heading', 'icon note-heading-icon'),
      actionsIcon: icon('plan'),
    };
    return parts;
  }
  const clone = (name) => templates()[name].cloneNode(true);

  /**
   * A note's tools show only while it is pointed at or focused (board.css), and their icons are
   * most of what a note costs WebKit to lay out: a note drawn for the first time gets them when
   * first pointed at or focused (`light`), one drawn again in place of its old element at once
   * (the pointer may be on it already).
   */
  function tools(name, light) {
    const box = clone(name);
    if (!light) fillTools(box);
    return box;
  }

  function fillTools(box) {
    const glyphs = templates().glyphs;
    for (const button of box.children) {
      if (!button.firstElementChild) button.append(glyphs[button.dataset.testid].cloneNode(true));
    }
  }

  /** What a click on each of a note's buttons does (one listener on the note, not one a button). */
  const BUTTONS = {
    'note-vote-down': (note) => ed.changeVotes(note.id, -1),
    'note-vote-up': (note) => ed.changeVotes(note.id, 1),
    'note-raised-by': (note, button) => ed.pickRaisedByFor(note.id, button),
    'note-actions': (note, button) => ed.showLinkedActions(note.id, button),
    'note-edit': (note) => ed.startEdit(note.id),
    'note-create-action': (note) => ed.openActionDialog(note.id),
    'note-merge': (note) => ed.startMerge(note.id),
    'note-delete': (note) => ed.removeNote(note.id),
    'note-menu': (note, button) => ed.openMenu(note.id, button),
  };

  function noteItem({ note, depth, rank }, { light = false } = {}) {
    const isEditing = ed.editing?.id === note.id;
    const li = clone('note');
    li.className = [
      'note',
      depth && 'is-grouped',
      note.priority && 'is-priority',
      note.priorityWithoutAction && 'is-unanswered',
      ed.merging?.id === note.id && 'is-merge-source',
      ed.merging && ed.merging.id !== note.id && 'is-merge-target',
      isEditing && 'is-editing',
      ed.pendingVotes.has(note.id) && 'is-saving',
    ].filter(Boolean).join(' ');
    if (!isEditing) li.draggable = true;
    li.dataset.id = note.id;
    li.dataset.quadrant = note.quadrant;
    li.dataset.votes = note.votes;
    const text = isEditing ? ed.editorFor(note) : h('p', { class: 'note-text', testid: 'note-text', dir: 'auto', text: note.text });
    const votes = clone('votes');
    votes.firstElementChild.disabled = note.votes <= 0;
    const count = votes.children[1];
    count.title = t('board.votesTitle', { count: note.votes });
    count.append(voteDots(note.votes), h('span', { class: 'note-votes-number', text: formatNumber(note.votes) }));
    const raisedBy = clone('raisedBy');
    if (!note.raisedBy) raisedBy.classList.add('is-empty');
    raisedBy.lastElementChild.textContent = note.raisedBy ?? t('board.raisedByWho');
    li.append(
      h('div', { class: 'note-main' },
        ...(ed.ranking ? [h('span', { class: ['note-rank', !rank && 'is-none'], testid: rank ? 'note-rank' : null, text: rank ? formatNumber(rank) : '' })] : []),
        text),
      h('div', { class: 'note-meta' },
        votes,
        // Who raised it comes early once known; unknown, its "Who?" goes after the flags.
        ...(note.raisedBy ? [raisedBy] : []),
        ...(note.priorityWithoutAction ? [clone('flag')] : []),
        ...(note.actionCount > 0 ? [noteButton({ class: 'note-actions-count', testid: 'note-actions', title: t('board.linked.title') },
          [clone('actionsIcon'), h('span', { text: t('board.actionCount', { count: note.actionCount }) })])] : []),
        ...(note.raisedBy ? [] : [raisedBy]),
        tools('noteTools', light)));
    wireNote(li, note, light);
    return li;
  }

  function headingItem({ note }, { light = false } = {}) {
    const isEditing = ed.editing?.id === note.id;
    const li = clone('heading');
    li.className = ['note', 'note-heading', isEditing && 'is-editing', ed.merging && 'is-merge-off'].filter(Boolean).join(' ');
    if (!isEditing) li.draggable = true;
    li.dataset.id = note.id;
    li.dataset.quadrant = note.quadrant;
    li.dataset.heading = 'true';
    li.append(h('div', { class: 'note-main' },
      clone('headingIcon'),
      isEditing ? ed.editorFor(note) : h('p', { class: 'note-text note-heading-text', testid: 'note-text', dir: 'auto', text: note.text }),
      h('span', { class: 'note-heading-count', text: formatNumber(notesUnder(ed.board, note.id).length) }),
      tools('headingTools', light)));
    wireNote(li, note, light);
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

  function wireNote(li, note, light) {
    if (light) {
      const fill = () => {
        li.removeEventListener('pointerenter', fill);
        li.removeEventListener('focusin', fill);
        const box = li.querySelector('.note-tools');
        if (box) fillTools(box);
      };
      li.addEventListener('pointerenter', fill);
      li.addEventListener('focusin', fill);
    }
    li.addEventListener('click', (e) => {
      const button = e.target.closest?.('button[data-testid]');
      const run = button && li.contains(button) ? BUTTONS[button.dataset.testid] : null;
      if (!run) return;
      // The button's click is its own, as the note's other listeners go.
      e.stopPropagation();
      run(note, button);
    });
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
