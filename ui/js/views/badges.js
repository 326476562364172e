// The sheet of name badges: A4 pages of eight badges (two across, four down, 90 × 60 mm each, cut
// along the dotted lines), each with the name in its own script, the Latin spelling, the
// organisation, the country and the badge code with its QR code (drawn by the core). Everyone's
// badges, or only the ones chosen (`?participant=ID` starts with one).
import { h, clear } from '../dom.js';
import { t, collator } from '../i18n.js';
import * as api from '../api.js';
import { countryName, fold } from '../countries.js';
import { roleLabel } from '../format.js';
import { printButton, printIcon, printScreen, printTips, svgFromCore, pages } from '../print.js';

const PER_PAGE = 8;
/** Name sizes to try, largest first, until the name fits its two lines (see app.css). */
const NAME_STEPS = 7;

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  const cards = await api.badgeSheet(workshopId, null);
  const restore = params.restore ?? {};

  const wanted = params.query?.get('participant');
  let chooseSome = restore.chooseSome ?? Boolean(wanted);
  const chosen = new Set(restore.chosen ?? (wanted ? [wanted] : []));
  let filter = restore.filter ?? '';

  const sheet = h('div', { class: 'print-sheets badge-sheet', testid: 'badge-sheet' });
  const countLine = h('p', { class: 'muted print-count', testid: 'badge-count', aria: { live: 'polite' } });

  function selected() {
    return chooseSome ? cards.filter((c) => chosen.has(c.participantId)) : cards;
  }

  function badge(card) {
    const latin = card.nameLatin ?? '';
    const country = countryName(card.country, card.countryName);
    const qr = svgFromCore(card.qrSvg, { className: 'badge-qr', label: t('badges.qrLabel', { code: card.badgeCode }) });
    qr?.setAttribute('data-testid', 'badge-qr');
    return h('article', {
      class: ['badge-card', `role-${card.role}`],
      testid: 'badge-card',
      data: { participant: card.participantId },
    },
    h('header', { class: 'badge-top' },
      h('span', { class: 'badge-event', dir: 'auto', text: workshop.title }),
      card.role !== 'participant' ? h('span', { class: 'badge-role', text: roleLabel(card.role) }) : null),
    h('div', { class: 'badge-names' },
      h('p', { class: 'badge-name name-size-0', dir: 'auto', testid: 'badge-name', text: card.fullName }),
      latin ? h('p', { class: 'badge-latin', testid: 'badge-latin', text: latin }) : null),
    h('div', { class: 'badge-bottom' },
      h('div', { class: 'badge-where' },
        card.organisation ? h('p', { class: 'badge-org', dir: 'auto', text: card.organisation }) : null,
        country ? h('p', { class: 'badge-country', text: country }) : null),
      h('div', { class: 'badge-code-block' },
        qr,
        h('span', { class: 'badge-code', testid: 'badge-code', text: card.badgeCode }))));
  }

  /** Shrinks each name until it fits its box: long names and tall scripts stay whole. */
  function fitNames() {
    for (const name of sheet.querySelectorAll('.badge-name')) {
      const box = name.parentElement;
      for (let step = 0; step < NAME_STEPS; step += 1) {
        name.className = `badge-name name-size-${step}`;
        if (box.scrollHeight <= box.clientHeight + 1 && name.scrollWidth <= name.clientWidth + 1) break;
      }
    }
  }

  function drawSheet() {
    const list = selected();
    const groups = pages(list, PER_PAGE);
    clear(sheet);
    if (!list.length) {
      sheet.append(h('div', { class: 'empty-note', testid: 'badges-empty' },
        printIcon('badge', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: cards.length ? t('badges.noneChosen') : t('badges.emptyTitle') }),
        h('p', { class: 'muted', text: cards.length ? t('badges.noneChosenText') : t('badges.emptyText') })));
    }
    groups.forEach((group, i) => {
      sheet.append(h('section', {
        class: 'paper-page paper-badges',
        testid: 'badge-page',
        aria: { label: t('print.pageOf', { page: i + 1, pages: groups.length }) },
      }, h('div', { class: 'badge-grid' }, group.map(badge))));
    });
    countLine.textContent = list.length
      ? `${t('badges.count', { count: list.length })} · ${t('print.pages', { count: groups.length })}`
      : '';
    printBtn.disabled = !list.length;
    if (sheet.isConnected) fitNames();
  }

  // ----- what to print -----
  const everyone = h('input', { type: 'radio', name: 'badge-choice', value: 'all', checked: !chooseSome, testid: 'badges-all' });
  const some = h('input', { type: 'radio', name: 'badge-choice', value: 'some', checked: chooseSome, testid: 'badges-some' });
  const search = h('input', {
    type: 'search',
    class: 'input input-small',
    value: filter,
    placeholder: t('badges.filter'),
    testid: 'badges-filter',
    aria: { label: t('badges.filter') },
  });
  const choiceList = h('ul', { class: 'badge-choices', testid: 'badge-choices' });
  const chooser = h('div', { class: 'badge-chooser' }, search, choiceList,
    h('div', { class: 'badge-chooser-actions' },
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'badges-choose-none', text: t('badges.chooseNone'),
        on: { click: () => { chosen.clear(); drawChoices(); drawSheet(); } } })));

  const sorted = [...cards].sort((a, b) => collator().compare(a.nameLatin || a.fullName, b.nameLatin || b.fullName));
  function drawChoices() {
    chooser.hidden = !chooseSome;
    clear(choiceList);
    const q = fold(filter);
    for (const card of sorted) {
      const text = fold(`${card.fullName} ${card.nameLatin ?? ''} ${card.organisation} ${card.badgeCode}`);
      if (q && !text.includes(q)) continue;
      const box = h('input', { type: 'checkbox', checked: chosen.has(card.participantId), testid: 'badge-choice',
        data: { participant: card.participantId } });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(card.participantId);
        else chosen.delete(card.participantId);
        drawSheet();
      });
      choiceList.append(h('li', {},
        h('label', { class: 'check badge-choice' }, box,
          h('span', { class: 'badge-choice-text' },
            h('span', { dir: 'auto', text: card.fullName }),
            card.nameLatin ? h('span', { class: 'muted small', text: card.nameLatin }) : null))));
    }
  }
  search.addEventListener('input', () => {
    filter = search.value;
    drawChoices();
  });
  for (const radio of [everyone, some]) {
    radio.addEventListener('change', () => {
      chooseSome = some.checked;
      drawChoices();
      drawSheet();
    });
  }

  const printBtn = printButton();
  const panel = h('aside', { class: 'print-panel no-print', aria: { label: t('badges.whatToPrint') } },
    h('h2', { class: 'panel-title', text: t('badges.whatToPrint') }),
    h('fieldset', { class: 'fieldset print-choice' },
      h('legend', { class: 'sr-only', text: t('badges.whatToPrint') }),
      h('label', { class: 'check' }, everyone, h('span', { text: t('badges.everyone', { count: cards.length }) })),
      h('label', { class: 'check' }, some, h('span', { text: t('badges.some') }))),
    chooser,
    printTips(t('badges.tipScale'), t('badges.tipCut')));

  const root = printScreen({ workshopId, title: t('badges.title'), countLine, printBtn, panel, sheet });

  drawChoices();
  drawSheet();

  return {
    root,
    focus(opts = {}) {
      fitNames();
      // Fonts for other scripts may arrive after the first layout: measure again then.
      document.fonts?.ready?.then(() => fitNames());
      if (!opts.restoring) root.querySelector('h1')?.focus({ preventScroll: true });
    },
    snapshot: () => ({ chooseSome, chosen: [...chosen], filter }),
  };
}
