// An action's history, newest first (what changed last is what one looks for): each change of
// a field, in words, from what to what.
import { h, clear } from '../../dom.js';
import { t, has } from '../../i18n.js';
import * as api from '../../api.js';
import { formatDay } from '../../format.js';
import { errorText } from '../../errors.js';
import { historyEntry } from '../../components/history.js';
import { statusLabel, themeLabel } from './labels.js';

/** Fills `list` with the history of the action. */
export async function loadActionHistory(page, actionId, list) {
  clear(list).append(h('li', { class: 'muted', text: t('common.loading') }));
  try {
    const entries = await api.actionHistory(actionId);
    clear(list);
    if (!entries.length) list.append(h('li', { class: 'muted', text: t('history.empty') }));
    for (const entry of [...entries].reverse()) {
      // Only fields with a name: the order of actions and the deletion time say nothing here.
      const changes = Object.entries(entry.changes ?? {})
        .filter(([key, pair]) => Array.isArray(pair) && key !== 'position' && key !== 'deletedAt' && has(`plans.field.${key}`));
      list.append(historyEntry({
        testid: 'action-history-entry',
        what: t(`plans.history.op.${entry.op}`),
        at: entry.at,
        changes: entry.op === 'update'
          ? changes.map(([key, [before, after]]) => ({
            field: t(`plans.field.${key}`),
            before: valueText(page, key, before),
            after: valueText(page, key, after),
          }))
          : [],
      }));
    }
  } catch (err) {
    clear(list).append(h('li', { class: 'field-error', text: errorText(err) }));
  }
}

/** A stored value in words: statuses, dates and themes as shown, the plan by its title. */
function valueText(page, key, value) {
  let v = value;
  if (key === 'themes' && typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      // shown as stored
    }
  }
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('history.empty_value');
  if (key === 'status') return statusLabel(v);
  if (key === 'startDate' || key === 'dueDate') return formatDay(v);
  if (key === 'themes' && Array.isArray(v)) return v.map(themeLabel).join(', ');
  if (key === 'planId') return page.planById(v)?.title ?? t('plans.history.otherPlan');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
