// One SWOT board, as the facilitator types while the room speaks: four quadrants, each with an
// input that is always ready (type, Enter, the note is saved and the input waits for the next).
// Everything is saved as it is made; a failed save shows the error and keeps what was typed.
//
// Keys. In a quadrant's input: Enter adds ("# " first makes a heading), Tab / Shift+Tab or
// Ctrl+1…4 go to another quadrant, ↑ goes to the notes. On a note: arrows move between notes,
// Enter or F2 edits in place, Delete removes (Undo in the toast), Alt+↑/↓ reorders, Alt+Shift+arrows
// move to another quadrant, + and − vote, M merges with another note, H groups under a heading,
// A creates an action from it, R says who raised it, Shift+F10 opens its menu, Escape goes back to
// the input. Ctrl+Z / Ctrl+Shift+Z undo and redo (the core's change log).
//
// With `?compare=1` the same route shows the boards that ask this board's question side by side.
import { h, icon, clear, uniqueId } from '../dom.js';
import { t, formatNumber, language } from '../i18n.js';
import * as api from '../api.js';
import { state } from '../state.js';
import { formatDateTime } from '../format.js';
import { countryName, fold } from '../countries.js';
import { showToast } from '../components/toast.js';
import { showModal } from '../components/modal.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { createCountryPicker } from '../components/country-picker.js';
import { errorText } from '../errors.js';
import { installUndoKeys, editLabel, runStep, undoState as readUndoState } from '../undo.js';

export const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'];

/** Where each quadrant sits in the 2×2 grid: [row, column]. */
const GRID = { strengths: [0, 0], weaknesses: [0, 1], opportunities: [1, 0], threats: [1, 1] };
const quadrantAt = (row, col) => QUADRANTS.find((q) => GRID[q][0] === row && GRID[q][1] === col) ?? null;

/** The projector's window reads the interface language from here (it may call nothing else). */
export const PRESENT_LANGUAGE_KEY = 'workshop-desk.present-language';

const SCOPES = ['regional', 'national', 'organisational'];
const NEW_PLAN = '__new__';
/** The plan chosen last time an action was created from a note (kept while the app runs). */
let lastPlanId = null;

/** The question as the core compares it: without case or extra spaces. */
export function questionKey(question) {
  return String(question ?? '').split(/\s+/).filter(Boolean).join(' ').toLowerCase();
}

export function boardHref(workshopId, boardId) {
  return `#/workshops/${encodeURIComponent(workshopId)}/boards/${encodeURIComponent(boardId)}`;
}

// A few icons the shared set does not have, drawn the same way (24×24, stroke = currentColor).
const SVG_NS = 'http://www.w3.org/2000/svg';
const GLYPHS = {
  minus: ['M5 12h14'],
  plus: ['M12 5v14', 'M5 12h14'],
  redo: ['M15 14l5-5-5-5', 'M20 9H10a6 6 0 0 0 0 12h3'],
  merge: ['M6 4v5a6 6 0 0 0 6 6h0a6 6 0 0 1 6 6', 'M18 4v5a6 6 0 0 1-6 6', 'M9 18l3 3 3-3'],
  more: ['M5 12h.01', 'M12 12h.01', 'M19 12h.01'],
  user: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1'],
  heading: ['M5 5h14', 'M9 10h10', 'M9 15h10', 'M9 20h10', 'M5 10v10'],
  rank: ['M4 20V10', 'M10 20V4', 'M16 20v-7', 'M22 20H2'],
  move: ['M5 9l-3 3 3 3', 'M9 5l3-3 3 3', 'M15 19l-3 3-3-3', 'M19 9l3 3-3 3', 'M2 12h20', 'M12 2v20'],
  keyboard: ['M3 6h18v12H3z', 'M7 10h.01', 'M11 10h.01', 'M15 10h.01', 'M7 14h10'],
};

function glyph(name, className = 'icon') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of GLYPHS[name] ?? []) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Votes as dots (up to `max`, then a "+"), for the eye; the number goes beside them. */
export function voteDots(votes, max = 5) {
  const n = Math.max(0, Number(votes) || 0);
  return h('span', { class: 'vote-dots', aria: { hidden: 'true' } },
    Array.from({ length: Math.min(n, max) }, () => h('span', { class: 'vote-dot' })),
    ...(n > max ? [h('span', { class: 'vote-more', text: '+' })] : []));
}

function sortNotes(notes) {
  return [...(notes ?? [])].sort((a, b) => QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant) || a.position - b.position);
}

function normalise(board) {
  return { ...board, notes: sortNotes(board.notes) };
}

/** A note's place in its quadrant as shown: headings with their notes under them, or by votes. */
function displayOrder(board, quadrant, ranking) {
  const notes = board.notes.filter((n) => n.quadrant === quadrant);
  if (ranking) {
    const plain = notes.filter((n) => !n.isHeading);
    return plain
      .map((n, i) => ({ n, i }))
      .sort((a, b) => b.n.votes - a.n.votes || a.i - b.i)
      // Places by votes (ties share one); notes nobody voted for get none.
      .map(({ n }) => ({ note: n, depth: 0, rank: n.votes > 0 ? 1 + plain.filter((o) => o.votes > n.votes).length : null }));
  }
  const headings = new Set(notes.filter((n) => n.isHeading).map((n) => n.id));
  const out = [];
  for (const n of notes) {
    if (!n.isHeading && n.headingId && headings.has(n.headingId)) continue;
    out.push({ note: n, depth: 0 });
    if (n.isHeading) {
      for (const c of notes) if (!c.isHeading && c.headingId === n.id) out.push({ note: c, depth: 1 });
    }
  }
  return out;
}

export async function render(params, ctx) {
  let workshop = state.workshop;
  if (!workshop || workshop.id !== params.id) {
    workshop = await api.openWorkshop(params.id);
    ctx.setWorkshop(workshop);
  }
  try {
    localStorage.setItem(PRESENT_LANGUAGE_KEY, language());
  } catch {
    // storage refused: the projector stays in English
  }
  if (params.query?.get('compare') === '1') return renderCompare(params, ctx, workshop.id);
  return renderBoard(params, ctx, workshop.id);
}

// ====================================================================== the board editor

