// The sign-in kiosk: a full-screen window turned towards the door. A participant types three letters
// of their name (or scans their badge), picks their name, confirms, and is signed in for the session
// of the moment. Someone who is not on the list registers themself as a walk-in. Nothing here shows
// more than a name and an organisation, and the window can call only the kiosk's commands: the
// facilitator's PIN ends kiosk mode.
import { h, icon, clear } from './dom.js';
import { t, LANGUAGES, language, setLanguage } from './i18n.js';
import * as api from './api.js';
import { setCountries } from './state.js';
import { formatSlotDay, sessionName as formatSessionName } from './format.js';
import { createCountryPicker } from './components/country-picker.js';

/** Back to an empty search after this long without a touch or a key. */
const IDLE_MS = 30_000;
/** How long the "signed in" message stays. */
const MESSAGE_MS = 6_000;
/** Status (date, session) is refreshed this often: the session changes at lunch. */
const STATUS_MS = 60_000;

const root = document.getElementById('kiosk-root');
let status = null;
let screen = 'search';
let query = '';
let results = { matches: [], badge: false, searched: false };
let chosen = null; // the match being confirmed
let message = null; // { kind: 'success' | 'info' | 'error', icon?, title, detail }
let searchSeq = 0;
let idleTimer = null;
let messageTimer = null;
let busy = false;

/** The grid's session names, except that a one-session workshop's kiosk says "Today". */
function sessionName(session, perDay) {
  return perDay <= 1 ? t('kiosk.session.day') : formatSessionName(session, perDay);
}

/** "Day 2, Tuesday 9 May, morning" */
function slotText({ dayNumber, slot, sessionsPerDay }) {
  return t('kiosk.slot', {
    day: dayNumber,
    date: formatSlotDay(slot.day, { long: true }),
    session: sessionName(slot.session, sessionsPerDay).toLocaleLowerCase(language()),
  });
}

function errorText(err) {
  switch (err?.code) {
    case 'outside_workshop':
      return closedText();
    case 'forbidden':
      return t('kiosk.error.forbidden');
    case 'not_found':
      return t('kiosk.error.notFound');
    default:
      return err?.message || t('kiosk.error.generic');
  }
}

function closedText() {
  if (!status) return t('kiosk.error.generic');
  if (status.today < status.firstDay) return t('kiosk.closed.before', { date: formatSlotDay(status.firstDay, { long: true }) });
  return t('kiosk.closed.after', { date: formatSlotDay(status.lastDay, { long: true }) });
}

// ---- Timers: every touch or key restarts the idle countdown.

function touch() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(reset, IDLE_MS);
}

function reset() {
  clearTimeout(messageTimer);
  screen = 'search';
  query = '';
  results = { matches: [], badge: false, searched: false };
  chosen = null;
  message = null;
  if (status && language() !== status.language) setLanguage(status.language);
  render();
}

async function refreshStatus() {
  try {
    status = await api.kioskStatus();
  } catch (err) {
    status = null;
    message = { kind: 'error', title: errorText(err) };
  }
}

// ---- Actions

async function search(text) {
  query = text;
  const seq = ++searchSeq;
  // The core decides whether a query is enough to search (three letters; a Chinese character
  // or a Korean syllable counts as two): nothing to ask for an empty box.
  if (!text.trim()) {
    results = { matches: [], badge: false, searched: false };
    renderResults();
    return;
  }
  try {
    const found = await api.kioskSearch(text);
    if (seq !== searchSeq) return; // a later keystroke already asked again
    results = found;
  } catch (err) {
    if (seq !== searchSeq) return;
    results = { matches: [], badge: false, searched: true, error: errorText(err) };
  }
  renderResults();
}

async function signIn(match, method) {
  if (busy) return;
  busy = true;
  try {
    const done = await api.kioskSignIn(match.participantId, method);
    showSignedIn(done);
  } catch (err) {
    showMessage({ kind: 'error', title: errorText(err) });
  } finally {
    busy = false;
  }
}

function showSignedIn(done) {
  const name = done.participant.fullName;
  showMessage(done.alreadySignedIn
    ? { kind: 'info', title: t('kiosk.already', { name }), detail: t('kiosk.alreadyDetail', { slot: slotText(done) }) }
    : { kind: 'success', title: t('kiosk.signedIn', { slot: slotText(done) }), detail: t('kiosk.welcome', { name }) });
}

function showMessage(next) {
  message = next;
  screen = 'message';
  render();
  clearTimeout(messageTimer);
  messageTimer = setTimeout(reset, MESSAGE_MS);
}

// ---- Screens

