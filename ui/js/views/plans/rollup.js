// The roll-up, for the closing plenary: the actions counted by status, theme and due month; the
// countries (and the regional plans) against the themes; and the plans side by side, national
// ones by country beside the regional ones (and the organisational ones, if any).
import { h, icon, clear } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import * as api from '../../api.js';
import { countryName } from '../../countries.js';
import { formatDay, localIsoDay } from '../../format.js';
import { themeLabel, statusLabel, scopeLabel, monthLabel, statusStack } from './labels.js';

export function createRollup(page) {
  const el = h('div', { class: 'rollup', testid: 'rollup', role: 'tabpanel' });
  let reads = 0; // only the newest roll-up asked for is drawn

  async function draw() {
    const read = ++reads;
    let r;
    try {
      r = await api.plansRollup(page.workshopId);
    } catch (err) {
      page.ctx.showError(err);
      return;
    }
    if (read !== reads) return;
    clear(el);
    const total = r.byStatus.reduce((n, c) => n + c.count, 0);
    if (!page.plans.length) {
      el.append(h('div', { class: 'empty-note', testid: 'rollup-empty' },
        icon('plan', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('plans.rollup.emptyTitle') }),
        h('p', { class: 'muted', text: t('plans.rollup.emptyText') })));
      return;
    }
    const today = localIsoDay().slice(0, 7);
    const matrix = themeMatrix(r);
    el.append(
      h('div', { class: 'rollup-stats' },
        statCard('rollup-status', t('plans.rollup.byStatus'), total,
          r.byStatus.map((c) => ({ key: c.key, label: statusLabel(c.key), count: c.count, cls: `status-${c.key}` })), ''),
        statCard('rollup-theme', t('plans.rollup.byTheme'), total,
          r.byTheme.map((c) => ({ key: c.key, label: themeLabel(c.key), count: c.count, cls: 'is-theme' })), t('plans.rollup.noThemes')),
        statCard('rollup-month', t('plans.rollup.byMonth'), total,
          r.byDueMonth.map((c) => ({
            key: c.key,
            label: c.key === 'none' ? t('plans.rollup.noDueDate') : monthLabel(c.key),
            count: c.count,
            cls: c.key === 'none' ? 'is-none' : c.key < today ? 'is-past' : 'is-month',
          })), t('plans.rollup.noDates'))),
      ...(matrix ? [matrix] : []),
      h('div', { class: ['rollup-columns', r.organisational.length && 'has-three'] },
        h('section', { class: 'rollup-column', testid: 'rollup-national', aria: { labelledby: 'rollup-national-title' } },
          h('h2', { class: 'rollup-column-title', id: 'rollup-national-title' }, icon('pin'), h('span', { text: t('plans.rollup.national') })),
          ...(r.national.length
            ? r.national.map((c) => h('div', { class: 'rollup-country', testid: 'rollup-country', data: { country: c.country } },
              h('h3', { class: 'rollup-country-name' }, h('span', { text: countryName(c.country) || t('plans.rollup.noCountry') }), h('span', { class: 'rollup-code', text: c.country })),
              ...(c.themes.length ? [h('div', { class: 'row-themes' }, c.themes.map((th) => h('span', { class: 'tag tag-theme', dir: 'auto' }, themeLabel(th.key), h('span', { class: 'tag-count', text: formatNumber(th.count) }))))] : []),
              c.plans.map(planSummary)))
            : [h('p', { class: 'muted', text: t('plans.rollup.noNational') })])),
        h('section', { class: 'rollup-column rollup-regional', testid: 'rollup-regional', aria: { labelledby: 'rollup-regional-title' } },
          h('h2', { class: 'rollup-column-title', id: 'rollup-regional-title' }, icon('globe'), h('span', { text: t('plans.rollup.regional') })),
          ...(r.regional.length ? r.regional.map(planSummary) : [h('p', { class: 'muted', text: t('plans.rollup.noRegional') })])),
        ...(r.organisational.length
          ? [h('section', { class: 'rollup-column', testid: 'rollup-organisational', aria: { labelledby: 'rollup-org-title' } },
            h('h2', { class: 'rollup-column-title', id: 'rollup-org-title' }, icon('users'), h('span', { text: t('plans.rollup.organisational') })),
            r.organisational.map(planSummary))]
          : [])));
  }

  return { el, draw };
}

