// Dates, times and sizes in the interface language. Calendar dates ("YYYY-MM-DD") are handled in UTC
// so a workshop starting on the 14th never shows as the 13th in a western time zone.
import { language, t } from './i18n.js';

/** Dates in English follow the day-month order of the ILO's documents ("Tuesday 9 May"). */
function dateLocale() {
  const lang = language();
  return lang === 'en' ? 'en-GB' : lang;
}

// Making an Intl.DateTimeFormat costs far more than using one (about a millisecond in WebKit:
// seconds for a screen of 2,000 actions), so each locale and set of options gets one, kept.
const formatters = new Map();

/** The date formatter for the interface language with these options, made once. */
export function dateFormatter(options) {
  const locale = dateLocale();
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function parseDay(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const DAY_OPTIONS = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };

export function formatDay(iso) {
  const d = parseDay(iso);
  return d ? dateFormatter(DAY_OPTIONS).format(d) : iso ?? '';
}

/** "14–18 May 2018" */
export function formatDayRange(startIso, endIso) {
  const start = parseDay(startIso);
  const end = parseDay(endIso);
  if (!start && !end) return '';
  if (!start || !end) return formatDay(startIso || endIso);
  const fmt = dateFormatter(DAY_OPTIONS);
  try {
    return fmt.formatRange(start, end);
  } catch {
    return `${fmt.format(start)} – ${fmt.format(end)}`;
  }
}

/** An RFC 3339 instant in the computer's local time; with `seconds` where minutes are too coarse
 *  (backups taken within the same minute). */
export function formatDateTime(rfc3339, { seconds = false } = {}) {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return String(rfc3339 ?? '');
  return dateFormatter({ dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(d);
}

export function formatBytes(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '';
  const units = [
    ['byte', 1],
    ['kilobyte', 1024],
    ['megabyte', 1024 ** 2],
    ['gigabyte', 1024 ** 3],
  ];
  let [unit, size] = units[0];
  for (const [u, s] of units) if (n >= s) [unit, size] = [u, s];
  const value = n / size;
  try {
    return new Intl.NumberFormat(language(), {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0,
    }).format(value);
  } catch {
    return `${Math.round(value)} ${unit}`;
  }
}

export function formatPercent(part, total) {
  if (!total) return '';
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(part / total);
}

/** A language code as a name in the interface language, e.g. "ar" → "Arabic" / "arabe". */
export function languageName(code) {
  try {
    const names = new Intl.DisplayNames([language()], { type: 'language' });
    return names.of(code) || code;
  } catch {
    return code;
  }
}

/** The language's own name ("العربية"), shown beside the translated one. */
export function languageEndonym(code) {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) || '';
  } catch {
    return '';
  }
}

export function sexLabel(sex) {
  return t(`sex.${sex || 'not_stated'}`);
}

export function roleLabel(role) {
  return t(`role.${role || 'participant'}`);
}

/** A workshop day as a column heading, "Mon 23 Nov" (`long`: "Monday 23 November", for labels). */
export function formatSlotDay(iso, { long = false } = {}) {
  const d = parseDay(iso);
  if (!d) return iso ?? '';
  if (long) {
    // Weekday, then the date, without the comma some ICU versions put between them: the same
    // "Tuesday 9 May" on every machine.
    const weekday = dateFormatter({ weekday: 'long', timeZone: 'UTC' }).format(d);
    const date = dateFormatter({ day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
    return `${weekday} ${date}`;
  }
  const options = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return dateFormatter(options).format(d);
}

/** "Morning" / "Afternoon" / "Evening" for 2 or 3 sessions a day, "Day" for one (as the grid says). */
export function sessionName(session, perDay) {
  if (perDay <= 1) return t('attendance.session.day');
  if (session >= 1 && session <= 3) return t(`attendance.session.${session}`);
  return t('attendance.session.n', { n: session });
}

/** A date on this laptop's calendar, "YYYY-MM-DD" (today by default). */
export function localIsoDay(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