function languageChoice() {
  return h('div', { class: 'kiosk-languages', role: 'group', aria: { label: t('kiosk.language') }, testid: 'kiosk-language' },
    LANGUAGES.map(({ code, label }) => h('button', {
      type: 'button',
      class: ['kiosk-lang', code === language() && 'is-current'],
      lang: code,
      text: label,
      testid: `kiosk-language-${code}`,
      aria: { pressed: code === language() ? 'true' : 'false' },
      on: { click: () => { setLanguage(code); render(); } },
    })));
}

function header() {
  const today = status ? formatSlotDay(status.today, { long: true }) : '';
  const when = status?.slot
    ? [t('kiosk.dayN', { n: status.dayNumber }), sessionName(status.slot.session, status.sessionsPerDay)].join(' · ')
    : '';
  return h('header', { class: 'kiosk-header' },
    h('div', { class: 'kiosk-workshop' },
      h('div', { class: 'kiosk-title', dir: 'auto', testid: 'kiosk-title', text: status?.workshopTitle ?? t('app.name') }),
      h('div', { class: 'kiosk-when', testid: 'kiosk-when' },
        h('span', { class: 'kiosk-today', text: today }),
        when && h('span', { class: 'kiosk-session', testid: 'kiosk-session', text: when }))),
    languageChoice());
}

function searchScreen() {
  if (status && !status.slot) {
    return h('section', { class: 'kiosk-panel kiosk-closed', testid: 'kiosk-closed' },
      h('h1', { class: 'kiosk-lead', text: t('kiosk.closed.title') }),
      h('p', { class: 'kiosk-sub', text: closedText() }));
  }
  const input = h('input', {
    type: 'search',
    class: 'kiosk-search',
    id: 'kiosk-search',
    testid: 'kiosk-search',
    value: query,
    autocomplete: 'off',
    attrs: { spellcheck: 'false', autocapitalize: 'words', enterkeyhint: 'search' },
    placeholder: t('kiosk.searchPlaceholder'),
    aria: { describedby: 'kiosk-search-hint', controls: 'kiosk-results' },
    on: {
      input: () => search(input.value),
      keydown: (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onEnter(input.value);
        } else if (e.key === 'ArrowDown') {
          e.preventDefault();
          root.querySelector('[data-testid="kiosk-result"]')?.focus();
        } else if (e.key === 'Escape') {
          reset();
        }
      },
    },
  });
  const panel = h('section', { class: 'kiosk-panel kiosk-find' },
    h('h1', { class: 'kiosk-lead', text: t('kiosk.lead') }),
    h('label', { class: 'sr-only', for: 'kiosk-search', text: t('kiosk.searchLabel') }),
    h('div', { class: 'kiosk-search-wrap' }, icon('search', 'icon kiosk-search-icon'), input),
    h('p', { class: 'kiosk-hint', id: 'kiosk-search-hint', text: t('kiosk.hint') }),
    h('ul', { class: 'kiosk-results', id: 'kiosk-results', testid: 'kiosk-results', aria: { live: 'polite' } }));
  queueMicrotask(() => input.focus());
  return panel;
}

/** Enter in the search box: a scanned or typed badge signs in at once; one name asks first. */
async function onEnter(text) {
  // A scanner types fast and presses Enter at once: make sure the results are for this text.
  if (text !== query || !results.matches.length) await search(text);
  if (results.badge && results.matches.length === 1) {
    signIn(results.matches[0], 'badge');
  } else if (results.matches.length === 1) {
    confirm(results.matches[0]);
  } else {
    root.querySelector('[data-testid="kiosk-result"]')?.focus();
  }
}

function renderResults() {
  const list = root.querySelector('#kiosk-results');
  if (!list) return;
  clear(list);
  if (results.error) {
    list.append(h('li', { class: 'kiosk-none', testid: 'kiosk-no-match', text: results.error }));
    return;
  }
  if (results.searched && !results.matches.length) {
    list.append(h('li', { class: 'kiosk-none', testid: 'kiosk-no-match' },
      h('span', { text: t('kiosk.noMatch') }), ' ',
      h('button', { type: 'button', class: 'kiosk-link', text: t('kiosk.notOnList'), on: { click: openWalkIn } })));
    return;
  }
  results.matches.forEach((match, i) => {
    const button = h('button', {
      type: 'button',
      class: 'kiosk-result',
      testid: 'kiosk-result',
      on: {
        click: () => (results.badge ? signIn(match, 'badge') : confirm(match)),
        keydown: (e) => moveInResults(e, i),
      },
    },
    h('span', { class: 'kiosk-result-name', dir: 'auto', text: match.fullName }),
    match.nameLatin && match.nameLatin !== match.fullName && h('span', { class: 'kiosk-result-latin', dir: 'auto', text: match.nameLatin }),
    match.organisation && h('span', { class: 'kiosk-result-org', dir: 'auto', text: match.organisation }));
    list.append(h('li', {}, button));
  });
}