/** A card of bars, a row ({ key, label, count, cls }) each, as long as its count against the largest. */
function statCard(testid, title, total, rows, emptyText) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return h('section', { class: 'rollup-card', testid, aria: { label: title } },
    h('h3', { class: 'rollup-card-title' }, h('span', { text: title }), h('span', { class: 'muted rollup-card-total', text: t('plans.actionCount', { count: total }) })),
    rows.length
      ? h('ul', { class: 'rollup-bars' }, rows.map((r) => {
        const fill = h('span', { class: ['rollup-fill', r.cls] });
        fill.style.width = `${(r.count / max) * 100}%`;
        return h('li', { class: 'rollup-row', testid: `${testid}-row`, data: { key: r.key, count: r.count } },
          h('span', { class: 'rollup-label', dir: 'auto', title: r.label, text: r.label }),
          h('span', { class: 'rollup-bar', aria: { hidden: 'true' } }, fill),
          h('span', { class: 'rollup-count num', text: formatNumber(r.count) }));
      }))
      : h('p', { class: 'muted', text: emptyText }));
}

/** Countries (and the regional plans) against themes: where the plans meet. */
function themeMatrix(r) {
  const columns = r.byTheme.slice(0, 8).map((c) => c.key);
  if (!columns.length) return null;
  const rows = [
    ...r.national.map((c) => ({
      label: countryName(c.country) || c.country,
      kind: 'national',
      counts: new Map(c.themes.map((x) => [x.key, x.count])),
    })),
    ...r.regional.map((p) => {
      const counts = new Map();
      for (const a of p.actions) for (const th of a.themes ?? []) counts.set(th, (counts.get(th) ?? 0) + 1);
      return { label: p.title, kind: 'regional', counts };
    }),
  ];
  if (!rows.length) return null;
  const max = Math.max(1, ...rows.flatMap((row) => [...row.counts.values()]));
  return h('section', { class: 'rollup-matrix-card', testid: 'rollup-matrix', aria: { labelledby: 'rollup-matrix-title' } },
    h('h2', { class: 'rollup-column-title', id: 'rollup-matrix-title' }, icon('board'), h('span', { text: t('plans.rollup.matrix') })),
    h('div', { class: 'table-wrap rollup-matrix-wrap' },
      h('table', { class: 'data-table rollup-matrix' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('plans.rollup.countryOrPlan') }),
          columns.map((key) => h('th', { scope: 'col', class: 'matrix-theme', title: themeLabel(key) }, h('span', { dir: 'auto', text: themeLabel(key) }))))),
        h('tbody', {}, rows.map((row) => h('tr', { class: `matrix-${row.kind}` },
          h('th', { scope: 'row' },
            ...(row.kind === 'regional' ? [h('span', { class: 'tag tag-scope scope-regional', text: scopeLabel('regional') })] : []),
            h('span', { dir: 'auto', text: row.label })),
          columns.map((key) => {
            const n = row.counts.get(key) ?? 0;
            const level = n ? Math.min(4, Math.ceil((n / max) * 4)) : 0;
            return h('td', { class: ['matrix-cell', `level-${level}`], title: `${row.label} · ${themeLabel(key)}: ${n}`, text: n ? formatNumber(n) : '·' });
          })))))));
}

/** A plan in brief: its title, who made it, its statuses and its first six actions. */
function planSummary(plan) {
  const shown = plan.actions.slice(0, 6);
  return h('article', { class: 'rollup-plan', testid: 'rollup-plan', data: { plan: plan.id } },
    h('div', { class: 'rollup-plan-head' },
      h('h4', { class: 'rollup-plan-title', dir: 'auto', text: plan.title }),
      ...(plan.groupName || plan.organisation
        ? [h('span', { class: 'muted rollup-plan-meta', dir: 'auto', text: [plan.organisation, plan.groupName].filter(Boolean).join(' · ') })]
        : [])),
    statusStack(plan.actions),
    ...(shown.length
      ? [h('ol', { class: 'rollup-actions' }, shown.map((a) => h('li', { class: `status-${a.status}` },
        h('span', { class: ['status-dot', `status-${a.status}`], title: statusLabel(a.status) }),
        h('span', { class: 'rollup-action-text', dir: 'auto', text: a.description }),
        ...(a.dueDate ? [h('span', { class: 'muted nowrap', text: formatDay(a.dueDate) })] : []))))]
      : []),
    ...(plan.actions.length > shown.length ? [h('p', { class: 'muted small', text: t('plans.rollup.more', { count: plan.actions.length - shown.length }) })] : []));
}
