// The paper sign-in sheet of one day and session, for the day the laptop fails: A4 portrait pages
// of 25 numbered rows (the numbers typed back in from paper on the attendance screen), each page
// with the workshop, the day and the session on top and its page number below, and a few blank
// rows at the end for people who are not on the list.
import { h } from '../dom.js';
import { t, language, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { countryName } from '../countries.js';
import { formatDateTime, formatSlotDay, sessionName } from '../format.js';
import { printButton, printScreen, printTips, slotFromQuery, pages } from '../print.js';

export const ROWS_PER_PAGE = 25;
const BLANK_ROWS = 5;

/** "Tuesday 15 May 2018", in the interface language. */
function longDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso ?? '';
  return new Intl.DateTimeFormat(language(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The hash of this screen for one slot. */
export function sheetHash(workshopId, slot) {
  return `#/workshops/${encodeURIComponent(workshopId)}/sign-in-sheet?day=${encodeURIComponent(slot.day)}&session=${slot.session}`;
}

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  const slot = slotFromQuery(workshop, params.query) ?? (await api.sessionClock(workshopId)).proposed;
  const sheet = await api.signInSheet(workshopId, slot);
  const perDay = sheet.sessionsPerDay || 1;
  // When the sheet was printed, so that a sheet can be matched with the list it came from.
  const printedAt = formatDateTime(new Date().toISOString());

  // ----- the day and session -----
  const daySelect = h('select', { class: 'select', id: 'sign-in-day', testid: 'sign-in-day' },
    (workshop.days ?? []).map((day, i) => h('option', {
      value: day,
      selected: day === slot.day,
      text: t('print.dayOption', { n: i + 1, date: formatSlotDay(day) }),
    })));
  const sessionSelect = h('select', { class: 'select', id: 'sign-in-session', testid: 'sign-in-session' },
    Array.from({ length: perDay }, (_, i) => h('option', { value: i + 1, selected: i + 1 === slot.session, text: sessionName(i + 1, perDay) })));
  const go = () => location.replace(sheetHash(workshopId, { day: daySelect.value, session: Number(sessionSelect.value) }));
  daySelect.addEventListener('change', go);
  sessionSelect.addEventListener('change', go);

  // ----- the pages -----
  const place = [sheet.venueCity, countryName(sheet.country, sheet.countryName)].filter(Boolean).join(', ');
  const meta = [place, sheet.programmeCode, sheet.organisers].filter(Boolean).join(' · ');
  const lines = [
    ...sheet.rows.map((row) => ({ row })),
    ...Array.from({ length: BLANK_ROWS }, (_, i) => ({ blank: true, first: i === 0 })),
  ];
  const groups = pages(lines, ROWS_PER_PAGE);

  function head() {
    return h('thead', {},
      h('tr', { class: 'signin-head-row' },
        h('th', { colSpan: 5, scope: 'colgroup' },
          h('div', { class: 'signin-head' },
            h('div', { class: 'signin-head-text' },
              h('p', { class: 'signin-kicker', text: t('signIn.kicker') }),
              h('p', { class: 'signin-title', dir: 'auto', testid: 'sign-in-title', text: sheet.title }),
              meta ? h('p', { class: 'signin-meta', dir: 'auto', text: meta }) : null),
            h('div', { class: 'signin-slot', testid: 'sign-in-slot' },
              h('p', { class: 'signin-day' },
                h('span', { text: t('signIn.day', { n: sheet.dayNumber }) }),
                h('span', { class: 'signin-day-of', text: t('signIn.ofDays', { count: sheet.dayCount }) })),
              h('p', { class: 'signin-date', text: longDate(sheet.day) }),
              h('p', { class: 'signin-session', text: sessionName(sheet.session, perDay) }))))),
      h('tr', { class: 'signin-cols' },
        h('th', { scope: 'col', class: 'signin-no', text: t('signIn.col.number') }),
        h('th', { scope: 'col', class: 'signin-name', text: t('signIn.col.name') }),
        h('th', { scope: 'col', class: 'signin-org', text: t('signIn.col.organisation') }),
        h('th', { scope: 'col', class: 'signin-country', text: t('signIn.col.country') }),
        h('th', { scope: 'col', class: 'signin-sign', text: t('signIn.col.signature') })));
  }

  function line(item) {
    if (item.blank) {
      return h('tr', { class: ['signin-row', 'signin-blank', item.first && 'is-first-blank'], testid: 'sign-in-sheet-blank' },
        h('td', { class: 'signin-no' }),
        h('td', { class: 'signin-name' }, item.first ? h('span', { class: 'signin-blank-hint', text: t('signIn.notOnList') }) : null),
        h('td', { class: 'signin-org' }),
        h('td', { class: 'signin-country' }),
        h('td', { class: 'signin-sign' }));
    }
    const { row } = item;
    const country = countryName(row.country, row.countryName);
    return h('tr', { class: 'signin-row', testid: 'sign-in-sheet-row', data: { number: row.number, participant: row.participantId } },
      h('td', { class: 'signin-no', testid: 'sign-in-sheet-number', text: formatNumber(row.number) }),
      h('td', { class: 'signin-name' },
        h('span', { class: 'signin-full', dir: 'auto', text: row.fullName }),
        row.nameLatin ? h('span', { class: 'signin-latin', text: row.nameLatin }) : null),
      h('td', { class: 'signin-org' }, h('span', { class: 'signin-clamp', dir: 'auto', text: row.organisation })),
      h('td', { class: 'signin-country' }, h('span', { class: 'signin-clamp', text: country })),
      h('td', { class: 'signin-sign' }));
  }

  const paper = h('div', { class: 'print-sheets', testid: 'sign-in-sheet' },
    groups.map((group, i) => h('section', {
      class: 'paper-page paper-signin',
      testid: 'sign-in-page',
      aria: { label: t('print.pageOf', { page: i + 1, pages: groups.length }) },
    },
    h('table', { class: 'signin-table' },
      h('colgroup', {},
        ['signin-no', 'signin-name', 'signin-org', 'signin-country', 'signin-sign'].map((c) => h('col', { class: c }))),
      head(),
      h('tbody', {}, group.map(line))),
    h('footer', { class: 'signin-foot' },
      h('span', { text: t('signIn.footer', { printed: printedAt }) }),
      i === groups.length - 1
        ? h('span', { class: 'signin-count', text: t('signIn.countBox') })
        : null,
      h('span', { class: 'signin-page', testid: 'sign-in-page-number', text: t('print.pageOf', { page: i + 1, pages: groups.length }) })))));

  const panel = h('aside', { class: 'print-panel no-print', aria: { label: t('signIn.whichSession') } },
    h('h2', { class: 'panel-title', text: t('signIn.whichSession') }),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'sign-in-day', text: t('signIn.dayLabel') }), daySelect),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'sign-in-session', text: t('signIn.sessionLabel') }), sessionSelect),
    printTips(
      t('signIn.tipOrder'),
      [h('span', { text: t('signIn.tipTypeBack') }), ' ',
        h('a', { href: `#/workshops/${encodeURIComponent(workshopId)}/attendance?paper=1&day=${encodeURIComponent(slot.day)}&session=${slot.session}`,
          testid: 'sign-in-type-back', text: t('signIn.typeBackLink') })]));
  const countLine = h('p', { class: 'muted print-count', testid: 'sign-in-count',
    text: `${t('signIn.count', { count: sheet.rows.length })} · ${t('print.pages', { count: groups.length })}` });
  const root = printScreen({ workshopId, title: t('signIn.title'), countLine, printBtn: printButton(), panel, sheet: paper });

  return {
    root,
    focus(opts = {}) {
      if (!opts.restoring) root.querySelector('h1')?.focus({ preventScroll: true });
    },
  };
}