function moveInResults(e, i) {
  const buttons = [...root.querySelectorAll('[data-testid="kiosk-result"]')];
  if (e.key === 'ArrowDown') buttons[Math.min(i + 1, buttons.length - 1)]?.focus();
  else if (e.key === 'ArrowUp') (i === 0 ? root.querySelector('#kiosk-search') : buttons[i - 1])?.focus();
  else if (e.key === 'Escape') root.querySelector('#kiosk-search')?.focus();
  else return;
  e.preventDefault();
}

function confirm(match) {
  chosen = match;
  screen = 'confirm';
  render();
}

function confirmScreen() {
  const yes = h('button', {
    type: 'button', class: 'kiosk-button kiosk-primary', testid: 'kiosk-confirm-yes',
    on: { click: () => signIn(chosen, 'kiosk') },
  }, icon('check', 'icon'), h('span', { text: t('kiosk.confirmYes') }));
  const no = h('button', {
    type: 'button', class: 'kiosk-button', testid: 'kiosk-confirm-no',
    on: { click: () => { screen = 'search'; render(); } },
  }, h('span', { text: t('kiosk.confirmNo') }));
  queueMicrotask(() => yes.focus());
  return h('section', { class: 'kiosk-panel kiosk-confirm', testid: 'kiosk-confirm', role: 'alertdialog', aria: { labelledby: 'kiosk-confirm-title' } },
    h('h1', { class: 'kiosk-lead', id: 'kiosk-confirm-title' },
      t('kiosk.confirmTitle'), ' ',
      h('bdi', { class: 'kiosk-confirm-name', dir: 'auto', testid: 'kiosk-confirm-name', text: chosen.fullName }), '?'),
    chosen.organisation && h('p', { class: 'kiosk-sub', dir: 'auto', text: chosen.organisation }),
    h('div', { class: 'kiosk-actions' }, yes, no));
}

function messageScreen() {
  const done = h('button', {
    type: 'button', class: 'kiosk-button', testid: 'kiosk-done', text: t('kiosk.done'),
    on: { click: reset },
  });
  queueMicrotask(() => done.focus());
  return h('section', { class: ['kiosk-panel', 'kiosk-message', `is-${message.kind}`], testid: 'kiosk-message', role: 'status', data: { kind: message.kind } },
    h('div', { class: 'kiosk-message-icon', aria: { hidden: 'true' } }, icon(message.icon ?? (message.kind === 'error' ? 'alert' : 'check'), 'icon')),
    h('h1', { class: 'kiosk-lead', testid: 'kiosk-message-title', text: message.title }),
    message.detail && h('p', { class: 'kiosk-sub', dir: 'auto', testid: 'kiosk-message-detail', text: message.detail }),
    h('div', { class: 'kiosk-actions' }, done));
}

// ---- "I am not on the list": the walk-in's own registration.

function openWalkIn() {
  screen = 'walkin';
  render();
}

