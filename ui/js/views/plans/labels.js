// How plans and actions read: scopes, statuses and themes in the interface language, an action's
// dates and whether it is overdue, the errors beside their fields, and the small marks the plan
// list and the roll-up share (the bar of statuses, a quadrant's letter).
import { h } from '../../dom.js';
import { t, has, formatNumber } from '../../i18n.js';
import { dateFormatter, formatDay, formatDayRange, localIsoDay } from '../../format.js';
import { errorText } from '../../errors.js';

export const SCOPES = ['regional', 'national', 'organisational'];
export const STATUSES = ['planned', 'in_progress', 'done', 'dropped'];

/** The core's suggested themes (plans::SUGGESTED_THEMES), stored in English, shown translated. */
export const SUGGESTED_THEMES = [
  'organising migrant workers',
  'fair recruitment',
  'social dialogue',
  'ratification campaign',
  'social protection',
  'occupational safety and health',
  'gender equality',
  'youth',
  'informal economy',
  'forced and child labour',
  'digital transformation',
];
const THEME_KEYS = {
  'organising migrant workers': 'organisingMigrantWorkers',
  'fair recruitment': 'fairRecruitment',
  'social dialogue': 'socialDialogue',
  'ratification campaign': 'ratificationCampaign',
  'social protection': 'socialProtection',
  'occupational safety and health': 'osh',
  'gender equality': 'genderEquality',
  youth: 'youth',
  'informal economy': 'informalEconomy',
  'forced and child labour': 'forcedChildLabour',
  'digital transformation': 'digitalTransformation',
};

/** A theme tag as the facilitator reads it: a suggested theme translated, any other as typed. */
export function themeLabel(tag) {
  const key = THEME_KEYS[String(tag ?? '').toLowerCase()];
  return key ? t(`plans.theme.${key}`) : String(tag ?? '');
}

export function statusLabel(status) {
  return t(`plans.status.${status}`);
}

export function scopeLabel(scope) {
  return t(`plans.scope.${scope}`);
}

export function quadrantLabel(q) {
  return t(`plans.quadrant.${q}`);
}

/** The error beside a plan's or action's field: plans.errors.<code>.<field>, then the app's. */
export function planErrorText(err) {
  const code = typeof err?.code === 'string' ? err.code : '';
  const name = typeof err?.field === 'string' ? err.field : '';
  if (code && name && has(`plans.errors.${code}.${name}`)) return t(`plans.errors.${code}.${name}`);
  if (code && has(`plans.errors.${code}`)) return t(`plans.errors.${code}`);
  return errorText(err);
}

/** "2027-03" → "Mar 2027" in the interface language. */
export function monthLabel(key) {
  if (!/^\d{4}-\d{2}$/.test(key)) return key;
  const d = new Date(`${key}-01T00:00:00Z`);
  return dateFormatter({ month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The ActionInput of an action as it is (for a change of one field). */
export function inputOf(action) {
  return {
    description: action.description ?? '',
    responsible: action.responsible ?? '',
    partners: action.partners ?? '',
    startDate: action.startDate ?? null,
    dueDate: action.dueDate ?? null,
    status: action.status ?? 'planned',
    resources: action.resources ?? '',
    indicator: action.indicator ?? '',
    baseline: action.baseline ?? '',
    target: action.target ?? '',
    themes: [...(action.themes ?? [])],
  };
}

/** A note's text on one line (merged notes keep each text on a line of its own). */
export function oneLine(text) {
  return String(text ?? '').trim().replace(/\s*\n+\s*/g, ' / ');
}

/** Due before today and neither done nor dropped. */
export function isOverdue(action) {
  return Boolean(action.dueDate) && action.dueDate < localIsoDay() && (action.status === 'planned' || action.status === 'in_progress');
}

/** "1 Feb 2027 → 30 Jun 2027", "by 30 Jun 2027", "from 1 Feb 2027" or "". */
export function timeline(action) {
  const { startDate: start, dueDate: due } = action;
  if (start && due) return formatDayRange(start, due);
  if (due) return t('plans.action.dueBy', { date: formatDay(due) });
  if (start) return t('plans.action.from', { date: formatDay(start) });
  return '';
}

/** A bar of the actions' statuses, in order, with their counts as its title. */
export function statusStack(actions) {
  const total = actions.length;
  const counts = STATUSES.map((s) => [s, actions.filter((a) => a.status === s).length]);
  const shown = counts.filter(([, n]) => n);
  const done = actions.filter((a) => a.status === 'done').length;
  const bar = h('span', { class: 'status-stack', aria: { hidden: 'true' } },
    shown.map(([s, n]) => {
      const seg = h('span', { class: ['status-seg', `status-${s}`] });
      seg.style.width = `${(n / total) * 100}%`;
      return seg;
    }));
  const words = shown.map(([s, n]) => `${statusLabel(s)}: ${formatNumber(n)}`).join(' · ');
  return h('span', { class: 'status-summary', title: words },
    bar,
    h('span', { class: 'status-summary-text' },
      t('plans.actionCount', { count: total }),
      ...(total ? [h('span', { class: 'muted', text: ` · ${t('plans.doneCount', { count: done })}` })] : [])));
}

/** A SWOT quadrant's letter in its colour, named in full in its title. */
export function quadrantBadge(q) {
  return h('span', { class: ['quadrant-badge', `quadrant-${q}`], title: quadrantLabel(q), text: t(`plans.quadrantLetter.${q}`) });
}
