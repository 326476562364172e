// The head of the board: its question, group and counts; Undo and Redo; Ranking (each quadrant
// by votes), Compare (the boards asking the same question), Edit and Present (the projector's
// window); and who new notes are from.
import { h, icon, clear } from '../../dom.js';
import { t, language } from '../../i18n.js';
import * as api from '../../api.js';
import { questionKey, boardHref, boardsHref, plainNotes } from './model.js';
import { glyph } from './glyphs.js';

/** The projector's window (present.js) reads the interface language here: it may call no command for it. */
const PRESENT_LANGUAGE_KEY = 'workshop-desk.present-language';

export function rememberLanguageForProjector() {
  try {
    localStorage.setItem(PRESENT_LANGUAGE_KEY, language());
  } catch {
    // storage refused: the projector stays in English
  }
}

export function createHead(ed) {
  const questionEl = h('h1', { class: 'view-title board-question', testid: 'board-question', tabindex: -1, dir: 'auto' });
  const metaEl = h('p', { class: 'board-meta' });

  const rankingBtn = h('button', { type: 'button', class: 'btn btn-small board-ranking', testid: 'board-ranking', title: t('board.rankingTitle') },
    glyph('rank'), h('span', { text: t('board.ranking') }));
  rankingBtn.addEventListener('click', () => {
    ed.ranking = !ed.ranking;
    ed.drawAll();
  });

  const raisedByBtn = h('button', { type: 'button', class: 'btn btn-small board-raised-by', testid: 'board-raised-by-default', title: t('board.raisedByDefaultTitle') });
  raisedByBtn.addEventListener('click', () => ed.pickRaisedBy(raisedByBtn, ed.raisedByDefault, (picked) => {
    ed.raisedByDefault = picked.groupId || picked.participantId ? picked : null;
    drawHead();
    ed.focusInput(ed.lastQuadrant);
  }, null));

  const compareLink = h('a', { class: 'btn btn-small', testid: 'board-compare-open', title: t('board.compare.title') },
    icon('board'), h('span', { text: t('board.compare.button') }));
  const editBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'board-edit', title: t('board.editBoard') },
    icon('edit'), h('span', { text: t('board.editBoardShort') }));
  editBtn.addEventListener('click', () => ed.openBoardDialog());
  const presentBtn = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'board-present', title: t('board.presentTitle') },
    icon('presentation'), h('span', { text: t('board.present') }));
  presentBtn.addEventListener('click', async () => {
    rememberLanguageForProjector();
    try {
      await api.openPresentation(ed.board.id);
    } catch (err) {
      ed.ctx.showError(err);
    }
  });

  const el = h('div', { class: 'board-head' },
    h('div', { class: 'board-head-text' },
      h('a', { class: 'back-link', href: boardsHref(ed.workshopId), testid: 'board-back' },
        icon('chevronLeft'), h('span', { text: t('board.list.title') })),
      questionEl,
      metaEl),
    h('div', { class: 'board-actions' },
      ed.undoBar.root,
      h('div', { class: 'board-actions-group' }, rankingBtn, compareLink, editBtn, presentBtn)));

  // Each part is written again only when what it shows changes: a rewritten head is laid out and
  // repainted, and it is drawn after every note added (which changes only the count).
  const drawn = {};
  const changed = (part, value) => {
    const key = JSON.stringify(value);
    if (drawn[part] === key) return false;
    drawn[part] = key;
    return true;
  };
  let countEl = null;

  function drawHead() {
    const { board } = ed;
    const notes = plainNotes(board.notes);
    const open = notes.filter((n) => n.priorityWithoutAction).length;
    if (changed('question', board.question)) questionEl.textContent = board.question;
    if (changed('meta', [board.groupName, board.priorityVotes, open])) {
      countEl = h('span', { class: 'board-meta-item', testid: 'board-note-count' });
      delete drawn.count;
      clear(metaEl).append(
        board.groupName
          ? h('span', { class: 'tag tag-accent', testid: 'board-group', dir: 'auto', text: board.groupName })
          : h('span', { class: 'tag tag-muted', text: t('board.list.wholeRoom') }),
        countEl,
        h('span', { class: 'board-meta-item', text: t('board.priorityFrom', { count: board.priorityVotes }) }),
        ...(open ? [h('span', { class: 'tag tag-warn', testid: 'board-open-priorities', title: t('board.flag.priorityTitle') },
          t('board.list.prioritiesWithoutAction', { count: open }))] : []));
    }
    if (changed('count', notes.length)) countEl.textContent = t('board.list.noteCount', { count: notes.length });
    if (changed('ranking', ed.ranking)) {
      rankingBtn.setAttribute('aria-pressed', String(ed.ranking));
      rankingBtn.classList.toggle('is-on', ed.ranking);
    }
    // Compare is there only when another board asks the same question.
    const same = ed.summaries.filter((s) => questionKey(s.question) === questionKey(board.question)).length;
    if (changed('compare', [same, board.id])) {
      compareLink.hidden = same < 2;
      compareLink.href = `${boardHref(ed.workshopId, board.id)}?compare=1`;
      compareLink.lastElementChild.textContent = t('board.compare.button', { count: same });
    }
    if (changed('raisedBy', [ed.raisedByDefault?.name ?? null, Boolean(ed.raisedByDefault)])) {
      clear(raisedByBtn).append(glyph('user'),
        h('span', { class: 'board-raised-by-label', text: t('board.raisedByDefault') }),
        h('span', { class: 'board-raised-by-name', dir: 'auto', text: ed.raisedByDefault?.name ?? t('board.raisedByNobody') }));
      raisedByBtn.classList.toggle('is-set', Boolean(ed.raisedByDefault));
    }
  }

  return { el, raisedByBtn, drawHead, focusQuestion: () => questionEl.focus() };
}
