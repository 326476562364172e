// The app shell: starts the app, routes between views (location.hash), re-renders everything on a
// language switch, and owns the header and the error banner.
import * as api from './api.js';
import { t, setLanguage as applyLanguage, onLanguageChange, language, isSupported } from './i18n.js';
import { state, setCountries } from './state.js';
import { h, clear } from './dom.js';
import { renderHeader } from './components/header.js';
import { initBanner, showError, hideError, rerenderBanner } from './components/banner.js';
import { clearToasts } from './components/toast.js';
import { errorText } from './errors.js';
import * as firstRun from './views/first-run.js';
import * as workshops from './views/workshops.js';
import * as workshopForm from './views/workshop-form.js';
import * as participants from './views/participants.js';
import * as backups from './views/backups.js';
import * as attendance from './views/attendance.js';
import * as badges from './views/badges.js';
import * as signInSheet from './views/sign-in-sheet.js';
import * as certificates from './views/certificates.js';
import * as participantList from './views/participant-list.js';
import * as groupsView from './views/groups/index.js';
import * as boardsView from './views/boards.js';
import * as boardView from './views/board/index.js';
import * as plansView from './views/plans/index.js';

const headerEl = document.getElementById('app-header');
const mainEl = document.getElementById('app-main');
initBanner(document.getElementById('banner-area'));