function walkInScreen() {
  const errors = new Map();
  const errorFor = (field) => {
    const el = h('p', { class: 'kiosk-field-error', testid: `kiosk-error-${field}`, hidden: true, id: `kiosk-error-${field}` });
    errors.set(field, el);
    return el;
  };
  const name = h('input', { type: 'text', class: 'kiosk-input', id: 'walkin-name', testid: 'kiosk-walkin-name', autocomplete: 'off', dir: 'auto', aria: { describedby: 'kiosk-error-fullName' } });
  const sexes = ['woman', 'man', 'another', 'not_stated'];
  const sex = h('div', { class: 'kiosk-choices', role: 'radiogroup', aria: { labelledby: 'walkin-sex-label' } },
    sexes.map((value) => h('label', { class: 'kiosk-choice' },
      h('input', { type: 'radio', name: 'walkin-sex', value, testid: `kiosk-walkin-sex-${value}`, checked: value === 'not_stated' }),
      h('span', { text: t(`sex.${value}`) }))));
  const country = createCountryPicker({ testid: 'kiosk-walkin-country', placeholder: t('kiosk.walkIn.countryPlaceholder') });
  country.input.classList.add('kiosk-input');
  const organisation = h('input', { type: 'text', class: 'kiosk-input', id: 'walkin-org', testid: 'kiosk-walkin-organisation', autocomplete: 'off', dir: 'auto' });
  const email = h('input', { type: 'email', class: 'kiosk-input', id: 'walkin-email', testid: 'kiosk-walkin-email', autocomplete: 'off', aria: { describedby: 'kiosk-error-email' } });
  const consentContact = h('input', { type: 'checkbox', testid: 'kiosk-walkin-consent-contact' });
  const consentPhotos = h('input', { type: 'checkbox', testid: 'kiosk-walkin-consent-photos' });
  const submit = h('button', { type: 'submit', class: 'kiosk-button kiosk-primary', testid: 'kiosk-walkin-submit' },
    icon('check', 'icon'), h('span', { text: t('kiosk.walkIn.submit') }));
  const cancel = h('button', { type: 'button', class: 'kiosk-button', testid: 'kiosk-walkin-cancel', text: t('kiosk.walkIn.cancel'), on: { click: reset } });

  const row = (label, control, id, extra = null) => h('div', { class: 'kiosk-field' },
    h('label', { class: 'kiosk-label', for: id, text: label }), control, extra);

  const form = h('form', { class: 'kiosk-panel kiosk-walkin', testid: 'kiosk-walkin', novalidate: true },
    h('h1', { class: 'kiosk-lead', text: t('kiosk.walkIn.title') }),
    h('p', { class: 'kiosk-sub', text: t('kiosk.walkIn.lead') }),
    h('div', { class: 'kiosk-form-grid' },
      row(t('kiosk.walkIn.name'), name, 'walkin-name', errorFor('fullName')),
      h('div', { class: 'kiosk-field' }, h('span', { class: 'kiosk-label', id: 'walkin-sex-label', text: t('kiosk.walkIn.sex') }), sex),
      h('div', { class: 'kiosk-field' }, h('span', { class: 'kiosk-label', text: t('kiosk.walkIn.country') }), country.root, errorFor('country')),
      row(t('kiosk.walkIn.organisation'), organisation, 'walkin-org', errorFor('organisation')),
      row(t('kiosk.walkIn.email'), email, 'walkin-email', errorFor('email')),
      h('div', { class: 'kiosk-field kiosk-consents' },
        h('label', { class: 'kiosk-check' }, consentContact, h('span', { text: t('kiosk.walkIn.consentContact') })),
        h('label', { class: 'kiosk-check' }, consentPhotos, h('span', { text: t('kiosk.walkIn.consentPhotos') })))),
    h('div', { class: 'kiosk-actions' }, submit, cancel));
  errorFor('form');
  form.append(errors.get('form'));

  // An error goes as soon as its field is edited.
  form.addEventListener('input', (e) => {
    const field = { 'walkin-name': 'fullName', 'walkin-email': 'email', 'walkin-org': 'organisation' }[e.target.id];
    if (field) errors.get(field).hidden = true;
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const el of errors.values()) el.hidden = true;
    if (busy) return;
    busy = true;
    submit.disabled = true;
    try {
      const done = await api.kioskRegister({
        fullName: name.value,
        sex: form.querySelector('input[name="walkin-sex"]:checked')?.value ?? 'not_stated',
        country: country.commit(),
        organisation: organisation.value,
        email: email.value,
        consentContact: consentContact.checked,
        consentPhotos: consentPhotos.checked,
      });
      showSignedIn(done);
    } catch (err) {
      const el = errors.get(err.field) ?? errors.get('form');
      el.textContent = errorText(err);
      el.hidden = false;
      ({ fullName: name, email, organisation })[err.field]?.focus();
    } finally {
      busy = false;
      submit.disabled = false;
    }
  });
  queueMicrotask(() => name.focus());
  return form;
}

// ---- Leaving kiosk mode: the facilitator's PIN.

