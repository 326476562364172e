// The workshop's SWOT boards: the list (question, group, notes, priorities nobody has taken on
// yet), a new board (question and optional group; questions already asked are suggested, so that
// several groups answer the very same one and can be compared), opening, comparing and deleting.
import { h, icon, clear } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { showToast } from '../components/toast.js';
import { confirmDialog } from '../components/confirm-dialog.js';
import { errorText } from '../errors.js';
import { questionKey, boardHref, QUADRANTS } from './board/model.js';

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  const restore = params.restore ?? {};

  let [boards, groups] = await Promise.all([api.listBoards(workshopId), api.groupChoices(workshopId).catch(() => [])]);
  let creating = false;

  // ----- the new board form -----
  const questionId = 'board-new-question-input';
  const suggestionsId = 'board-question-suggestions';
  const question = h('input', {
    type: 'text',
    id: questionId,
    class: 'input boards-new-question',
    testid: 'board-new-question',
    dir: 'auto',
    maxLength: 500,
    autocomplete: 'off',
    value: restore.question ?? '',
    placeholder: t('board.list.questionPlaceholder'),
    attrs: { list: suggestionsId },
  });
  const suggestions = h('datalist', { id: suggestionsId });
  const group = h('select', { class: 'select', id: 'board-new-group', testid: 'board-new-group' });
  const createBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'board-create' },
    icon('plus'), h('span', { text: t('board.list.create') }));
  const formError = h('p', { class: 'field-error', testid: 'board-new-error', hidden: true });
  const form = h('form', { class: 'card boards-new', testid: 'board-new', aria: { labelledby: 'boards-new-title' } },
    h('h2', { class: 'boards-new-title', id: 'boards-new-title', text: t('board.list.newTitle') }),
    h('div', { class: 'boards-new-row' },
      h('div', { class: 'field boards-new-field' },
        h('label', { class: 'field-label', for: questionId, text: t('board.list.question') }),
        question, suggestions),
      h('div', { class: 'field boards-new-group' },
        h('label', { class: 'field-label', for: 'board-new-group', text: t('board.list.group') }),
        group),
      createBtn),
    formError,
    h('p', { class: 'field-hint', text: t('board.list.questionHint') }));

  function drawGroups() {
    const chosen = group.value || restore.groupId || '';
    clear(group).append(h('option', { value: '', text: t('board.list.noGroup') }),
      ...groups.map((g) => h('option', { value: g.id, text: g.groupingName ? `${g.name} · ${g.groupingName}` : g.name })));
    group.value = groups.some((g) => g.id === chosen) ? chosen : '';
    group.disabled = !groups.length;
    group.title = groups.length ? '' : t('board.list.noGroupsYet');
  }

  function drawSuggestions() {
    const seen = new Set();
    clear(suggestions);
    for (const b of boards) {
      const key = questionKey(b.question);
      if (seen.has(key)) continue;
      seen.add(key);
      suggestions.append(h('option', { value: b.question }));
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (creating) return;
    const text = question.value.trim();
    formError.hidden = true;
    question.removeAttribute('aria-invalid');
    if (!text) {
      showFormError(t('board.list.questionRequired'));
      return;
    }
    creating = true;
    createBtn.disabled = true;
    try {
      const board = await api.createBoard(workshopId, { question: text, groupId: group.value || null });
      question.value = '';
      ctx.hideError();
      ctx.navigate(boardHref(workshopId, board.id));
    } catch (err) {
      if (err?.field === 'question') showFormError(errorText(err));
      else ctx.showError(err);
    } finally {
      creating = false;
      createBtn.disabled = false;
    }
  });

  function showFormError(message) {
    formError.textContent = message;
    formError.hidden = false;
    question.setAttribute('aria-invalid', 'true');
    question.focus();
  }

  // ----- the list -----
  const listEl = h('ul', { class: 'boards-list', testid: 'board-list', aria: { label: t('board.list.title') } });

  async function reload(focusId = null) {
    try {
      boards = await api.listBoards(workshopId);
      draw();
      const target = focusId && listEl.querySelector(`[data-id="${CSS.escape(focusId)}"] [data-testid="board-open"]`);
      if (target) target.focus();
    } catch (err) {
      ctx.showError(err);
    }
  }

  /** How many boards ask each question (compared without case or extra spaces). */
  function sameQuestionCounts() {
    const counts = new Map();
    for (const b of boards) counts.set(questionKey(b.question), (counts.get(questionKey(b.question)) ?? 0) + 1);
    return counts;
  }

  async function remove(board) {
    const ok = await confirmDialog({
      title: t('board.list.deleteTitle'),
      body: [board.question, t('board.list.deleteBody', { count: board.notes })],
      confirmLabel: t('board.list.deleteConfirm'),
      confirmTestid: 'board-delete-confirm',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.deleteBoard(board.id);
      ctx.hideError();
      showToast(t('board.list.deleted', { question: board.question }), {
        action: { label: t('common.undo'), testid: 'undo-board-delete', onClick: () => undoDelete(board) },
      });
      await reload();
      (listEl.querySelector('[data-testid="board-open"]') ?? question).focus();
    } catch (err) {
      ctx.showError(err);
    }
  }

  async function undoDelete(board) {
    try {
      // Undo takes back the workshop's newest edit: only if that is still this deletion.
      const now = await api.undoState(workshopId);
      if (now.undo !== 'board.delete') {
        showToast(t('board.list.cannotUndo'), { kind: 'error' });
        return;
      }
      await api.undo(workshopId);
      await reload(board.id);
    } catch (err) {
      ctx.showError(err);
    }
  }

  function item(b, counts) {
    const same = counts.get(questionKey(b.question)) ?? 1;
    const titleId = `board-item-${b.id}`;
    return h('li', { class: 'boards-item', testid: 'board-item', data: { id: b.id }, aria: { labelledby: titleId } },
      h('span', { class: 'boards-item-mark', aria: { hidden: 'true' } },
        QUADRANTS.map((q) => h('span', { class: `boards-mark boards-mark-${q}`, text: t(`board.letter.${q}`) }))),
      h('div', { class: 'boards-item-main' },
        h('a', { class: 'boards-item-question', id: titleId, href: boardHref(workshopId, b.id), testid: 'board-open', dir: 'auto', text: b.question }),
        h('p', { class: 'boards-item-meta' },
          b.groupName
            ? h('span', { class: 'tag tag-accent', testid: 'board-item-group', dir: 'auto', text: b.groupName })
            : h('span', { class: 'tag tag-muted', text: t('board.list.wholeRoom') }),
          h('span', { class: 'muted', testid: 'board-item-notes', text: t('board.list.noteCount', { count: b.notes }) }),
          ...(b.prioritiesWithoutAction > 0 ? [h('span', {
            class: 'tag tag-warn boards-item-flag',
            testid: 'board-item-flag',
            title: t('board.flag.priorityTitle'),
          }, icon('alert', 'icon icon-small'), h('span', { text: t('board.list.prioritiesWithoutAction', { count: b.prioritiesWithoutAction }) }))] : []))),
      h('div', { class: 'boards-item-actions' },
        ...(same > 1 ? [h('a', {
          class: 'btn btn-small',
          href: `${boardHref(workshopId, b.id)}?compare=1`,
          testid: 'board-compare',
          title: t('board.compare.title'),
        }, icon('board'), h('span', { text: t('board.list.compare', { count: same }) }))] : []),
        h('a', { class: 'btn btn-small btn-primary', href: boardHref(workshopId, b.id), text: t('board.list.open') }),
        h('button', {
          type: 'button',
          class: 'btn-icon btn-icon-danger',
          testid: 'board-delete',
          title: t('board.list.delete'),
          aria: { label: t('board.list.deleteNamed', { question: b.question }) },
          on: { click: () => remove(b) },
        }, icon('trash'))));
  }

  function draw() {
    clear(listEl);
    drawSuggestions();
    if (!boards.length) {
      listEl.append(h('li', { class: 'empty-note boards-empty', testid: 'board-list-empty' },
        icon('board', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('board.list.emptyTitle') }),
        h('p', { class: 'muted', text: t('board.list.emptyText') })));
      return;
    }
    const counts = sameQuestionCounts();
    for (const b of boards) listEl.append(item(b, counts));
  }

  drawGroups();
  draw();

  const root = h('section', { class: 'view view-boards', testid: 'boards-view' },
    h('div', { class: 'view-head' },
      h('div', {},
        h('h1', { class: 'view-title', tabindex: -1, text: t('board.list.title') }),
        h('p', { class: 'view-subtitle muted', text: t('board.list.subtitle', { count: boards.length }) }))),
    form,
    listEl);

  return {
    root,
    snapshot: () => ({ question: question.value, groupId: group.value }),
    focus: () => question.focus(),
  };
}
