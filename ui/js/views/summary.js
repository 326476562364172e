// The summary panel beside the participant list: the headline sentence (built here, translated, from
// the numbers; the core's English `headline` is not shown) and small tables by sex, country and role.
import { h, clear } from '../dom.js';
import { t, collator } from '../i18n.js';
import * as api from '../api.js';
import { countryName } from '../countries.js';
import { formatPercent, roleLabel } from '../format.js';

/** "18 participants (9 women) from 12 countries; 6 under 35", in the interface language. */
export function headline(s) {
  if (!s || !s.total) return t('summary.headlineEmpty');
  return t('summary.headline', {
    participants: t('summary.participants', { count: s.total }),
    women: t('summary.women', { count: s.women }),
    countries: t('summary.countries', { count: s.countries }),
    // "0 under 35" would mislead when ages were not given: say for how many they are unknown.
    youth: t('summary.youth', { count: s.youth, limit: s.youthAgeLimit })
      + (s.ageUnknown ? ` ${t('summary.ageUnknownNote', { count: s.ageUnknown })}` : ''),
  });
}

function bar(value, total, className) {
  const fill = h('span', { class: ['bar-fill', className] });
  // CSSOM, not a style attribute: allowed by the strict style-src CSP.
  fill.style.width = `${total ? Math.round((value / total) * 100) : 0}%`;
  return h('span', { class: 'bar', aria: { hidden: 'true' } }, fill);
}

export function createSummaryPanel(workshopId, ctx) {
  const root = h('aside', { class: 'summary-panel', testid: 'summary-panel', aria: { labelledby: 'summary-heading' } });
  let summary = null;
  // In a narrow window the panel sits above the list showing only the headline; the tables open on demand.
  let expanded = false;

  function draw() {
    clear(root);
    root.classList.toggle('is-expanded', expanded);
    const toggle = h('button', {
      type: 'button',
      class: 'btn btn-small btn-ghost summary-toggle',
      testid: 'summary-toggle',
      aria: { expanded: String(expanded), controls: 'summary-details' },
      text: expanded ? t('summary.hideDetails') : t('summary.showDetails'),
    });
    toggle.addEventListener('click', () => {
      expanded = !expanded;
      draw();
      root.querySelector('.summary-toggle')?.focus();
    });
    root.append(h('div', { class: 'summary-head' },
      h('h2', { class: 'panel-title', id: 'summary-heading', text: t('summary.title') }),
      summary?.total ? toggle : null));
    root.append(h('p', { class: 'summary-line', testid: 'summary-line', aria: { live: 'polite' }, text: summary ? headline(summary) : '' }));
    if (!summary || !summary.total) return;
    const s = summary;
    const details = h('div', { class: 'summary-details', id: 'summary-details' });
    root.append(details);

    const sexRows = [
      ['woman', s.women, 'bar-women'],
      ['man', s.men, 'bar-men'],
      ['another', s.another, 'bar-another'],
      ['not_stated', s.notStated, 'bar-unknown'],
    ].filter(([key, n]) => n > 0 || key === 'woman' || key === 'man');
    details.append(section(t('summary.bySex'), 'summary-by-sex',
      table([t('summary.colSex'), t('summary.colCount'), ''], sexRows.map(([key, n, cls]) => [
        t(`summary.sexPlural.${key}`),
        num(n),
        h('span', { class: 'bar-cell' }, bar(n, s.total, cls), h('span', { class: 'pct', text: formatPercent(n, s.total) })),
      ]))));

    details.append(section(t('summary.youthTitle', { limit: s.youthAgeLimit }), 'summary-youth',
      h('dl', { class: 'stat-list' },
        stat(t('summary.youthCount', { limit: s.youthAgeLimit }), s.youth),
        stat(t('summary.youthWomen'), s.youthWomen),
        stat(t('summary.ageUnknown'), s.ageUnknown))));

    const sort = collator();
    const countries = [...(s.byCountry ?? [])].sort((a, b) => b.total - a.total
      || sort.compare(countryName(a.country, a.countryName), countryName(b.country, b.countryName)));
    details.append(section(t('summary.byCountry'), 'summary-by-country',
      table([t('summary.colCountry'), t('summary.colTotal'), t('summary.colWomen')], countries.map((c) => [
        c.country ? countryName(c.country, c.countryName) : t('summary.noCountry'),
        num(c.total),
        num(c.women),
      ]))));

    details.append(section(t('summary.byRole'), 'summary-by-role',
      table([t('summary.colRole'), t('summary.colTotal'), t('summary.colWomen')], (s.byRole ?? []).map((r) => [
        roleLabel(r.role),
        num(r.total),
        num(r.women),
      ]))));
  }

  function num(n) {
    return h('span', { class: 'num', text: String(n ?? 0) });
  }

  function stat(label, value) {
    return h('div', { class: 'stat' }, h('dt', { text: label }), h('dd', { class: 'num', text: String(value ?? 0) }));
  }

  function section(title, testid, body) {
    return h('section', { class: 'summary-section', testid }, h('h3', { class: 'summary-section-title', text: title }), body);
  }

  function table(headers, rows) {
    return h('table', { class: 'mini-table' },
      h('thead', {}, h('tr', {}, headers.map((text, i) => h('th', { scope: 'col', class: i ? 'num' : null, text })))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) =>
        i === 0 ? h('th', { scope: 'row', dir: 'auto', text: cell }) : h('td', { class: i ? 'num' : null }, cell))))));
  }

  return {
    root,
    async refresh() {
      try {
        summary = await api.workshopSummary(workshopId);
        draw();
      } catch (err) {
        ctx.showError(err);
      }
      return summary;
    },
    get summary() {
      return summary;
    },
    draw,
  };
}