function pinScreen() {
  const pin = h('input', {
    type: 'password', class: 'kiosk-input kiosk-pin', id: 'kiosk-pin', testid: 'kiosk-pin',
    autocomplete: 'off', inputMode: 'numeric', attrs: { inputmode: 'numeric' }, aria: { describedby: 'kiosk-pin-error' },
  });
  const error = h('p', { class: 'kiosk-field-error', id: 'kiosk-pin-error', testid: 'kiosk-pin-error', hidden: true, role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'kiosk-button kiosk-primary', testid: 'kiosk-pin-submit', text: t('kiosk.pin.submit') });
  const form = h('form', { class: 'kiosk-panel kiosk-pin-panel', testid: 'kiosk-pin-form' },
    h('h1', { class: 'kiosk-lead', text: t('kiosk.pin.title') }),
    h('label', { class: 'kiosk-label', for: 'kiosk-pin', text: t('kiosk.pin.label') }),
    pin, error,
    h('div', { class: 'kiosk-actions' }, submit,
      h('button', { type: 'button', class: 'kiosk-button', testid: 'kiosk-pin-cancel', text: t('kiosk.pin.cancel'), on: { click: reset } })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    busy = true;
    submit.disabled = true;
    try {
      await api.kioskUnlock(pin.value);
      // The shell closes this window and shows the facilitator's.
    } catch (err) {
      error.textContent = err.code === 'wrong_pin' ? t('kiosk.pin.wrong')
        : err.code === 'pin_throttled' ? t('kiosk.pin.wait', { seconds: Number(err.message.match(/\d+/)?.[0] ?? 0) })
          : errorText(err);
      error.hidden = false;
      pin.value = '';
      pin.focus();
    } finally {
      busy = false;
      submit.disabled = false;
    }
  });
  queueMicrotask(() => pin.focus());
  return form;
}

function footer() {
  return h('footer', { class: 'kiosk-footer' },
    screen === 'search' && status?.slot
      ? h('button', { type: 'button', class: 'kiosk-button kiosk-walkin-button', testid: 'kiosk-not-on-list', on: { click: openWalkIn } },
        icon('plus', 'icon'), h('span', { text: t('kiosk.notOnList') }))
      : h('span'),
    h('button', {
      type: 'button', class: 'kiosk-exit', testid: 'kiosk-exit', title: t('kiosk.exit'),
      on: { click: () => { screen = 'pin'; render(); } },
    }, icon('pin', 'icon'), h('span', { text: t('kiosk.exit') })));
}

function render() {
  const body = {
    search: searchScreen,
    confirm: confirmScreen,
    message: messageScreen,
    walkin: walkInScreen,
    pin: pinScreen,
  }[screen]();
  clear(root).append(header(), h('main', { class: 'kiosk-main' }, body), footer());
  if (screen === 'search') renderResults();
}

// The first name drawn in a script loads and shapes its font, which cost the first search in
// Devanagari or Thai some 50 ms more than the next (BENCHMARKS.md). Drawing a line of each script
// out of sight while the kiosk opens pays that before anyone types.
function drawEveryScriptOnce() {
  const scripts = ['Ağ Nguyễn', 'सीता शर्मा', 'สมชาย ใจดี', 'ليلى حداد', 'မောင်မောင်', 'আয়েশা', 'សុខា',
    'සුනිල්', '王芳 李娜', 'Сергей'].join(' ');
  // In the sizes of the search box and of the results, and the "no match" line in its own.
  const sample = h('div', { class: 'kiosk-font-warmup', aria: { hidden: 'true' } },
    h('div', { class: 'kiosk-search-text', text: scripts }),
    h('div', { class: 'kiosk-result-name', text: scripts }),
    h('div', { class: 'kiosk-result-latin', text: scripts }),
    h('div', { class: 'kiosk-result-org', text: scripts }),
    h('div', { class: 'kiosk-none' }, h('span', { text: t('kiosk.noMatch') }), ' ',
      h('span', { class: 'kiosk-link', text: t('kiosk.notOnList') })));
  document.body.append(sample);
  requestAnimationFrame(() => requestAnimationFrame(() => sample.remove()));
}

async function start() {
  // Nothing that could leave the kiosk: no context menu, no dragging things out of it.
  document.addEventListener('contextmenu', (e) => e.preventDefault());
  document.addEventListener('dragstart', (e) => e.preventDefault());
  for (const type of ['keydown', 'pointerdown', 'input']) document.addEventListener(type, touch, { capture: true });
  await refreshStatus();
  if (status) setLanguage(status.language);
  try {
    setCountries(await api.kioskCountries());
  } catch {
    // The walk-in form still works; the country picker stays empty.
  }
  render();
  drawEveryScriptOnce();
  touch();
  setInterval(async () => {
    await refreshStatus();
    if (screen === 'search' && document.activeElement?.id !== 'kiosk-search') render();
    else if (screen === 'search') root.querySelector('.kiosk-header')?.replaceWith(header());
  }, STATUS_MS);
  performance.mark('kiosk-ready');
}

// Someone tried to close the kiosk (Alt+F4, the window manager): the shell refused; say why,
// unless they are in the middle of a form.
window.addEventListener('workshop-desk:close-refused', () => {
  if (screen !== 'search' && screen !== 'message') return;
  showMessage({ kind: 'info', icon: 'lock', title: t('kiosk.staysOpen'), detail: t('kiosk.staysOpenDetail') });
});

start();
