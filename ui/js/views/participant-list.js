// The list of participants annexed to a workshop's report: one document, the participants by
// country, then the resource persons, facilitators, staff and observers; each with their name in
// their own script and its Latin spelling, position and organisation, sex, and the contact details
// of those who agreed to be contacted (the core leaves out the others'). The table's header row
// repeats on every printed page.
import { h, clear } from '../dom.js';
import { t, collator } from '../i18n.js';
import * as api from '../api.js';
import { countryName } from '../countries.js';
import { formatDayRange, sexLabel } from '../format.js';
import { printButton, printIcon, printScreen, printTips } from '../print.js';

/** An address that may break after its "@" (and nowhere inside a word) in a narrow column. */
function breakable(email) {
  const at = email.indexOf('@');
  return at > 0 ? [email.slice(0, at + 1), h('wbr'), email.slice(at + 1)] : email;
}

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  const list = await api.participantList(workshopId);
  let contacts = params.restore?.contacts ?? true;

  const sheet = h('div', { class: 'print-sheets', testid: 'participant-list-sheet' });
  const countries = new Set(list.rows.filter((row) => row.role === 'participant' && row.country).map((row) => row.country));
  const countLine = h('p', {
    class: 'muted print-count',
    testid: 'participant-list-count',
    text: list.rows.length
      ? `${t('list.count', { count: list.rows.length })} · ${t('list.countries', { count: countries.size })}`
      : '',
  });

  /**
   * The sections of the list: one per country of the participants, in the order of their names
   * in the interface's language ("Allemagne" before "Espagne" in French), no country last; then
   * one per other role, in the core's order.
   */
  function sections() {
    const out = [];
    for (const row of list.rows) {
      const key = row.role === 'participant' ? `country:${row.country ?? ''}` : `role:${row.role}`;
      let section = out.at(-1);
      if (section?.key !== key) {
        const heading = row.role !== 'participant'
          ? t(`list.role.${row.role}`)
          : row.country ? countryName(row.country, row.countryName) : t('list.noCountry');
        section = { key, heading, rows: [] };
        out.push(section);
      }
      section.rows.push(row);
    }
    const byCountry = out.filter((s) => s.key.startsWith('country:') && s.key !== 'country:');
    byCountry.sort((a, b) => collator().compare(a.heading, b.heading));
    return [...byCountry, ...out.filter((s) => !byCountry.includes(s))];
  }

  function personRow(row, number) {
    const place = [row.position, row.organisation].filter(Boolean).join(', ');
    return h('tr', { class: 'plist-row', testid: 'participant-list-row', data: { participant: row.participantId } },
      h('td', { class: 'plist-number', text: String(number) }),
      h('td', { class: 'plist-name' },
        h('span', { class: 'plist-full', dir: 'auto', testid: 'participant-list-name', text: row.fullName }),
        row.nameLatin ? h('span', { class: 'plist-latin', text: row.nameLatin }) : null),
      h('td', { dir: 'auto', text: place }),
      h('td', { text: sexLabel(row.sex) }),
      contacts
        ? h('td', { class: 'plist-contact', testid: 'participant-list-contact' },
          row.email ? h('span', {}, breakable(row.email)) : null,
          row.phone ? h('span', { text: row.phone }) : null)
        : null);
  }

  function drawSheet() {
    clear(sheet);
    if (!list.rows.length) {
      sheet.append(h('div', { class: 'empty-note', testid: 'participant-list-empty' },
        printIcon('sheet', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('list.empty') })));
      return;
    }
    const columns = contacts ? 5 : 4;
    let number = 0;
    const body = sections().flatMap((section) => [
      h('tr', { class: 'plist-group', testid: 'participant-list-group' },
        h('th', { colspan: columns, scope: 'colgroup', dir: 'auto', text: `${section.heading} (${section.rows.length})` })),
      ...section.rows.map((row) => {
        number += 1;
        return personRow(row, number);
      }),
    ]);
    const place = [list.venueCity, countryName(list.country, list.countryName)].filter(Boolean).join(', ');
    sheet.append(h('section', { class: 'paper-page paper-people' },
      h('header', { class: 'plist-head' },
        h('h2', { class: 'plist-title', text: t('list.title') }),
        h('p', { class: 'plist-workshop', dir: 'auto', text: list.title }),
        h('p', { class: 'plist-meta', text: [place, formatDayRange(list.startDate, list.endDate)].filter(Boolean).join(' · ') }),
        list.organisers || list.programmeCode
          ? h('p', { class: 'plist-meta', dir: 'auto', text: [list.organisers, list.programmeCode].filter(Boolean).join(' · ') })
          : null),
      h('table', { class: 'plist-table', testid: 'participant-list-table' },
        h('thead', {},
          h('tr', {},
            h('th', { scope: 'col', class: 'plist-number', text: t('list.number') }),
            h('th', { scope: 'col', text: t('list.name') }),
            h('th', { scope: 'col', text: t('list.organisation') }),
            h('th', { scope: 'col', text: t('list.sex') }),
            contacts ? h('th', { scope: 'col', text: t('list.contact') }) : null)),
        h('tbody', {}, body)),
      contacts ? h('p', { class: 'plist-note', text: t('list.consentNote') }) : null));
  }

  const contactBox = h('input', { type: 'checkbox', checked: contacts, testid: 'participant-list-contacts' });
  contactBox.addEventListener('change', () => {
    contacts = contactBox.checked;
    drawSheet();
  });
  const printBtn = printButton();
  printBtn.disabled = !list.rows.length;
  const panel = h('aside', { class: 'print-panel no-print', aria: { label: t('list.whatToPrint') } },
    h('h2', { class: 'panel-title', text: t('list.whatToPrint') }),
    h('label', { class: 'check' }, contactBox, h('span', { text: t('list.contacts') })),
    printTips(t('list.tipContacts'), t('list.tipOrder')));

  drawSheet();
  const root = printScreen({
    workshopId,
    back: { href: `#/workshops/${encodeURIComponent(workshopId)}`, label: t('header.participants') },
    title: t('list.title'),
    countLine,
    printBtn,
    panel,
    sheet,
  });

  return {
    root,
    focus(opts = {}) {
      if (!opts.restoring) root.querySelector('h1')?.focus({ preventScroll: true });
    },
    snapshot: () => ({ contacts }),
  };
}