// Each route: a pattern on the hash, the view module, and the header item it highlights.
const ROUTES = [
  { pattern: /^#\/welcome$/, view: firstRun, name: 'welcome' },
  { pattern: /^#\/workshops$/, view: workshops, name: 'workshops' },
  { pattern: /^#\/workshops\/new$/, view: workshopForm, name: 'workshops', params: () => ({ id: null }) },
  { pattern: /^#\/workshops\/([^/?]+)\/edit$/, view: workshopForm, name: 'workshops', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/attendance$/, view: attendance, name: 'attendance', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/badges$/, view: badges, name: 'badges', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/sign-in-sheet$/, view: signInSheet, name: 'attendance', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/participant-list$/, view: participantList, name: 'participants', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/certificates$/, view: certificates, name: 'attendance', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/groups$/, view: groupsView, name: 'groups', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/boards$/, view: boardsView, name: 'boards', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/boards\/([^/?]+)$/, view: boardView, name: 'boards', params: (m) => ({ id: decodeURIComponent(m[1]), boardId: decodeURIComponent(m[2]) }) },
  { pattern: /^#\/workshops\/([^/?]+)\/plans$/, view: plansView, name: 'plans', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/workshops\/([^/?]+)$/, view: participants, name: 'participants', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/backups$/, view: backups, name: 'backups' },
];

let currentView = null; // { root, unmount?, snapshot?, focus? }
let currentRoute = null;
let renderToken = 0;
let booted = false;

const ctx = {
  navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  /** Call when the open workshop changes (opened, edited, archived, restored from a backup). */
  setWorkshop(workshop) {
    state.workshop = workshop ?? null;
    drawHeader();
  },
  /** The workshop a route is about: the open one, or opened now (from a link, after a restart). */
  async openWorkshop(id) {
    if (state.workshop?.id === id) return state.workshop;
    const workshop = await api.openWorkshop(id);
    ctx.setWorkshop(workshop);
    return workshop;
  },
  showError,
  hideError,
};

function drawHeader() {
  renderHeader(headerEl, { route: currentRoute?.name ?? null, onLanguage: changeLanguage, navigation: !unavailable });
  document.title = state.workshop ? `${state.workshop.title} — ${t('app.name')}` : t('app.name');
}

function splitHash() {
  const raw = location.hash || '';
  const q = raw.indexOf('?');
  return q < 0 ? { path: raw, query: new URLSearchParams() } : { path: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) };
}

/** Renders the view for the current hash. `restore` carries a view's state across a language switch. */
async function route({ restore = null } = {}) {
  if (unavailable) {
    // Every screen would fail the same way: keep saying why (in the current language).
    clear(mainEl).append(dataUnavailableScreen(unavailable));
    drawHeader();
    return;
  }
  const { path, query } = splitHash();
  if (path === '' || path === '#' || path === '#/') {
    await startPage();
    return;
  }
  const match = ROUTES.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
  if (!match) {
    location.replace('#/workshops');
    return;
  }
  const token = ++renderToken;
  currentRoute = match.r;
  const params = { ...(match.r.params ? match.r.params(match.m) : {}), query, restore };

  // Keep the old screen until the new one is ready; only a slow load shows "Loading…" (no flashes).
  const slow = setTimeout(() => {
    if (token !== renderToken) return;
    mainEl.setAttribute('aria-busy', 'true');
    mainEl.classList.add('is-loading');
  }, 300);
  let view;
  try {
    view = await match.r.view.render(params, ctx);
  } catch (err) {
    view = { root: errorScreen(err) };
  } finally {
    clearTimeout(slow);
  }
  if (token !== renderToken) {
    view?.unmount?.();
    return;
  }
  mainEl.classList.remove('is-loading');
  mainEl.removeAttribute('aria-busy');
  currentView?.unmount?.();
  currentView = view;
  clear(mainEl).append(view.root);
  drawHeader();
  if (!restore) {
    if (view.focus) view.focus();
    else (view.root.querySelector('h1') ?? mainEl).focus?.({ preventScroll: true });
  } else {
    view.focus?.({ restoring: true });
  }
}

function errorScreen(err) {
  showError(err);
  return h('section', { class: 'view view-narrow' },
    h('h1', { class: 'view-title', tabindex: -1, text: t('app.somethingWrong') }),
    h('p', { class: 'muted', text: t('app.tryAgain') }),
    h('a', { class: 'btn', href: '#/workshops', text: t('workshops.backToList') }));
}

/** With no hash: the open workshop if there is one, else the list, else the first-run welcome. */
async function startPage() {
  try {
    const current = await api.currentWorkshop();
    if (current) {
      state.workshop = current;
      location.replace(`#/workshops/${encodeURIComponent(current.id)}`);
      return;
    }
    const all = await api.listWorkshops(true);
    location.replace(all.length ? '#/workshops' : '#/welcome');
  } catch (err) {
    showError(err);
    location.replace('#/welcome');
  }
}

async function changeLanguage(code) {
  if (!isSupported(code) || code === language()) return;
  applyLanguage(code);
  try {
    state.info = await api.setLanguage(code);
  } catch (err) {
    showError(err);
  }
}

// A language switch re-renders every screen, keeping what was typed and where the focus was.
onLanguageChange(async () => {
  if (!booted) return;
  const focusedTestid = document.activeElement?.closest?.('[data-testid]')?.getAttribute('data-testid');
  drawHeader();
  rerenderBanner();
  clearToasts();
  const snapshot = currentView?.snapshot?.() ?? null;
  await route({ restore: snapshot ?? {} });
  const again = focusedTestid && document.querySelector(`[data-testid="${CSS.escape(focusedTestid)}"]`);
  if (again) again.focus();
});

window.addEventListener('hashchange', () => route());
// Back from kiosk mode (the shell sends this when it shows this window again): the kiosk signed
// people in and registered walk-ins meanwhile, so the screen is drawn again from the data.
window.addEventListener('workshop-desk:kiosk-ended', () => {
  if (booted) route({ restore: currentView?.snapshot?.() ?? {} });
});
window.addEventListener('unhandledrejection', (e) => {
  showError(e.reason);
  e.preventDefault();
});

// When the database itself cannot be opened (written by a newer version, damaged, unreadable),
// every command fails the same way: say so once, plainly, instead of offering buttons that fail.
const DATA_UNAVAILABLE = new Set(['newer_database', 'storage', 'io']);
/** The error that keeps the data from being opened, once boot has met it. */
let unavailable = null;

function dataUnavailableScreen(err) {
  return h('section', { class: 'view view-narrow', testid: 'data-unavailable' },
    h('h1', { class: 'view-title', tabindex: -1, text: t('unavailable.title') }),
    h('p', { testid: 'data-unavailable-reason', text: errorText(err) }),
    h('p', { class: 'muted', text: t('unavailable.safe') }));
}

async function boot() {
  try {
    state.info = await api.appInfo();
    applyLanguage(isSupported(state.info?.language) ? state.info.language : 'en');
  } catch (err) {
    applyLanguage('en');
    if (DATA_UNAVAILABLE.has(err?.code)) {
      unavailable = err;
      booted = true;
      await route();
      return;
    }
    showError(err);
  }
  try {
    setCountries(await api.listCountries());
  } catch (err) {
    showError(err);
  }
  try {
    state.workshop = await api.currentWorkshop();
  } catch {
    state.workshop = null;
  }
  booted = true;
  drawHeader();
  await route();
  // The first screen is up and usable: scripts/measure-launch.py times launches against this.
  performance.mark('app-ready');
}

boot();