async function renderBoard(params, ctx, workshopId) {
  const restore = params.restore ?? {};
  let board = normalise(await api.getBoard(params.boardId));
  let summaries = await api.listBoards(workshopId).catch(() => []);

  let ranking = Boolean(restore.ranking);
  let editing = null; // { id, draft, saving }
  let merging = null; // { id }: the note that is kept
  let focusId = restore.focusId ?? null; // the note that has (or gets back) the focus
  let lastQuadrant = QUADRANTS[0];
  let raisedByDefault = restore.raisedBy ?? null; // { groupId, participantId, name } for new notes
  let undoNow = { undo: null, redo: null };
  let choices = null; // { groups, participants }, loaded when first needed
  let mounted = false;
  let unmounted = false;
  let dragId = null;
  let redrawing = false;
  const pendingAdds = new Map(QUADRANTS.map((q) => [q, []])); // [{ key, text, raw, heading, failed }]
  const pendingVotes = new Map(); // note id → vote saves on their way
  let saving = Promise.resolve();

  const byId = (id) => board.notes.find((n) => n.id === id) ?? null;
  const draftKey = (q) => `workshop-desk.note-draft.${board.id}.${q}`;

  // ----- saving: one edit at a time, in the order they were made -----

  /** Runs `fn` after every earlier save; resolves to { ok, value } or { ok: false, err }. */
  function save(fn) {
    const job = saving.then(async () => {
      try {
        const value = await fn();
        if (!unmounted) ctx.hideError();
        return { ok: true, value };
      } catch (err) {
        if (!unmounted) ctx.showError(err);
        return { ok: false, err };
      }
    });
    saving = job;
    job.then(() => refreshUndo());
    return job;
  }

  function applyBoard(next, want) {
    board = normalise(next);
    if (merging && !byId(merging.id)) merging = null;
    if (editing && !byId(editing.id)) editing = null;
    drawAll(want);
  }

  /** A note the core sent back; `added` for a new one (an old one may be gone since: merged). */
  function applyNote(note, want, added = false) {
    const i = board.notes.findIndex((n) => n.id === note.id);
    if (i >= 0) board.notes[i] = note;
    else if (added) board.notes.push(note);
    board.notes = sortNotes(board.notes);
    drawAll(want);
  }

  async function reload(want) {
    try {
      applyBoard(await api.getBoard(board.id), want);
    } catch (err) {
      if (err?.code === 'not_found') {
        showToast(t('board.gone'), { kind: 'error' });
        ctx.navigate(`#/workshops/${encodeURIComponent(workshopId)}/boards`);
        return;
      }
      ctx.showError(err);
    }
  }

  // ----- the head: question, counts, undo/redo, ranking, present -----

  const questionEl = h('h1', { class: 'view-title board-question', testid: 'board-question', tabindex: -1, dir: 'auto' });
  const metaEl = h('p', { class: 'board-meta' });
  const undoLabel = h('span', { class: 'board-undo-label', testid: 'board-undo-label' });
  const redoLabel = h('span', { class: 'board-undo-label', testid: 'board-redo-label' });
  const undoBtn = h('button', { type: 'button', class: 'btn btn-small board-undo', testid: 'board-undo', aria: { keyshortcuts: 'Control+Z' } },
    icon('undo'), h('span', { class: 'board-undo-text' }, h('span', { text: t('undo.undo') }), undoLabel));
  const redoBtn = h('button', { type: 'button', class: 'btn btn-small board-undo', testid: 'board-redo', aria: { keyshortcuts: 'Control+Shift+Z Control+Y' } },
    glyph('redo'), h('span', { class: 'board-undo-text' }, h('span', { text: t('undo.redo') }), redoLabel));
  undoBtn.addEventListener('click', () => runUndo('undo'));
  redoBtn.addEventListener('click', () => runUndo('redo'));
  const rankingBtn = h('button', { type: 'button', class: 'btn btn-small board-ranking', testid: 'board-ranking', title: t('board.rankingTitle') },
    glyph('rank'), h('span', { text: t('board.ranking') }));
  rankingBtn.addEventListener('click', () => {
    ranking = !ranking;
    drawHead();
    drawAll();
  });
  const raisedByBtn = h('button', { type: 'button', class: 'btn btn-small board-raised-by', testid: 'board-raised-by-default', title: t('board.raisedByDefaultTitle') });
  raisedByBtn.addEventListener('click', () => pickRaisedBy(raisedByBtn, raisedByDefault, (picked) => {
    raisedByDefault = picked.groupId || picked.participantId ? picked : null;
    drawHead();
    quads.get(lastQuadrant).input.focus();
  }, null));
  const compareLink = h('a', { class: 'btn btn-small', testid: 'board-compare-open', title: t('board.compare.title') },
    icon('board'), h('span', { text: t('board.compare.button') }));
  const editBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'board-edit', title: t('board.editBoard') },
    icon('edit'), h('span', { text: t('board.editBoardShort') }));
  editBtn.addEventListener('click', () => openBoardDialog());
  const presentBtn = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'board-present', title: t('board.presentTitle') },
    icon('presentation'), h('span', { text: t('board.present') }));
  presentBtn.addEventListener('click', async () => {
    try {
      localStorage.setItem(PRESENT_LANGUAGE_KEY, language());
    } catch {
      // the projector then shows English
    }
    try {
      await api.openPresentation(board.id);
    } catch (err) {
      ctx.showError(err);
    }
  });

  function drawHead() {
    questionEl.textContent = board.question;
    const notes = board.notes.filter((n) => !n.isHeading);
    const open = notes.filter((n) => n.priorityWithoutAction).length;
    clear(metaEl).append(
      board.groupName
        ? h('span', { class: 'tag tag-accent', testid: 'board-group', dir: 'auto', text: board.groupName })
        : h('span', { class: 'tag tag-muted', text: t('board.list.wholeRoom') }),
      h('span', { class: 'board-meta-item', testid: 'board-note-count', text: t('board.list.noteCount', { count: notes.length }) }),
      h('span', { class: 'board-meta-item', text: t('board.priorityFrom', { count: board.priorityVotes }) }),
      ...(open ? [h('span', { class: 'tag tag-warn', testid: 'board-open-priorities', title: t('board.flag.priorityTitle') },
        t('board.list.prioritiesWithoutAction', { count: open }))] : []));
    rankingBtn.setAttribute('aria-pressed', String(ranking));
    rankingBtn.classList.toggle('is-on', ranking);
    const same = summaries.filter((s) => questionKey(s.question) === questionKey(board.question)).length;
    compareLink.hidden = same < 2;
    compareLink.href = `${boardHref(workshopId, board.id)}?compare=1`;
    compareLink.lastElementChild.textContent = t('board.compare.button', { count: same });
    clear(raisedByBtn).append(glyph('user'),
      h('span', { class: 'board-raised-by-label', text: t('board.raisedByDefault') }),
      h('span', { class: 'board-raised-by-name', dir: 'auto', text: raisedByDefault?.name ?? t('board.raisedByNobody') }));
    raisedByBtn.classList.toggle('is-set', Boolean(raisedByDefault));
    drawUndo();
  }

  function drawUndo() {
    undoBtn.disabled = !undoNow.undo;
    redoBtn.disabled = !undoNow.redo;
    undoLabel.textContent = undoNow.undo ? editLabel(undoNow.undo) : '';
    redoLabel.textContent = undoNow.redo ? editLabel(undoNow.redo) : '';
    undoBtn.title = undoNow.undo ? t('board.undoTitle', { edit: editLabel(undoNow.undo) }) : t('undo.nothingToUndo');
    redoBtn.title = undoNow.redo ? t('board.redoTitle', { edit: editLabel(undoNow.redo) }) : t('undo.nothingToRedo');
  }

  let undoSeq = 0;
  async function refreshUndo() {
    const seq = ++undoSeq;
    const next = await readUndoState(workshopId);
    if (seq !== undoSeq || unmounted) return;
    undoNow = next ?? { undo: null, redo: null };
    drawUndo();
  }

  /** The last toast with an Undo of its own: stale once anything is undone or redone. */
  let undoToast = null;
  function toastWithUndo(message, testid) {
    undoToast?.();
    undoToast = showToast(message, {
      action: { label: t('common.undo'), testid, onClick: () => runUndo('undo') },
    });
  }

  async function runUndo(which) {
    undoToast?.();
    undoToast = null;
    await saving;
    const step = await runStep(workshopId, which);
    if (step) await afterStep(step);
  }

  /** Draws the board again after an undo or redo, with the focus on a note it touched. */
  async function afterStep(step) {
    undoToast?.();
    undoToast = null;
    if (step?.state) {
      undoNow = step.state;
      drawUndo();
    }
    editing = null;
    merging = null;
    const active = document.activeElement;
    const onNote = !active || active === document.body
      || (grid.contains(active) && !active.classList.contains('note-input'));
    const touched = (step?.touched ?? []).filter((x) => x.entity === 'note').map((x) => x.id);
    await reload();
    if (onNote) {
      const target = focusId && byId(focusId) ? focusId : touched.find((id) => byId(id));
      if (target) {
        focusId = target;
        focusNote(target);
      }
    }
    hint(grid.contains(document.activeElement) && !document.activeElement.classList.contains('note-input') ? 'note' : 'input');
    refreshUndo();
  }

  // ----- the hints line and the merge banner -----

  const hintEl = h('p', { class: 'board-hint', testid: 'board-hint', aria: { live: 'off' } });
  function hint(kind) {
    const keys = {
      input: [['Enter', 'board.hint.add'], ['# ', 'board.hint.heading'], ['Tab', 'board.hint.nextQuadrant'], ['Ctrl+1…4', 'board.hint.quadrant'], ['↑', 'board.hint.toNotes']],
      note: [['F2', 'board.hint.edit'], ['+ −', 'board.hint.votes'], ['M', 'board.hint.merge'], ['H', 'board.hint.group'], ['A', 'board.hint.action'], ['Alt+↑↓', 'board.hint.reorder'], ['Alt+Shift+←→', 'board.hint.move'], ['Del', 'board.hint.delete'], ['Ctrl+Z', 'board.hint.undo']],
      merge: [['↑↓←→', 'board.hint.choose'], ['Enter', 'board.hint.mergeHere'], ['Esc', 'board.hint.cancel']],
    }[kind] ?? [];
    clear(hintEl).append(glyph('keyboard', 'icon board-hint-icon'),
      ...keys.map(([key, label]) => h('span', { class: 'board-hint-item' }, h('kbd', { class: 'board-kbd', text: key }), h('span', { text: t(label) }))));
  }

  const mergeText = h('span', { class: 'board-merge-text', dir: 'auto' });
  const mergeCancel = h('button', { type: 'button', class: 'btn btn-small', testid: 'merge-cancel', text: t('common.cancel') });
  mergeCancel.addEventListener('click', () => cancelMerge());
  const mergeBanner = h('div', { class: 'board-merge-banner', testid: 'merge-banner', role: 'status', hidden: true },
    glyph('merge'), mergeText, mergeCancel);

  // ----- the four quadrants -----

  const quads = new Map();
  const grid = h('div', { class: ['swot-grid'], testid: 'board-grid' });
  QUADRANTS.forEach((q, i) => {
    const headingId = uniqueId(`quadrant-${q}`);
    const count = h('span', { class: 'swot-count', testid: `board-count-${q}` });
    const list = h('ul', { class: 'note-list', testid: `note-list-${q}`, aria: { labelledby: headingId } });
    const input = h('input', {
      type: 'text',
      class: 'input note-input',
      testid: `note-input-${q}`,
      dir: 'auto',
      maxLength: 1000,
      autocomplete: 'off',
      placeholder: t('board.inputPlaceholder'),
      value: restore.drafts?.[q] ?? readDraft(q),
      aria: { label: t('board.addTo', { quadrant: t(`board.quadrant.${q}`) }), keyshortcuts: `Control+${i + 1}` },
      data: { quadrant: q },
    });
    input.addEventListener('input', () => writeDraft(q, input.value));
    input.addEventListener('focus', () => {
      lastQuadrant = q;
      hint(merging ? 'merge' : 'input');
    });
    const section = h('section', { class: ['swot-quadrant', `q-${q}`], testid: `board-quadrant-${q}`, data: { quadrant: q }, aria: { labelledby: headingId } },
      h('header', { class: 'swot-quadrant-head' },
        h('span', { class: 'swot-letter', aria: { hidden: 'true' }, text: t(`board.letter.${q}`) }),
        h('h2', { class: 'swot-title', id: headingId, text: t(`board.quadrant.${q}`) }),
        count,
        h('kbd', { class: 'swot-key', title: t('board.hint.quadrant'), text: `Ctrl+${i + 1}` })),
      list,
      h('div', { class: 'note-entry' }, glyph('plus', 'icon note-entry-icon'), input));
    grid.append(section);
    quads.set(q, { section, list, input, count });
    wireDrop(section, q);
  });

  function readDraft(q) {
    try {
      return sessionStorage.getItem(draftKey(q)) ?? '';
    } catch {
      return '';
    }
  }

  function writeDraft(q, value) {
    try {
      if (value) sessionStorage.setItem(draftKey(q), value);
      else sessionStorage.removeItem(draftKey(q));
    } catch {
      // a draft that cannot be kept is still in the input
    }
  }

  /** Rebuilds the four lists; the focus goes back to the note that had it (or to `want`). */
  function drawAll(want = null) {
    const active = document.activeElement;
    const lists = [...quads.values()].map((x) => x.list);
    const focusInLists = lists.some((l) => l.contains(active)) || (mounted && (!active || active === document.body));
    const editFocused = active?.classList?.contains('note-edit-input');
    const caret = editFocused ? [active.selectionStart, active.selectionEnd] : null;
    redrawing = true;
    for (const q of QUADRANTS) drawQuadrant(q);
    for (const id of nodeCache.keys()) if (!byId(id)) nodeCache.delete(id);
    redrawing = false;
    drawHead();
    drawMerge();
    grid.classList.toggle('is-ranking', ranking);
    grid.classList.toggle('is-merging', Boolean(merging));
    if (!mounted) return;
    if (want?.input) {
      quads.get(want.input).input.focus();
    } else if (want?.note) {
      focusNote(want.note);
    } else if (focusInLists) {
      if (!(focusId && focusNote(focusId, caret))) quads.get(lastQuadrant).input.focus();
    }
  }

  // A note's element is kept while what it shows is the same, so that a click, the focus or an
  // open editor survive the redraw that follows every save.
  const nodeCache = new Map(); // note id → { sig, el }

  function signature({ note, depth, rank }) {
    return JSON.stringify([
      note.text, note.votes, note.quadrant, note.isHeading, note.headingId, note.raisedBy,
      note.actionCount, note.priority, note.priorityWithoutAction, depth, ranking, rank ?? 0,
      editing?.id === note.id, merging ? merging.id === note.id : null, pendingVotes.has(note.id),
      note.isHeading ? board.notes.filter((n) => n.headingId === note.id && !n.isHeading).length : 0,
    ]);
  }

  function drawQuadrant(q) {
    const { list, count } = quads.get(q);
    const scroll = list.scrollTop;
    const rows = displayOrder(board, q, ranking);
    const nodes = rows.map((row) => {
      const sig = signature(row);
      const cached = nodeCache.get(row.note.id);
      if (cached && cached.sig === sig) return cached.el;
      const el = row.note.isHeading ? headingItem(row) : noteItem(row);
      nodeCache.set(row.note.id, { sig, el });
      return el;
    });
    for (const p of pendingAdds.get(q)) nodes.push(pendingItem(q, p));
    if (!nodes.length) nodes.push(h('li', { class: 'note-empty', aria: { hidden: 'true' }, text: t(`board.empty.${q}`) }));
    // Only what changed moves: an unchanged note stays in place.
    nodes.forEach((node, i) => {
      if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
    });
    while (list.children.length > nodes.length) list.lastElementChild.remove();
    count.textContent = formatNumber(board.notes.filter((n) => n.quadrant === q && !n.isHeading).length);
    list.scrollTop = scroll;
  }

  function scrollToEnd(q) {
    const { list } = quads.get(q);
    list.scrollTop = list.scrollHeight;
  }

  function focusNote(id, caret = null) {
    const li = grid.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    if (!li) return false;
    const editor = li.querySelector('.note-edit-input');
    if (editor) {
      editor.focus();
      if (caret) editor.setSelectionRange(caret[0], caret[1]);
    } else {
      li.focus();
    }
    return true;
  }

  function drawMerge() {
    const source = merging && byId(merging.id);
    mergeBanner.hidden = !source;
    if (source) mergeText.textContent = t('board.merge.banner', { text: source.text });
  }

  // ----- one note -----

  function toolButton(name, testid, label, onClick, className = '') {
    const b = h('button', {
      type: 'button',
      class: ['note-tool', className],
      testid,
      tabIndex: -1,
      title: label,
      aria: { label },
    }, GLYPHS[name] ? glyph(name) : icon(name));
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick(e);
    });
    return b;
  }

  function noteItem({ note, depth, rank }) {
    const isEditing = editing?.id === note.id;
    const li = h('li', {
      class: [
        'note',
        depth && 'is-grouped',
        note.priority && 'is-priority',
        note.priorityWithoutAction && 'is-unanswered',
        merging?.id === note.id && 'is-merge-source',
        merging && merging.id !== note.id && 'is-merge-target',
        isEditing && 'is-editing',
        pendingVotes.has(note.id) && 'is-saving',
      ],
      testid: 'note',
      tabIndex: -1,
      draggable: !isEditing,
      data: { id: note.id, quadrant: note.quadrant, votes: note.votes },
      aria: { keyshortcuts: 'F2 Delete M H A R' },
    });
    const textEl = isEditing ? editorFor(note) : h('p', { class: 'note-text', testid: 'note-text', dir: 'auto', text: note.text });
    const votes = h('div', { class: 'note-votes-group', role: 'group', aria: { label: t('board.votesLabel') } },
      h('button', {
        type: 'button', class: 'note-vote-btn', testid: 'note-vote-down', tabIndex: -1, disabled: note.votes <= 0,
        title: t('board.voteDown'), aria: { label: t('board.voteDown') },
        on: { click: (e) => { e.stopPropagation(); changeVotes(note.id, -1); } },
      }, glyph('minus')),
      h('span', { class: 'note-votes', testid: 'note-votes', title: t('board.votesTitle', { count: note.votes }) },
        voteDots(note.votes), h('span', { class: 'note-votes-number', text: formatNumber(note.votes) })),
      h('button', {
        type: 'button', class: 'note-vote-btn', testid: 'note-vote-up', tabIndex: -1,
        title: t('board.voteUp'), aria: { label: t('board.voteUp') },
        on: { click: (e) => { e.stopPropagation(); changeVotes(note.id, 1); } },
      }, glyph('plus')));
    const raisedBy = h('button', {
      type: 'button',
      class: ['note-raised-by', !note.raisedBy && 'is-empty'],
      testid: 'note-raised-by',
      tabIndex: -1,
      title: t('board.raisedByTitle'),
    }, glyph('user'), h('span', { class: 'note-raised-by-name', dir: 'auto', text: note.raisedBy ?? t('board.raisedByWho') }));
    raisedBy.addEventListener('click', (e) => {
      e.stopPropagation();
      pickRaisedByFor(note.id, raisedBy);
    });
    li.append(
      h('div', { class: 'note-main' },
        ...(ranking ? [h('span', { class: ['note-rank', !rank && 'is-none'], testid: rank ? 'note-rank' : null, text: rank ? formatNumber(rank) : '' })] : []),
        textEl),
      h('div', { class: 'note-meta' },
        votes,
        ...(note.raisedBy ? [raisedBy] : []),
        ...(note.priorityWithoutAction ? [h('span', { class: 'note-flag', testid: 'note-priority-flag', title: t('board.flag.priorityTitle') },
          icon('alert', 'icon'), h('span', { text: t('board.flag.priority') }))] : []),
        ...(note.actionCount > 0 ? [h('button', {
          type: 'button', class: 'note-actions-count', testid: 'note-actions', tabIndex: -1, title: t('board.linked.title'),
          on: { click: (e) => { e.stopPropagation(); showLinkedActions(note.id, e.currentTarget); } },
        }, icon('plan'), h('span', { text: t('board.actionCount', { count: note.actionCount }) }))] : []),
        ...(note.raisedBy ? [] : [raisedBy]),
        h('div', { class: 'note-tools' },
          toolButton('edit', 'note-edit', t('board.tool.edit'), () => startEdit(note.id)),
          toolButton('plan', 'note-create-action', t('board.tool.createAction'), () => openActionDialog(note.id)),
          toolButton('merge', 'note-merge', t('board.tool.merge'), () => startMerge(note.id)),
          toolButton('trash', 'note-delete', t('board.tool.delete'), () => removeNote(note.id), 'note-tool-danger'),
          toolButton('more', 'note-menu', t('board.tool.more'), (e) => openMenu(note.id, e.currentTarget)))));
    wireNote(li, note);
    return li;
  }

  function headingItem({ note }) {
    const isEditing = editing?.id === note.id;
    const under = board.notes.filter((n) => n.headingId === note.id && !n.isHeading).length;
    const li = h('li', {
      class: ['note', 'note-heading', isEditing && 'is-editing', merging && 'is-merge-off'],
      testid: 'note-heading',
      tabIndex: -1,
      draggable: !isEditing,
      data: { id: note.id, quadrant: note.quadrant, heading: 'true' },
    },
    h('div', { class: 'note-main' },
      glyph('heading', 'icon note-heading-icon'),
      isEditing ? editorFor(note) : h('p', { class: 'note-text note-heading-text', testid: 'note-text', dir: 'auto', text: note.text }),
      h('span', { class: 'note-heading-count', text: formatNumber(under) }),
      h('div', { class: 'note-tools' },
        toolButton('edit', 'note-edit', t('board.tool.edit'), () => startEdit(note.id)),
        toolButton('trash', 'note-delete', t('board.tool.deleteHeading'), () => removeNote(note.id), 'note-tool-danger'),
        toolButton('more', 'note-menu', t('board.tool.more'), (e) => openMenu(note.id, e.currentTarget)))));
    wireNote(li, note);
    return li;
  }

  function pendingItem(q, p) {
    return h('li', { class: ['note', 'note-pending', p.heading && 'note-heading', p.failed && 'is-failed'], testid: 'note-pending', aria: { busy: p.failed ? null : 'true' } },
      h('div', { class: 'note-main' }, h('p', { class: 'note-text', dir: 'auto', text: p.text })),
      h('div', { class: 'note-meta' },
        p.failed
          ? h('span', { class: 'note-pending-error', testid: 'note-pending-error' }, icon('alert'), h('span', { text: p.failed }))
          : h('span', { class: 'note-pending-saving muted', text: t('board.saving') }),
        ...(p.failed ? [
          h('button', { type: 'button', class: 'btn btn-small', testid: 'note-retry', text: t('board.retry'), on: { click: () => submitPending(q, p) } }),
          h('button', {
            type: 'button', class: 'btn btn-small btn-ghost', testid: 'note-back-to-input', text: t('board.backToInput'),
            on: { click: () => backToInput(q, p) },
          }),
        ] : [])));
  }

  function wireNote(li, note) {
    li.addEventListener('focus', () => {
      focusId = note.id;
      lastQuadrant = note.quadrant;
      hint(merging ? 'merge' : 'note');
    });
    li.addEventListener('click', (e) => {
      if (!merging) return;
      e.preventDefault();
      e.stopPropagation();
      pickMerge(note.id);
    }, true);
    li.addEventListener('dblclick', (e) => {
      if (merging || e.target.closest('button, textarea')) return;
      startEdit(note.id);
    });
    li.addEventListener('dragstart', (e) => {
      if (editing?.id === note.id || merging) {
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

  // ----- editing in place -----

  function editorFor(note) {
    const ta = h('textarea', {
      class: 'note-edit-input',
      testid: 'note-edit-input',
      dir: 'auto',
      rows: 1,
      maxLength: 1000,
      value: editing.draft,
      aria: { label: t('board.editLabel') },
    });
    const fit = () => {
      ta.style.height = 'auto';
      ta.style.height = `${ta.scrollHeight}px`;
    };
    ta.addEventListener('input', () => {
      if (editing?.id === note.id) editing.draft = ta.value;
      fit();
    });
    ta.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        commitEdit(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancelEdit();
      }
    });
    ta.addEventListener('blur', () => {
      if (redrawing || !ta.isConnected) return;
      if (editing?.id === note.id && !editing.saving) commitEdit(false);
    });
    requestAnimationFrame(fit);
    return ta;
  }

  function startEdit(id) {
    const note = byId(id);
    if (!note || merging) return;
    if (editing && editing.id !== id) commitEdit(false);
    editing = { id, draft: note.text, saving: false };
    focusId = id;
    drawAll();
    const ta = grid.querySelector(`li[data-id="${CSS.escape(id)}"] .note-edit-input`);
    if (ta) {
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
    }
  }

  function cancelEdit() {
    if (!editing) return;
    const { id } = editing;
    editing = null;
    drawAll({ note: id });
  }

  async function commitEdit(refocus) {
    if (!editing || editing.saving) return;
    const { id } = editing;
    const note = byId(id);
    const text = editing.draft.trim();
    if (!note) {
      editing = null;
      drawAll();
      return;
    }
    if (text === note.text) {
      editing = null;
      drawAll(refocus ? { note: id } : null);
      return;
    }
    if (!text) {
      if (!refocus) {
        // Leaving an emptied note keeps it as it was (Delete removes a note).
        editing = null;
        drawAll();
        return;
      }
      ctx.showError({ code: 'required', field: 'text', message: t('board.textRequired') });
      return;
    }
    editing.saving = true;
    const r = await save(() => api.editNote(id, text));
    if (editing?.id === id) editing.saving = false;
    if (r.ok) {
      if (editing?.id === id) editing = null;
      applyNote(r.value, refocus ? { note: id } : null);
    } else {
      // The typed text stays in the editor, to correct or try again.
      drawAll(refocus ? { note: id } : null);
    }
  }

  // ----- adding -----

  async function addFrom(q) {
    const input = quads.get(q).input;
    const raw = input.value;
    const text = raw.trim();
    if (!text) return;
    const headingMatch = /^#\s+(.+)$/s.exec(text);
    const entry = { key: uniqueId('pending'), raw, text: headingMatch ? headingMatch[1].trim() : text, heading: Boolean(headingMatch), failed: null };
    input.value = '';
    writeDraft(q, '');
    pendingAdds.get(q).push(entry);
    drawQuadrant(q);
    scrollToEnd(q);
    await submitPending(q, entry);
  }

  async function submitPending(q, entry) {
    entry.failed = null;
    drawQuadrant(q);
    const raisedBy = { groupId: raisedByDefault?.groupId ?? null, participantId: raisedByDefault?.participantId ?? null };
    const r = await save(() => (entry.heading
      ? api.addHeading(board.id, q, entry.text)
      : api.addNote(board.id, q, entry.text, raisedBy)));
    const list = pendingAdds.get(q);
    const input = quads.get(q).input;
    if (r.ok) {
      list.splice(list.indexOf(entry), 1);
      applyNote(r.value, null, true);
      scrollToEnd(q);
      return;
    }
    if (!input.value.trim()) {
      // Nothing typed since: the text goes back into the input, as it was.
      list.splice(list.indexOf(entry), 1);
      input.value = entry.raw;
      writeDraft(q, entry.raw);
      drawQuadrant(q);
    } else {
      entry.failed = errorText(r.err);
      drawQuadrant(q);
      scrollToEnd(q);
    }
  }

  function backToInput(q, entry) {
    const list = pendingAdds.get(q);
    list.splice(list.indexOf(entry), 1);
    const input = quads.get(q).input;
    input.value = input.value.trim() ? `${entry.raw} ${input.value}` : entry.raw;
    writeDraft(q, input.value);
    drawQuadrant(q);
    input.focus();
  }

  // ----- votes -----

  function changeVotes(id, delta) {
    const note = byId(id);
    if (!note || note.isHeading) return;
    const next = Math.max(0, Math.min(999, note.votes + delta));
    if (next === note.votes) return;
    note.votes = next;
    note.priority = next >= Math.max(1, board.priorityVotes);
    note.priorityWithoutAction = note.priority && note.actionCount === 0;
    focusId = id;
    pendingVotes.set(id, (pendingVotes.get(id) ?? 0) + 1);
    drawAll();
    save(() => api.setNoteVotes(id, next)).then((r) => {
      const left = (pendingVotes.get(id) ?? 1) - 1;
      if (left > 0) pendingVotes.set(id, left);
      else pendingVotes.delete(id);
      if (left > 0) return;
      if (r.ok) applyNote(r.value);
      else reload();
    });
  }

  // ----- moving -----

  async function moveTo(id, quadrant, before = null) {
    focusId = id;
    const r = await save(() => api.moveNote(id, quadrant, before));
    if (r.ok) applyBoard(r.value);
  }

  /** Alt+↑/↓: one place up or down among the notes beside it (under the same heading, or not). */
  function reorder(id, dir) {
    const note = byId(id);
    if (!note) return;
    if (ranking) {
      showToast(t('board.rankingNoReorder'));
      return;
    }
    const all = board.notes.filter((n) => n.quadrant === note.quadrant);
    const headings = new Set(all.filter((n) => n.isHeading).map((n) => n.id));
    const grouped = !note.isHeading && note.headingId && headings.has(note.headingId);
    const siblings = all.filter((n) => (grouped
      ? !n.isHeading && n.headingId === note.headingId
      : n.isHeading || !n.headingId || !headings.has(n.headingId)));
    const i = siblings.findIndex((n) => n.id === id);
    if (dir < 0) {
      if (i <= 0) return;
      moveTo(id, note.quadrant, siblings[i - 1].id);
    } else {
      if (i < 0 || i >= siblings.length - 1) return;
      const others = all.filter((n) => n.id !== id);
      const j = others.findIndex((n) => n.id === siblings[i + 1].id);
      moveTo(id, note.quadrant, others[j + 1]?.id ?? null);
    }
  }

  /** Alt+Shift+arrows: ← → in reading order, ↑ ↓ in the grid. */
  function neighbourQuadrant(q, key) {
    const [row, col] = GRID[q];
    const i = QUADRANTS.indexOf(q);
    switch (key) {
      case 'ArrowLeft': return QUADRANTS[i - 1] ?? null;
      case 'ArrowRight': return QUADRANTS[i + 1] ?? null;
      case 'ArrowUp': return quadrantAt(row - 1, col);
      case 'ArrowDown': return quadrantAt(row + 1, col);
      default: return null;
    }
  }

  // Drag and drop: onto a note (before it; onto a heading, under it), onto a quadrant (at its end).
  function clearDropMarks() {
    for (const el of grid.querySelectorAll('.is-drop-before, .is-drop-after, .is-drop-into, .is-drop-end')) {
      el.classList.remove('is-drop-before', 'is-drop-after', 'is-drop-into', 'is-drop-end');
    }
  }

  function dropTarget(e, q) {
    const li = e.target.closest?.('li.note[data-id]');
    const moving = byId(dragId);
    if (!moving) return null;
    if (!li || li.dataset.id === dragId || ranking) return { kind: 'end', q };
    const target = byId(li.dataset.id);
    if (!target) return { kind: 'end', q };
    if (target.isHeading && !moving.isHeading) return { kind: 'into', q, li, target };
    const rect = li.getBoundingClientRect();
    const after = e.clientY > rect.top + rect.height / 2;
    return { kind: after ? 'after' : 'before', q, li, target };
  }

  function wireDrop(section, q) {
    section.addEventListener('dragover', (e) => {
      if (!dragId) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const drop = dropTarget(e, q);
      clearDropMarks();
      if (!drop) return;
      if (drop.kind === 'end') section.classList.add('is-drop-end');
      else drop.li.classList.add(`is-drop-${drop.kind}`);
    });
    section.addEventListener('dragleave', (e) => {
      if (!section.contains(e.relatedTarget)) clearDropMarks();
    });
    section.addEventListener('drop', async (e) => {
      if (!dragId) return;
      e.preventDefault();
      const drop = dropTarget(e, q);
      const id = dragId;
      dragId = null;
      clearDropMarks();
      if (!drop) return;
      const moving = byId(id);
      if (drop.kind === 'end') {
        if (moving.quadrant !== q || !ranking) await moveTo(id, q, null);
      } else if (drop.kind === 'into') {
        focusId = id;
        if (moving.quadrant !== q) {
          const r = await save(() => api.moveNote(id, q, null));
          if (!r.ok) return;
        }
        const r = await save(() => api.setNoteHeading(id, drop.target.id));
        if (r.ok) applyBoard(r.value);
      } else if (drop.kind === 'before') {
        await moveTo(id, q, drop.target.id);
      } else {
        const rows = displayOrder(board, q, false).filter((r) => r.note.id !== id);
        const i = rows.findIndex((r) => r.note.id === drop.target.id);
        await moveTo(id, q, rows[i + 1]?.note.id ?? null);
      }
    });
  }

  // ----- deleting -----

  async function removeNote(id) {
    const note = byId(id);
    if (!note) return;
    if (editing?.id === id) editing = null;
    const rows = displayOrder(board, note.quadrant, ranking);
    const i = rows.findIndex((r) => r.note.id === id);
    const next = rows[i + 1]?.note.id ?? rows[i - 1]?.note.id ?? null;
    focusId = next;
    lastQuadrant = note.quadrant;
    const r = await save(() => api.deleteNote(id));
    if (!r.ok) return;
    applyBoard(r.value);
    undoToast?.();
    undoToast = showToast(t(note.isHeading ? 'board.headingDeleted' : 'board.noteDeleted', { text: note.text }), {
      action: {
        label: t('common.undo'),
        testid: 'undo-note-delete',
        onClick: async () => {
          // Undo takes back the newest edit: only while that is still this deletion.
          const now = await readUndoState(workshopId);
          if (now.undo !== 'note.delete') {
            showToast(t('board.list.cannotUndo'), { kind: 'error' });
            return;
          }
          focusId = id;
          await runUndo('undo');
        },
      },
    });
  }

  // ----- merging -----

  function startMerge(id) {
    const note = byId(id);
    if (!note || note.isHeading) return;
    if (board.notes.filter((n) => !n.isHeading).length < 2) {
      showToast(t('board.merge.nothing'));
      return;
    }
    if (editing) commitEdit(false);
    merging = { id };
    focusId = id;
    drawAll({ note: id });
    hint('merge');
  }

  function cancelMerge() {
    if (!merging) return;
    const { id } = merging;
    merging = null;
    drawAll({ note: id });
    hint('note');
  }

  async function pickMerge(otherId) {
    if (!merging) return;
    const keptId = merging.id;
    const other = byId(otherId);
    if (otherId === keptId || !other || other.isHeading) {
      showToast(t('board.merge.chooseOther'));
      return;
    }
    merging = null;
    focusId = keptId;
    const r = await save(() => api.mergeNotes(keptId, otherId));
    if (r.ok) {
      applyBoard(r.value, { note: keptId });
      toastWithUndo(t('board.merge.done'), 'undo-merge');
    } else {
      drawAll({ note: keptId });
    }
    hint('note');
  }

  // ----- keys -----

  grid.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const input = e.target.closest?.('.note-input');
    if (input) {
      onInputKey(e, input.dataset.quadrant);
      return;
    }
    const li = e.target.closest?.('li.note[data-id]');
    if (li && e.target === li) onNoteKey(e, li);
  });

  function onInputKey(e, q) {
    if (e.isComposing || e.keyCode === 229) return;
    const input = quads.get(q).input;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y') && !input.value) {
      // Nothing typed to take back: Ctrl+Z undoes the board's last edit (a note in the wrong
      // quadrant), as it does on a note.
      e.preventDefault();
      runUndo(key === 'z' && !e.shiftKey ? 'undo' : 'redo');
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      addFrom(q);
    } else if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const next = QUADRANTS[QUADRANTS.indexOf(q) + (e.shiftKey ? -1 : 1)];
      if (next) {
        e.preventDefault();
        quads.get(next).input.focus();
      }
    } else if (e.key === 'ArrowUp' && !e.altKey && !e.shiftKey && !e.ctrlKey) {
      const items = quads.get(q).list.querySelectorAll('li.note[data-id]');
      if (items.length) {
        e.preventDefault();
        items[items.length - 1].focus();
      }
    } else if (e.key === 'Escape' && merging) {
      e.preventDefault();
      cancelMerge();
    }
  }

  function navigate(li, key) {
    const q = li.dataset.quadrant;
    const items = [...quads.get(q).list.querySelectorAll('li.note[data-id]')];
    const i = items.indexOf(li);
    switch (key) {
      case 'ArrowUp':
        items[i - 1]?.focus();
        return;
      case 'ArrowDown':
        (items[i + 1] ?? quads.get(q).input).focus();
        return;
      case 'Home':
        items[0]?.focus();
        return;
      case 'End':
        items[items.length - 1]?.focus();
        return;
      default: {
        const [row, col] = GRID[q];
        const other = quadrantAt(row, col + (key === 'ArrowRight' ? 1 : -1));
        if (!other) return;
        const there = [...quads.get(other).list.querySelectorAll('li.note[data-id]')];
        (there[Math.min(i, there.length - 1)] ?? quads.get(other).input).focus();
      }
    }
  }

  function onNoteKey(e, li) {
    const id = li.dataset.id;
    const note = byId(id);
    if (!note) return;
    const key = e.key;
    const arrow = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(key);
    if (e.ctrlKey || e.metaKey) return; // Ctrl+Z and friends
    if (e.altKey && e.shiftKey && arrow) {
      e.preventDefault();
      if (merging) return;
      const to = neighbourQuadrant(note.quadrant, key);
      if (to) moveTo(id, to, null);
      return;
    }
    if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      e.preventDefault();
      if (!merging) reorder(id, key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (e.altKey) return;
    if (arrow || key === 'Home' || key === 'End') {
      e.preventDefault();
      navigate(li, key);
      return;
    }
    if (merging) {
      if (key === 'Enter' || key === ' ' || key.toLowerCase() === 'm') {
        e.preventDefault();
        pickMerge(id);
      } else if (key === 'Escape') {
        e.preventDefault();
        cancelMerge();
      }
      return;
    }
    const letter = key.length === 1 ? key.toLowerCase() : '';
    if (key === 'Enter' || key === 'F2') {
      e.preventDefault();
      startEdit(id);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      removeNote(id);
    } else if (key === '+' || key === '=' || key === 'Add') {
      e.preventDefault();
      changeVotes(id, 1);
    } else if (key === '-' || key === '−' || key === 'Subtract') {
      e.preventDefault();
      changeVotes(id, -1);
    } else if (letter === 'm') {
      e.preventDefault();
      startMerge(id);
    } else if (letter === 'h' && !note.isHeading) {
      e.preventDefault();
      pickHeading(id, li);
    } else if (letter === 'a' && !note.isHeading) {
      e.preventDefault();
      openActionDialog(id);
    } else if (letter === 'r' && !note.isHeading) {
      e.preventDefault();
      pickRaisedByFor(id, li.querySelector('.note-raised-by') ?? li);
    } else if (key === 'ContextMenu' || (key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      openMenu(id, li.querySelector('[data-testid="note-menu"]') ?? li);
    } else if (key === 'Escape') {
      e.preventDefault();
      quads.get(note.quadrant).input.focus();
    }
  }

  // Ctrl+1…4 anywhere on the board: that quadrant's input (by the key's place, so AZERTY works).
  function onDocumentKey(e) {
    if (e.key === 'Escape' && merging && !e.defaultPrevented && !document.querySelector('dialog[open]')) {
      e.preventDefault();
      cancelMerge();
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    if (document.querySelector('dialog[open]')) return;
    const digit = /^(Digit|Numpad)([1-4])$/.exec(e.code ?? '')?.[2] ?? (/^[1-4]$/.test(e.key) ? e.key : null);
    if (!digit) return;
    e.preventDefault();
    closePopover(false);
    quads.get(QUADRANTS[Number(digit) - 1]).input.focus();
  }

  // ----- popovers: menus and pickers next to a note -----

  let popover = null;

  function openPopover(anchor, content, { testid, label, returnTo = null, role = 'dialog', className = '' }) {
    closePopover(false);
    const pop = h('div', { class: ['board-popover', className], testid, role, aria: { label } }, content);
    document.body.append(pop);
    placePopover(pop, anchor);
    const onDown = (e) => {
      if (!pop.contains(e.target)) closePopover(false);
    };
    pop.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closePopover(true);
      } else if (e.key === 'Tab') {
        closePopover(true);
        e.preventDefault();
      }
    });
    setTimeout(() => document.addEventListener('mousedown', onDown, true));
    popover = { pop, returnTo, cleanup: () => document.removeEventListener('mousedown', onDown, true) };
    return pop;
  }

  function placePopover(pop, anchor) {
    const r = anchor.getBoundingClientRect();
    const w = pop.offsetWidth;
    const ph = pop.offsetHeight;
    let left = Math.min(Math.max(8, r.left), window.innerWidth - w - 8);
    let top = r.bottom + 4;
    if (top + ph > window.innerHeight - 8) top = Math.max(8, r.top - ph - 4);
    left = Math.max(8, left);
    pop.style.left = `${left}px`;
    pop.style.top = `${top}px`;
  }

  function closePopover(refocus) {
    if (!popover) return;
    const { pop, returnTo, cleanup } = popover;
    popover = null;
    cleanup();
    pop.remove();
    if (refocus) {
      if (returnTo) focusNote(returnTo);
      else quads.get(lastQuadrant).input.focus();
    }
  }

  /** A list of choices with arrow keys; `items`: [{ label, testid, run, danger, hint, separator }]. */
  function menuList(items) {
    const buttons = [];
    const list = h('div', { class: 'board-menu', role: 'menu' },
      items.map((item) => {
        if (item.separator) return h('div', { class: 'board-menu-sep', role: 'separator', text: item.label ?? '' });
        const b = h('button', {
          type: 'button',
          class: ['board-menu-item', item.danger && 'is-danger'],
          role: 'menuitem',
          testid: item.testid,
          tabIndex: -1,
        }, item.icon ?? null, h('span', { class: 'board-menu-label', dir: 'auto', text: item.label }),
        ...(item.hint ? [h('kbd', { class: 'board-kbd', text: item.hint })] : []));
        b.addEventListener('click', () => {
          closePopover(false);
          item.run();
        });
        buttons.push(b);
        return b;
      }));
    list.addEventListener('keydown', (e) => {
      const i = buttons.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = buttons.length;
        buttons[(i + (e.key === 'ArrowDown' ? 1 : -1) + n) % n]?.focus();
      } else if (e.key === 'Home') {
        e.preventDefault();
        buttons[0]?.focus();
      } else if (e.key === 'End') {
        e.preventDefault();
        buttons[buttons.length - 1]?.focus();
      }
    });
    return { list, first: () => buttons[0] };
  }

  function openMenu(id, anchor) {
    const note = byId(id);
    if (!note) return;
    const moves = QUADRANTS.filter((q) => q !== note.quadrant).map((q) => ({
      label: t(`board.quadrant.${q}`),
      testid: `note-move-${q}`,
      icon: h('span', { class: `board-menu-letter q-${q}`, text: t(`board.letter.${q}`) }),
      run: () => moveTo(id, q, null),
    }));
    const items = note.isHeading
      ? [
        { label: t('board.tool.edit'), testid: 'note-menu-edit', hint: 'F2', icon: icon('edit'), run: () => startEdit(id) },
        { separator: true, label: t('board.menu.moveTo') },
        ...moves,
        { separator: true },
        { label: t('board.tool.history'), testid: 'note-menu-history', icon: icon('history'), run: () => showHistory(id) },
        { label: t('board.tool.deleteHeading'), testid: 'note-menu-delete', hint: 'Del', icon: icon('trash'), danger: true, run: () => removeNote(id) },
      ]
      : [
        { label: t('board.tool.edit'), testid: 'note-menu-edit', hint: 'F2', icon: icon('edit'), run: () => startEdit(id) },
        { label: t('board.tool.createAction'), testid: 'note-menu-create-action', hint: 'A', icon: icon('plan'), run: () => openActionDialog(id) },
        ...(note.actionCount > 0 ? [{ label: t('board.linked.title'), testid: 'note-menu-actions', icon: icon('plan'), run: () => showLinkedActions(id, anchor.isConnected ? anchor : noteEl(id)) }] : []),
        { label: t('board.tool.raisedBy'), testid: 'note-menu-raised-by', hint: 'R', icon: glyph('user'), run: () => pickRaisedByFor(id, noteEl(id)) },
        { label: t('board.tool.group'), testid: 'note-menu-heading', hint: 'H', icon: glyph('heading'), run: () => pickHeading(id, noteEl(id)) },
        { label: t('board.tool.merge'), testid: 'note-menu-merge', hint: 'M', icon: glyph('merge'), run: () => startMerge(id) },
        { separator: true, label: t('board.menu.moveTo') },
        ...moves,
        { separator: true },
        { label: t('board.tool.history'), testid: 'note-menu-history', icon: icon('history'), run: () => showHistory(id) },
        { label: t('board.tool.delete'), testid: 'note-menu-delete', hint: 'Del', icon: icon('trash'), danger: true, run: () => removeNote(id) },
      ];
    const { list, first } = menuList(items);
    openPopover(anchor, list, { testid: 'note-menu-popover', label: t('board.tool.more'), returnTo: id, role: 'presentation' });
    first()?.focus();
  }

  const noteEl = (id) => grid.querySelector(`li[data-id="${CSS.escape(id)}"]`) ?? grid;

  // ----- who raised it -----

  async function loadChoices() {
    if (choices) return choices;
    const [groups, participants] = await Promise.all([
      api.groupChoices(workshopId).catch(() => []),
      api.listParticipants(workshopId).catch(() => []),
    ]);
    choices = { groups, participants };
    return choices;
  }

  function pickRaisedByFor(id, anchor) {
    const note = byId(id);
    if (!note) return;
    const current = { groupId: note.raisedByGroupId, participantId: note.raisedByParticipantId };
    pickRaisedBy(anchor, current, async (picked) => {
      focusId = id;
      const r = await save(() => api.setNoteRaisedBy(id, { groupId: picked.groupId ?? null, participantId: picked.participantId ?? null }));
      if (r.ok) applyNote(r.value, { note: id });
      else focusNote(id);
    }, id);
  }

  /** The compact picker: a filter and a list of the groups, then the participants. */
  async function pickRaisedBy(anchor, current, onPick, returnTo) {
    let c;
    try {
      c = await loadChoices();
    } catch (err) {
      ctx.showError(err);
      return;
    }
    const filter = h('input', {
      type: 'text',
      class: 'input input-small',
      testid: 'raised-by-filter',
      dir: 'auto',
      autocomplete: 'off',
      placeholder: t('board.raisedByFilter'),
      aria: { label: t('board.raisedByFilter') },
    });
    const listEl = h('ul', { class: 'board-options', role: 'listbox', testid: 'raised-by-options', aria: { label: t('board.raisedByTitle') } });
    let options = [];
    let active = 0;
    const all = [
      { kind: 'none', label: t('board.raisedByNobody'), value: { groupId: null, participantId: null, name: null } },
      ...c.groups.map((g) => ({
        kind: 'group', label: g.name, sub: g.groupingName, key: fold(`${g.name} ${g.groupingName}`),
        value: { groupId: g.id, participantId: null, name: g.name },
      })),
      ...c.participants.map((p) => ({
        kind: 'participant', label: p.fullName, sub: [p.nameLatin !== p.fullName ? p.nameLatin : '', p.organisation].filter(Boolean).join(' · '),
        key: fold(`${p.fullName} ${p.nameLatin} ${p.organisation} ${countryName(p.country, p.countryName)}`),
        value: { groupId: null, participantId: p.id, name: p.fullName },
      })),
    ];
    const isCurrent = (o) => (o.kind === 'none'
      ? !current?.groupId && !current?.participantId
      : (o.value.groupId && o.value.groupId === current?.groupId) || (o.value.participantId && o.value.participantId === current?.participantId));
    function draw() {
      const q = fold(filter.value);
      options = all.filter((o) => !q || (o.key ?? fold(o.label)).includes(q)).slice(0, 80);
      active = Math.min(active, Math.max(0, options.length - 1));
      clear(listEl);
      let lastKind = null;
      options.forEach((o, i) => {
        if (o.kind !== lastKind && o.kind !== 'none') {
          listEl.append(h('li', { class: 'board-options-group', role: 'presentation', text: t(`board.raisedByKind.${o.kind}`) }));
        }
        lastKind = o.kind;
        const li = h('li', {
          class: ['board-option', i === active && 'is-active', isCurrent(o) && 'is-current'],
          role: 'option',
          id: `raised-by-opt-${i}`,
          testid: o.kind === 'none' ? 'raised-by-none' : 'raised-by-option',
          data: { kind: o.kind },
          aria: { selected: String(i === active) },
        }, h('span', { class: 'board-option-label', dir: 'auto', text: o.label }),
        ...(o.sub ? [h('span', { class: 'board-option-sub', dir: 'auto', text: o.sub })] : []));
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => choose(o));
        listEl.append(li);
      });
      if (!options.length) listEl.append(h('li', { class: 'board-option-empty muted', text: t('board.raisedByNone') }));
      filter.setAttribute('aria-activedescendant', options.length ? `raised-by-opt-${active}` : '');
      listEl.querySelector('.is-active')?.scrollIntoView({ block: 'nearest' });
    }
    function choose(o) {
      closePopover(false);
      onPick(o.value);
    }
    filter.addEventListener('input', () => {
      active = 0;
      draw();
    });
    filter.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!options.length) return;
        active = (active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
        draw();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (options[active]) choose(options[active]);
      }
    });
    filter.setAttribute('role', 'combobox');
    filter.setAttribute('aria-controls', 'raised-by-listbox');
    listEl.id = 'raised-by-listbox';
    draw();
    openPopover(anchor, [
      h('p', { class: 'board-popover-title', text: t('board.raisedByTitle') }),
      filter,
      listEl,
      ...(c.groups.length ? [] : [h('p', { class: 'board-popover-note muted', text: t('board.raisedByNoGroups') })]),
    ], { testid: 'raised-by-picker', label: t('board.raisedByTitle'), returnTo, className: 'board-popover-picker' });
    filter.focus();
  }

  // ----- headings -----

  function pickHeading(id, anchor) {
    const note = byId(id);
    if (!note || note.isHeading) return;
    const headings = board.notes.filter((n) => n.isHeading && n.quadrant === note.quadrant);
    const input = h('input', {
      type: 'text',
      class: 'input input-small',
      testid: 'heading-new-input',
      dir: 'auto',
      maxLength: 1000,
      autocomplete: 'off',
      placeholder: t('board.heading.newPlaceholder'),
      aria: { label: t('board.heading.new') },
    });
    const { list, first } = menuList([
      ...headings.map((hd) => ({
        label: hd.text,
        testid: 'heading-option',
        icon: glyph('heading'),
        hint: note.headingId === hd.id ? '✓' : null,
        run: () => groupUnder(id, hd.id),
      })),
      ...(note.headingId ? [{ label: t('board.heading.none'), testid: 'heading-none', run: () => groupUnder(id, null) }] : []),
    ]);
    input.addEventListener('keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        const text = input.value.trim();
        if (!text) return;
        closePopover(false);
        groupUnderNew(id, text);
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        first()?.focus();
      }
    });
    openPopover(anchor, [
      h('p', { class: 'board-popover-title', text: t('board.heading.title') }),
      input,
      ...(headings.length || note.headingId ? [list] : [h('p', { class: 'board-popover-note muted', text: t('board.heading.noneYet') })]),
    ], { testid: 'heading-picker', label: t('board.heading.title'), returnTo: id, className: 'board-popover-picker' });
    input.focus();
  }

  async function groupUnder(id, headingId) {
    focusId = id;
    const r = await save(() => api.setNoteHeading(id, headingId));
    if (r.ok) applyBoard(r.value, { note: id });
  }

  /** A new heading where the note is, with the note under it. */
  async function groupUnderNew(id, text) {
    const note = byId(id);
    if (!note) return;
    focusId = id;
    const made = await save(() => api.addHeading(board.id, note.quadrant, text));
    if (!made.ok) return;
    const anchorId = note.headingId && byId(note.headingId) ? note.headingId : note.id;
    await save(() => api.moveNote(made.value.id, note.quadrant, anchorId));
    const r = await save(() => api.setNoteHeading(id, made.value.id));
    if (r.ok) applyBoard(r.value, { note: id });
    else reload({ note: id });
  }

  // ----- actions that answer a note -----

  async function showLinkedActions(id, anchor) {
    const note = byId(id);
    if (!note) return;
    const list = h('ul', { class: 'linked-actions', testid: 'note-actions-list' }, h('li', { class: 'muted', text: t('common.loading') }));
    const create = h('button', { type: 'button', class: 'btn btn-small', testid: 'note-actions-create' }, icon('plus'), h('span', { text: t('board.tool.createAction') }));
    create.addEventListener('click', () => {
      closePopover(false);
      openActionDialog(id);
    });
    openPopover(anchor, [
      h('p', { class: 'board-popover-title', text: t('board.linked.title') }),
      list,
      h('div', { class: 'board-popover-foot' },
        create,
        h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(workshopId)}/plans`, text: t('board.linked.openPlans') })),
    ], { testid: 'note-actions-panel', label: t('board.linked.title'), returnTo: id, className: 'board-popover-actions' });
    create.focus();
    try {
      const actions = await api.actionsOfNote(id);
      clear(list);
      if (!actions.length) list.append(h('li', { class: 'muted', text: t('board.linked.none') }));
      for (const a of actions) {
        list.append(h('li', { class: 'linked-action', testid: 'note-action-item', data: { action: a.actionId } },
          h('span', { class: 'linked-action-text', dir: 'auto', text: a.description }),
          h('span', { class: 'linked-action-meta' },
            h('span', { class: 'muted', dir: 'auto', text: a.planTitle }),
            h('span', { class: `tag status-tag status-${a.status}`, text: t(`board.status.${a.status}`) }))));
      }
      if (popover?.pop) placePopover(popover.pop, anchor.isConnected ? anchor : noteEl(id));
    } catch (err) {
      clear(list).append(h('li', { class: 'field-error', text: errorText(err) }));
    }
  }

  function planLabel(p) {
    const whose = p.scope === 'national' ? countryName(p.country) : p.scope === 'organisational' ? p.organisation : '';
    return [p.title, [t(`board.scope.${p.scope}`), whose].filter(Boolean).join(' · ')].join(' — ');
  }

  /** "Create an action from this": a plan (chosen or new), what will be done and who does it. */
  async function openActionDialog(id) {
    const note = byId(id);
    if (!note || note.isHeading) return;
    closePopover(false);
    let plans;
    try {
      plans = await api.listPlans(workshopId);
    } catch (err) {
      ctx.showError(err);
      return;
    }
    const errors = createFieldErrors();
    const planSelect = h('select', { class: 'select', testid: 'action-plan' });
    const drawPlans = () => clear(planSelect).append(
      ...plans.map((p) => h('option', { value: p.id, text: planLabel(p) })),
      h('option', { value: NEW_PLAN, text: t('board.action.newPlan') }));
    drawPlans();
    const preferred = plans.find((p) => p.id === lastPlanId)
      ?? plans.find((p) => board.groupId && p.groupId === board.groupId)
      ?? plans[0];
    planSelect.value = preferred ? preferred.id : NEW_PLAN;

    const planTitle = h('input', {
      type: 'text', class: 'input', testid: 'action-plan-title', dir: 'auto', maxLength: 200, autocomplete: 'off',
      value: board.groupName ? t('board.action.planTitleDefault', { group: board.groupName }) : '',
    });
    const scope = h('select', { class: 'select', testid: 'action-plan-scope' },
      SCOPES.map((s) => h('option', { value: s, text: t(`board.scope.${s}`) })));
    const country = createCountryPicker({ testid: 'action-plan-country', placeholder: t('country.placeholder') });
    const organisation = h('input', { type: 'text', class: 'input', testid: 'action-plan-organisation', dir: 'auto', maxLength: 200, autocomplete: 'off' });
    const description = h('textarea', { class: 'input textarea', testid: 'action-description', dir: 'auto', rows: 3, maxLength: 2000 });
    const responsible = h('input', { type: 'text', class: 'input', testid: 'action-responsible', dir: 'auto', maxLength: 200, autocomplete: 'off' });

    const planField = field({ label: t('board.action.plan'), control: planSelect, wide: true });
    const titleField = field({ label: t('board.action.planTitle'), control: planTitle, wide: true });
    const scopeField = field({ label: t('board.action.scope'), control: scope });
    const countryField = field({ label: t('board.action.country'), control: country.input, body: country.root });
    const orgField = field({ label: t('board.action.organisation'), control: organisation });
    const descriptionField = field({ label: t('board.action.description'), control: description, hint: t('board.action.descriptionHint'), wide: true });
    const responsibleField = field({ label: t('board.action.responsible'), control: responsible, wide: true });
    errors.register('plan', { control: planSelect, container: planField });
    errors.register('title', { control: planTitle, container: titleField });
    errors.register('country', { control: country.input, container: countryField });
    errors.register('organisation', { control: organisation, container: orgField });
    errors.register('description', { control: description, container: descriptionField });
    errors.register('responsible', { control: responsible, container: responsibleField });

    const newPlanBox = h('fieldset', { class: 'action-new-plan', testid: 'action-new-plan' },
      h('legend', { text: t('board.action.newPlanLegend') }),
      h('div', { class: 'form-grid form-grid-compact' }, titleField, scopeField, countryField, orgField));
    function sync() {
      newPlanBox.hidden = planSelect.value !== NEW_PLAN;
      countryField.hidden = scope.value !== 'national';
      orgField.hidden = scope.value !== 'organisational';
    }
    planSelect.addEventListener('change', sync);
    scope.addEventListener('change', () => {
      sync();
      errors.clear('country');
      errors.clear('organisation');
    });
    sync();

    const formError = h('p', { class: 'form-error', testid: 'action-error', hidden: true });
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'action-cancel', text: t('common.cancel') });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'action-save' }, icon('plus'), h('span', { text: t('board.action.save') }));
    const form = h('form', { class: 'dialog-form action-form', method: 'dialog', novalidate: true },
      h('h2', { class: 'dialog-title', id: 'action-dialog-title', text: t('board.action.title') }),
      h('blockquote', { class: ['action-note', `q-${note.quadrant}`] },
        h('span', { class: 'action-note-quadrant', text: t(`board.quadrant.${note.quadrant}`) }),
        h('span', { class: 'action-note-text', dir: 'auto', testid: 'action-note-text', text: note.text })),
      h('div', { class: 'form-grid form-grid-compact' }, planField, h('div', { class: 'field-wide' }, newPlanBox), descriptionField, responsibleField),
      formError,
      h('div', { class: 'dialog-actions' }, cancel, submit),
      h('div', { class: 'toast-region toast-region-dialog', role: 'status', aria: { live: 'polite' } }));
    const dialog = h('dialog', { class: 'dialog dialog-action', testid: 'action-dialog', aria: { labelledby: 'action-dialog-title' } }, form);

    let busy = false;
    const finish = () => {
      if (close()) focusNote(id);
    };
    const close = showModal(dialog, { onCancel: () => finish() });
    cancel.addEventListener('click', () => finish());

    function showFailure(err, fieldMap) {
      const name = fieldMap[err?.field];
      if (name && errors.has(name)) {
        errors.show(name, err.code === 'required' ? t(`board.action.required.${name}`) : errorText(err));
        errors.focusFirst();
      } else {
        formError.textContent = errorText(err);
        formError.hidden = false;
      }
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      errors.clearAll();
      formError.hidden = true;
      let planId = planSelect.value;
      if (planId === NEW_PLAN) {
        const code = country.commit();
        if (scope.value === 'national' && country.isUnresolved()) {
          errors.show('country', t('errors.unknown_country'));
          errors.focusFirst();
          return;
        }
        busy = true;
        submit.disabled = true;
        try {
          const plan = await api.createPlan(workshopId, {
            scope: scope.value,
            country: scope.value === 'national' ? code : null,
            organisation: scope.value === 'organisational' ? organisation.value : '',
            title: planTitle.value,
            groupId: board.groupId ?? null,
          });
          plans.push(plan);
          drawPlans();
          planSelect.value = plan.id;
          planId = plan.id;
          sync();
          refreshUndo();
        } catch (err) {
          showFailure(err, { title: 'title', country: 'country', organisation: 'organisation' });
          return;
        } finally {
          busy = false;
          submit.disabled = false;
        }
      }
      busy = true;
      submit.disabled = true;
      try {
        const action = await api.addAction(planId, { description: description.value, responsible: responsible.value, status: 'planned', themes: [] }, [id]);
        lastPlanId = planId;
        close();
        const plan = plans.find((p) => p.id === planId);
        showToast(t('board.action.added', { plan: plan?.title ?? '' }));
        focusId = id;
        await reload({ note: id });
        refreshUndo();
        return action;
      } catch (err) {
        showFailure(err, { description: 'description', responsible: 'responsible' });
      } finally {
        busy = false;
        submit.disabled = false;
      }
      return null;
    });

    (planSelect.value === NEW_PLAN ? planTitle : description).focus();
  }

  // ----- history -----

  async function showHistory(id) {
    const note = byId(id);
    if (!note) return;
    closePopover(false);
    const list = h('ol', { class: 'history-list note-history-list', testid: 'note-history-list' }, h('li', { class: 'muted', text: t('common.loading') }));
    const closeBtn = h('button', { type: 'button', class: 'btn', testid: 'note-history-close', text: t('common.close') });
    const dialog = h('dialog', { class: 'dialog dialog-note-history', testid: 'note-history', aria: { labelledby: 'note-history-title' } },
      h('div', { class: 'dialog-form' },
        h('h2', { class: 'dialog-title', id: 'note-history-title', text: t('board.history.title') }),
        h('p', { class: 'note-history-quote', dir: 'auto', text: note.text }),
        list,
        h('div', { class: 'dialog-actions' }, closeBtn)));
    const finish = () => {
      if (close()) focusNote(id);
    };
    const close = showModal(dialog, { onCancel: finish });
    closeBtn.addEventListener('click', finish);
    closeBtn.focus();
    try {
      const [entries, c] = await Promise.all([api.noteHistory(id), loadChoices().catch(() => ({ groups: [], participants: [] }))]);
      clear(list);
      if (!entries.length) list.append(h('li', { class: 'muted', text: t('board.history.empty') }));
      for (const entry of entries) list.append(historyEntry(entry, c));
    } catch (err) {
      clear(list).append(h('li', { class: 'field-error', text: errorText(err) }));
    }
  }

  function historyValue(key, value, c) {
    if (value === null || value === undefined || value === '') return t('history.empty_value');
    switch (key) {
      case 'quadrant': return t(`board.quadrant.${value}`);
      case 'raisedByGroupId': return c.groups.find((g) => g.id === value)?.name ?? t('board.history.aGroup');
      case 'raisedByParticipantId': return c.participants.find((p) => p.id === value)?.fullName ?? t('board.history.aParticipant');
      case 'headingId': return byId(value)?.text ?? t('board.history.aHeading');
      case 'mergedInto': return byId(value)?.text ?? t('board.history.anotherNote');
      case 'deletedAt': return t('board.history.deleted');
      case 'isHeading': return value ? t('common.yes') : t('common.no');
      default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }

  function historyEntry(entry, c) {
    // The operation says "deleted" or "brought back"; the order of notes is not worth a line.
    const hidden = new Set(['position', 'boardId', 'isHeading', 'deletedAt', ...(entry.op === 'restore' ? ['mergedInto'] : [])]);
    const changes = Object.entries(entry.changes ?? {})
      .filter(([key, pair]) => Array.isArray(pair) && !hidden.has(key));
    const onlyOrder = entry.op === 'update' && !changes.length && 'position' in (entry.changes ?? {});
    const merged = changes.some(([key, [, after]]) => key === 'mergedInto' && after);
    const op = merged ? 'merged' : onlyOrder ? 'reordered' : entry.op;
    const who = state.info?.deviceId && entry.deviceId === state.info.deviceId
      ? t('board.history.thisLaptop')
      : t('board.history.otherDevice', { id: String(entry.deviceId ?? '').slice(0, 8) });
    const shown = entry.op === 'create'
      ? changes.filter(([key, [, after]]) => ['text', 'quadrant'].includes(key) || (key.startsWith('raisedBy') && after))
      : changes;
    const blank = (v) => v === null || v === undefined || v === '';
    return h('li', { class: 'history-entry', testid: 'note-history-entry' },
      h('div', { class: 'history-head' },
        h('strong', { text: t(`board.history.op.${op}`) }),
        h('span', { class: 'muted', text: formatDateTime(entry.at) }),
        h('span', { class: 'muted', text: who })),
      shown.length && !onlyOrder
        ? h('ul', { class: 'history-changes' }, shown.map(([key, [before, after]]) => h('li', {},
          h('span', { class: 'history-field', text: t(`board.history.field.${key}`) }),
          ...(entry.op === 'create' || blank(before) ? [] : [
            h('span', { class: 'history-old', dir: 'auto', text: historyValue(key, before, c) }),
            h('span', { class: 'history-arrow', aria: { hidden: 'true' }, text: '→' }),
          ]),
          h('span', { class: 'history-new', dir: 'auto', text: historyValue(key, after, c) }))))
        : null);
  }

  // ----- the board's own settings -----

  async function openBoardDialog() {
    let c;
    try {
      c = await loadChoices();
    } catch {
      c = { groups: [], participants: [] };
    }
    const errors = createFieldErrors();
    const question = h('textarea', { class: 'input textarea', testid: 'board-edit-question', dir: 'auto', rows: 2, maxLength: 500, value: board.question });
    const group = h('select', { class: 'select', testid: 'board-edit-group' },
      h('option', { value: '', text: t('board.list.noGroup') }),
      c.groups.map((g) => h('option', { value: g.id, text: g.groupingName ? `${g.name} · ${g.groupingName}` : g.name })));
    group.value = board.groupId ?? '';
    const priority = h('input', { type: 'number', class: 'input', testid: 'board-edit-priority', min: 0, max: 999, step: 1, value: String(board.priorityVotes) });
    const qField = field({ label: t('board.list.question'), control: question, wide: true });
    const gField = field({ label: t('board.list.group'), control: group });
    const pField = field({ label: t('board.priorityVotes'), control: priority, hint: t('board.priorityVotesHint') });
    errors.register('question', { control: question, container: qField });
    errors.register('priorityVotes', { control: priority, container: pField });
    const cancel = h('button', { type: 'button', class: 'btn', text: t('common.cancel') });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'board-edit-save', text: t('common.saveChanges') });
    const form = h('form', { class: 'dialog-form', method: 'dialog', novalidate: true },
      h('h2', { class: 'dialog-title', id: 'board-edit-title', text: t('board.editBoard') }),
      h('div', { class: 'form-grid form-grid-compact' }, qField, gField, pField),
      h('div', { class: 'dialog-actions' }, cancel, submit));
    const dialog = h('dialog', { class: 'dialog dialog-board-edit', testid: 'board-edit-dialog', aria: { labelledby: 'board-edit-title' } }, form);
    const close = showModal(dialog, { onCancel: () => close() });
    cancel.addEventListener('click', () => close());
    question.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      errors.clearAll();
      try {
        const next = await api.updateBoard(board.id, {
          question: question.value,
          groupId: group.value || null,
          priorityVotes: Number.parseInt(priority.value, 10),
        });
        close();
        summaries = await api.listBoards(workshopId).catch(() => summaries);
        applyBoard(next);
        refreshUndo();
        questionEl.focus();
      } catch (err) {
        if (errors.has(err?.field)) {
          errors.show(err.field, err.code === 'required' ? t('board.list.questionRequired') : errorText(err));
          errors.focusFirst();
        } else {
          ctx.showError(err);
        }
      }
    });
    question.focus();
  }

  // ----- the screen -----

  const root = h('section', { class: 'view view-board', testid: 'board-view', data: { board: board.id } },
    h('div', { class: 'board-head' },
      h('div', { class: 'board-head-text' },
        h('a', { class: 'back-link', href: `#/workshops/${encodeURIComponent(workshopId)}/boards`, testid: 'board-back' },
          icon('chevronLeft'), h('span', { text: t('board.list.title') })),
        questionEl,
        metaEl),
      h('div', { class: 'board-actions' },
        h('div', { class: 'board-actions-group', role: 'group', aria: { label: t('board.undoGroup') } }, undoBtn, redoBtn),
        h('div', { class: 'board-actions-group' }, rankingBtn, compareLink, editBtn, presentBtn))),
    h('div', { class: 'board-bar' }, h('div', { class: 'board-bar-main' }, hintEl, mergeBanner), raisedByBtn),
    grid);

  hint('input');
  drawAll();
  refreshUndo();

  const stopUndoKeys = installUndoKeys(workshopId, (step) => afterStep(step));
  document.addEventListener('keydown', onDocumentKey);
  const onResize = () => closePopover(false);
  window.addEventListener('resize', onResize);

  return {
    root,
    focus: ({ restoring } = {}) => {
      mounted = true;
      if (restoring && focusId && focusNote(focusId)) return;
      const q = QUADRANTS.find((x) => quads.get(x).input.value) ?? QUADRANTS[0];
      quads.get(restore.quadrant ?? q).input.focus();
    },
    snapshot: () => ({
      ranking,
      raisedBy: raisedByDefault,
      focusId: grid.contains(document.activeElement) ? focusId : null,
      quadrant: lastQuadrant,
      drafts: Object.fromEntries(QUADRANTS.map((q) => [q, quads.get(q).input.value])),
    }),
    unmount: () => {
      unmounted = true;
      if (editing && !editing.saving) commitEdit(false);
      stopUndoKeys();
      document.removeEventListener('keydown', onDocumentKey);
      window.removeEventListener('resize', onResize);
      closePopover(false);
    },
  };
}

