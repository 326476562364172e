// A note's history (from its menu): each change with its time and the laptop it was made on,
// in words: added, edited, merged into another note, deleted, brought back.
import { h, clear } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { state } from '../../state.js';
import { errorText } from '../../errors.js';
import { showModal } from '../../components/modal.js';
import { historyEntry } from '../../components/history.js';

const blank = (v) => v === null || v === undefined || v === '';

export function createHistory(ed) {
  async function showHistory(id) {
    const note = ed.byId(id);
    if (!note) return;
    ed.closePopover();
    const list = h('ol', { class: 'history-list note-history-list', testid: 'note-history-list' }, h('li', { class: 'muted', text: t('common.loading') }));
    const closeBtn = h('button', { type: 'button', class: 'btn', testid: 'note-history-close', text: t('common.close') });
    const dialog = h('dialog', { class: 'dialog dialog-note-history', testid: 'note-history', aria: { labelledby: 'note-history-title' } },
      h('div', { class: 'dialog-form' },
        h('h2', { class: 'dialog-title', id: 'note-history-title', text: t('board.history.title') }),
        h('p', { class: 'note-history-quote', dir: 'auto', text: note.text }),
        list,
        h('div', { class: 'dialog-actions' }, closeBtn)));
    const finish = () => {
      if (close()) ed.focusNote(id);
    };
    const close = showModal(dialog, { onCancel: finish });
    closeBtn.addEventListener('click', finish);
    closeBtn.focus();
    try {
      const [entries, choices] = await Promise.all([api.noteHistory(id), ed.loadChoices().catch(() => ({ groups: [], participants: [] }))]);
      clear(list);
      if (!entries.length) list.append(h('li', { class: 'muted', text: t('board.history.empty') }));
      for (const entry of entries) list.append(noteHistoryEntry(entry, choices));
    } catch (err) {
      clear(list).append(h('li', { class: 'field-error', text: errorText(err) }));
    }
  }

  /** A stored value in words: names for IDs, quadrants and yes/no translated. */
  function valueText(key, value, choices) {
    if (blank(value)) return t('history.empty_value');
    switch (key) {
      case 'quadrant': return t(`board.quadrant.${value}`);
      case 'raisedByGroupId': return choices.groups.find((g) => g.id === value)?.name ?? t('board.history.aGroup');
      case 'raisedByParticipantId': return choices.participants.find((p) => p.id === value)?.fullName ?? t('board.history.aParticipant');
      case 'headingId': return ed.byId(value)?.text ?? t('board.history.aHeading');
      case 'mergedInto': return ed.byId(value)?.text ?? t('board.history.anotherNote');
      case 'deletedAt': return t('board.history.deleted');
      case 'isHeading': return value ? t('common.yes') : t('common.no');
      default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }

  function noteHistoryEntry(entry, choices) {
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
    // A new note: what it says and where, and who raised it if anyone.
    const shown = entry.op === 'create'
      ? changes.filter(([key, [, after]]) => ['text', 'quadrant'].includes(key) || (key.startsWith('raisedBy') && after))
      : changes;
    return historyEntry({
      testid: 'note-history-entry',
      what: t(`board.history.op.${op}`),
      at: entry.at,
      who,
      changes: shown.map(([key, [before, after]]) => ({
        field: t(`board.history.field.${key}`),
        before: entry.op === 'create' || blank(before) ? undefined : valueText(key, before, choices),
        after: valueText(key, after, choices),
      })),
    });
  }

  return { showHistory };
}
