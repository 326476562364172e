// Certificates of participation, for the closing session: one A4 page each, with the name in its
// own script and its Latin spelling, the organisation and country, the workshop, where and when,
// and lines for the signatures. Who receives one follows the core's rule (a share of the sessions
// counted, saved for the workshop), which the facilitator can overrule person by person; the
// certificates are printed in a language of their own, whatever the interface shows.
import { h, clear, debounce } from '../dom.js';
import { t, tIn, language, LANGUAGES } from '../i18n.js';
import * as api from '../api.js';
import { countryName, fold } from '../countries.js';
import { errorText } from '../errors.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { printButton, printIcon, printScreen, printTips } from '../print.js';

const SIGNATURE_LINES = 3;
/** Name sizes to try, largest first, until the name fits its line (see print.css). */
const NAME_STEPS = 4;

/** "23–27 November 2026" in the certificate's language (day-month order in English too). */
function dateRange(startIso, endIso, lang) {
  const format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const start = new Date(`${startIso}T00:00:00Z`);
  const end = new Date(`${endIso}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startIso ?? '';
  try {
    return format.formatRange(start, end);
  } catch {
    return `${format.format(start)} – ${format.format(end)}`;
  }
}

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;
  let list = await api.certificates(workshopId);
  const restore = params.restore ?? {};
  // Overruling the rule: below the share but ticked (an excused absence), or above it and not.
  const added = new Set(restore.added ?? []);
  const removed = new Set(restore.removed ?? []);
  let filter = restore.filter ?? '';
  let lang = restore.lang ?? language();

  const isChosen = (row) => (row.qualifies ? !removed.has(row.participantId) : added.has(row.participantId));
  const selected = () => list.rows.filter(isChosen);

  const sheet = h('div', { class: 'print-sheets certificate-sheet', testid: 'certificate-sheet' });
  const countLine = h('p', { class: 'muted print-count', testid: 'certificate-count', aria: { live: 'polite' } });

  // ----- one certificate -----
  function certificate(row) {
    const place = [list.venueCity, countryName(list.country, list.countryName, lang)].filter(Boolean).join(', ');
    const from = [row.organisation, countryName(row.country, row.countryName, lang)].filter(Boolean).join(', ');
    const signers = list.options.signatories.length ? list.options.signatories : [null, null];
    return h('section', {
      class: 'paper-page paper-certificate',
      testid: 'certificate',
      lang,
      data: { participant: row.participantId },
    },
    h('div', { class: 'certificate-frame' },
      list.organisers ? h('p', { class: 'certificate-organisers', dir: 'auto', text: list.organisers }) : null,
      h('div', { class: 'certificate-body' },
        h('h2', { class: 'certificate-heading', testid: 'certificate-heading', text: tIn(lang, 'certificate.heading') }),
        h('p', { class: 'certificate-line', text: tIn(lang, 'certificate.certifies') }),
        h('div', { class: 'certificate-names' },
          h('p', { class: 'certificate-name name-size-0', dir: 'auto', testid: 'certificate-name', text: row.fullName }),
          row.nameLatin ? h('p', { class: 'certificate-latin', testid: 'certificate-latin', text: row.nameLatin }) : null),
        from ? h('p', { class: 'certificate-from', dir: 'auto', text: from }) : null,
        h('p', { class: 'certificate-line', text: tIn(lang, 'certificate.tookPart') }),
        h('p', { class: 'certificate-title', dir: 'auto', testid: 'certificate-title', text: list.title }),
        h('p', {
          class: 'certificate-line',
          testid: 'certificate-held',
          text: place
            ? tIn(lang, 'certificate.held', { place, dates: dateRange(list.startDate, list.endDate, lang) })
            : tIn(lang, 'certificate.heldOn', { dates: dateRange(list.startDate, list.endDate, lang) }),
        })),
      h('div', { class: 'certificate-signatures' }, signers.map((signer) => h('div', { class: 'certificate-signature', testid: 'certificate-signature' },
        h('span', { class: 'certificate-signature-line', aria: { hidden: 'true' } }),
        h('p', { dir: 'auto', text: signer ?? tIn(lang, 'certificate.signature') })))),
      list.programmeCode ? h('p', { class: 'certificate-code', text: list.programmeCode }) : null));
  }

  /** Shrinks each name until it fits one line of the certificate. */
  function fitNames() {
    for (const name of sheet.querySelectorAll('.certificate-name')) {
      for (let step = 0; step < NAME_STEPS; step += 1) {
        name.className = `certificate-name name-size-${step}`;
        if (name.scrollWidth <= name.clientWidth + 1) break;
      }
    }
  }

  function drawSheet() {
    const chosen = selected();
    clear(sheet);
    if (!chosen.length) {
      sheet.append(h('div', { class: 'empty-note', testid: 'certificates-empty' },
        printIcon('award', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: list.rows.length ? t('certificates.emptyTitle') : t('certificates.noParticipants') }),
        h('p', { class: 'muted', text: list.rows.length ? t('certificates.emptyText') : t('certificates.noParticipantsText') })));
    }
    sheet.append(...chosen.map(certificate));
    countLine.textContent = chosen.length
      ? `${t('certificates.count', { count: chosen.length })} · ${t('print.pages', { count: chosen.length })}`
      : '';
    printBtn.disabled = !chosen.length;
    if (sheet.isConnected) fitNames();
  }

  // ----- the rule -----
  const errors = createFieldErrors();
  const thresholdInput = h('input', {
    type: 'number',
    class: 'input input-small certificate-threshold',
    min: 0,
    max: 100,
    step: 5,
    value: list.options.threshold,
    testid: 'certificate-threshold',
  });
  const thresholdField = field({ label: t('certificates.threshold'), control: thresholdInput });
  errors.register('threshold', { control: thresholdInput, container: thresholdField });
  const countedLine = h('p', { class: 'muted small', testid: 'certificate-counted' });
  const qualifiedLine = h('p', { class: 'certificate-qualified', testid: 'certificate-qualified' });
  const othersLine = h('p', { class: 'muted small', testid: 'certificate-others' });

  const signatoryInputs = Array.from({ length: SIGNATURE_LINES }, (_, i) => h('input', {
    type: 'text',
    class: 'input input-small',
    maxlength: 120,
    value: list.options.signatories[i] ?? '',
    placeholder: t('certificates.signatoryPlaceholder'),
    testid: 'certificate-signatory',
    aria: { label: t('certificates.signatory', { n: i + 1 }) },
  }));
  const signatoryGroup = h('fieldset', { class: 'fieldset certificate-signatories' },
    h('legend', { class: 'field-label', text: t('certificates.signatories') }),
    signatoryInputs);
  const signatoryField = h('div', { class: 'field' }, signatoryGroup);
  errors.register('signatories', { control: signatoryGroup, container: signatoryField, focusTarget: signatoryInputs[0] });

  function drawRule() {
    const qualified = list.rows.filter((row) => row.qualifies).length;
    const all = list.sessionsCounted > 0 && list.sessionsCounted === list.sessionsTotal;
    countedLine.textContent = t(all ? 'certificates.countedAll' : 'certificates.counted', { count: list.sessionsCounted, total: list.sessionsTotal });
    qualifiedLine.textContent = t('certificates.qualified', { count: qualified, total: list.rows.length });
    othersLine.textContent = list.others ? t('certificates.others', { count: list.others }) : '';
    othersLine.hidden = !list.others;
  }

  let saving = Promise.resolve();
  /** Saves the rule and the signature lines for the workshop; the list comes back judged by them. */
  function save() {
    saveSoon.cancel();
    const threshold = Number(thresholdInput.value);
    errors.clearAll();
    if (thresholdInput.value.trim() === '' || !Number.isInteger(threshold) || threshold < 0 || threshold > 100) {
      errors.show('threshold', t('errors.out_of_range.threshold'));
      return saving;
    }
    const options = { threshold, signatories: signatoryInputs.map((input) => input.value) };
    saving = saving.then(async () => {
      try {
        list = await api.setCertificateOptions(workshopId, options);
        // The list is drawn again: keep the focus on the same person's box if it was on one.
        const focused = choiceList.contains(document.activeElement) ? document.activeElement.dataset.participant : null;
        drawRule();
        drawChoices();
        drawSheet();
        if (focused) choiceList.querySelector(`[data-participant="${CSS.escape(focused)}"]`)?.focus();
      } catch (err) {
        if (!errors.show(err?.field, errorText(err))) errors.show('threshold', errorText(err));
      }
    });
    return saving;
  }
  const saveSoon = debounce(save, 400);
  thresholdInput.addEventListener('input', saveSoon);
  thresholdInput.addEventListener('change', save);
  for (const input of signatoryInputs) input.addEventListener('change', save);

  // ----- the language -----
  const languageSelect = h('select', { class: 'select', testid: 'certificate-language' },
    LANGUAGES.map((l) => h('option', { value: l.code, selected: l.code === lang, text: l.label })));
  languageSelect.addEventListener('change', () => {
    lang = languageSelect.value;
    drawSheet();
  });

  // ----- who, person by person -----
  const search = h('input', {
    type: 'search',
    class: 'input input-small',
    value: filter,
    placeholder: t('certificates.filter'),
    testid: 'certificates-filter',
    aria: { label: t('certificates.filter') },
  });
  const choiceList = h('div', { class: 'certificate-choices', testid: 'certificate-choices' });

  function choice(row) {
    const box = h('input', { type: 'checkbox', checked: isChosen(row), testid: 'certificate-choice', data: { participant: row.participantId } });
    box.addEventListener('change', () => {
      // Only the latest choice counts, whichever side of the share the person is on later.
      const id = row.participantId;
      added.delete(id);
      removed.delete(id);
      if (box.checked !== row.qualifies) (box.checked ? added : removed).add(id);
      drawSheet();
    });
    return h('li', {},
      h('label', { class: ['check', 'badge-choice', !row.qualifies && 'is-below'] }, box,
        h('span', { class: 'badge-choice-text' },
          h('span', { dir: 'auto', text: row.fullName }),
          row.nameLatin ? h('span', { class: 'muted small', text: row.nameLatin }) : null),
        h('span', {
          class: 'certificate-attended',
          testid: 'certificate-attended',
          title: t('certificates.attendedTitle', { attended: row.attended, counted: list.sessionsCounted }),
          text: t('certificates.attended', { attended: row.attended, counted: list.sessionsCounted }),
        })));
  }

  function drawChoices() {
    clear(choiceList);
    const q = fold(filter);
    const shown = list.rows.filter((row) => !q || fold(`${row.fullName} ${row.nameLatin ?? ''} ${row.organisation}`).includes(q));
    const groups = [
      { rows: shown.filter((row) => row.qualifies), heading: t('certificates.qualifyHeading'), testid: 'certificate-qualify-group' },
      { rows: shown.filter((row) => !row.qualifies), heading: t('certificates.belowHeading', { threshold: list.options.threshold }), testid: 'certificate-below-group' },
    ];
    for (const group of groups) {
      if (!group.rows.length) continue;
      choiceList.append(
        h('h3', { class: 'certificate-group-heading', text: `${group.heading} (${group.rows.length})` }),
        h('ul', { class: 'badge-choices', testid: group.testid }, group.rows.map(choice)));
    }
  }
  search.addEventListener('input', () => {
    filter = search.value;
    drawChoices();
  });

  const printBtn = printButton();
  const panel = h('aside', { class: 'print-panel no-print certificate-panel', aria: { label: t('certificates.rule') } },
    h('h2', { class: 'panel-title', text: t('certificates.rule') }),
    thresholdField,
    countedLine,
    qualifiedLine,
    othersLine,
    h('div', { class: 'badge-chooser' }, search, choiceList),
    field({ label: t('certificates.language'), control: languageSelect }),
    signatoryField,
    printTips(t('certificates.tipChoose'), t('certificates.tipPaper')));

  const root = printScreen({ workshopId, title: t('certificates.title'), countLine, printBtn, panel, sheet });

  drawRule();
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
    snapshot: () => ({ added: [...added], removed: [...removed], filter, lang }),
  };
}