// ====================================================================== compare

async function renderCompare(params, ctx, workshopId) {
  const boards = (await api.compareBoards(params.boardId)).map(normalise);
  const here = boards.find((b) => b.id === params.boardId) ?? boards[0];
  const table = h('div', { class: 'compare-grid', testid: 'compare-grid', role: 'table', aria: { label: t('board.compare.title') } });
  table.style.setProperty('--columns', String(Math.max(1, boards.length)));
  table.append(
    h('div', { class: 'compare-corner', role: 'columnheader' }),
    ...boards.map((b) => h('div', { class: ['compare-board-head', b.id === here.id && 'is-current'], role: 'columnheader', testid: 'compare-board' },
      h('a', { class: 'compare-board-name', href: boardHref(workshopId, b.id), dir: 'auto', text: b.groupName ?? t('board.list.wholeRoom') }),
      h('span', { class: 'muted small', text: t('board.list.noteCount', { count: b.notes.filter((n) => !n.isHeading).length }) }))));
  for (const q of QUADRANTS) {
    table.append(h('div', { class: ['compare-quadrant', `q-${q}`], role: 'rowheader' },
      h('span', { class: 'swot-letter', aria: { hidden: 'true' }, text: t(`board.letter.${q}`) }),
      h('span', { class: 'compare-quadrant-name', text: t(`board.quadrant.${q}`) })));
    for (const b of boards) {
      const rows = displayOrder(b, q, true);
      table.append(h('div', { class: ['compare-cell', `q-${q}`], role: 'cell' },
        rows.length
          ? h('ol', { class: 'compare-notes' }, rows.map(({ note }) => h('li', { class: ['compare-note', note.priority && 'is-priority'], testid: 'compare-note' },
            h('span', { class: 'compare-note-text', dir: 'auto', text: note.text }),
            h('span', { class: 'compare-note-votes', title: t('board.votesTitle', { count: note.votes }) },
              voteDots(note.votes), h('span', { text: formatNumber(note.votes) })))))
          : h('p', { class: 'muted small', text: '—' })));
    }
  }
  const root = h('section', { class: 'view view-board-compare', testid: 'board-compare-view' },
    h('a', { class: 'back-link', href: boardHref(workshopId, here.id), testid: 'compare-back' }, icon('chevronLeft'), h('span', { text: t('board.compare.back') })),
    h('div', { class: 'view-head' },
      h('div', {},
        h('p', { class: 'compare-kicker', text: t('board.compare.kicker', { count: boards.length }) }),
        h('h1', { class: 'view-title', tabindex: -1, dir: 'auto', testid: 'board-question', text: here.question }))),
    h('div', { class: 'compare-wrap' }, table));
  return { root };
}
