// The board's own settings ("Edit"): its question, the group answering it and how many votes
// make a note a priority.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { errorText } from '../../errors.js';
import { showModal } from '../../components/modal.js';
import { field, createFieldErrors } from '../../components/form-fields.js';

export function createSettingsDialog(ed) {
  async function openBoardDialog() {
    let choices;
    try {
      choices = await ed.loadChoices();
    } catch {
      choices = { groups: [], participants: [] };
    }
    const { board } = ed;
    const errors = createFieldErrors();
    const question = h('textarea', { class: 'input textarea', testid: 'board-edit-question', dir: 'auto', rows: 2, maxLength: 500, value: board.question });
    const group = h('select', { class: 'select', testid: 'board-edit-group' },
      h('option', { value: '', text: t('board.list.noGroup') }),
      choices.groups.map((g) => h('option', { value: g.id, text: g.groupingName ? `${g.name} · ${g.groupingName}` : g.name })));
    group.value = board.groupId ?? '';
    const priority = h('input', { type: 'number', class: 'input', testid: 'board-edit-priority', min: 0, max: 999, step: 1, value: String(board.priorityVotes) });
    const questionField = field({ label: t('board.list.question'), control: question, wide: true });
    const groupField = field({ label: t('board.list.group'), control: group });
    const priorityField = field({ label: t('board.priorityVotes'), control: priority, hint: t('board.priorityVotesHint') });
    errors.register('question', { control: question, container: questionField });
    errors.register('priorityVotes', { control: priority, container: priorityField });
    const cancel = h('button', { type: 'button', class: 'btn', text: t('common.cancel') });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'board-edit-save', text: t('common.saveChanges') });
    const form = h('form', { class: 'dialog-form', method: 'dialog', novalidate: true },
      h('h2', { class: 'dialog-title', id: 'board-edit-title', text: t('board.editBoard') }),
      h('div', { class: 'form-grid form-grid-compact' }, questionField, groupField, priorityField),
      h('div', { class: 'dialog-actions' }, cancel, submit));
    const dialog = h('dialog', { class: 'dialog dialog-board-edit', testid: 'board-edit-dialog', aria: { labelledby: 'board-edit-title' } }, form);
    const close = showModal(dialog, { onCancel: () => close() });
    cancel.addEventListener('click', () => close());
    // The question is one line to the facilitator: Enter saves (Shift+Enter breaks it).
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
        ed.undoBar.edited();
        // A new question may be shared with other boards now: the Compare button follows.
        ed.summaries = await api.listBoards(ed.workshopId).catch(() => ed.summaries);
        ed.applyBoard(next);
        ed.focusQuestion();
      } catch (err) {
        if (errors.has(err?.field)) {
          errors.show(err.field, err.code === 'required' ? t('board.list.questionRequired') : errorText(err));
          errors.focusFirst();
        } else {
          ed.ctx.showError(err);
        }
      }
    });
    question.focus();
  }

  return { openBoardDialog };
}
