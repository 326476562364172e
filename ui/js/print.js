// What the printable sheets (badges, the paper sign-in sheet, certificates) and the paper entry
// share: the screen around the paper, the Print button, the core's QR codes as SVG elements and a
// slot asked for in the URL.
import { h, icon } from './dom.js';
import { t } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

// WebKit (WebKitGTK on Linux, WKWebView on macOS) lays a printed page out 1.25 times wider than
// the paper's width in points, so one CSS inch prints as 96/90 of an inch and a 90 mm badge as
// 96 mm. print.css scales the sheets back by 90/96 there; Chromium (WebView2) prints true size.
const userAgent = globalThis.navigator?.userAgent ?? '';
if (/AppleWebKit/.test(userAgent) && !/Chrome|Chromium|Edg\//.test(userAgent)) {
  globalThis.document?.documentElement.classList.add('print-webkit');
}

// Line icons in the style of dom.js's set, for the print screens only.
const ICONS = {
  printer: ['M7 9V3h10v6', 'M7 17H4v-7h16v7h-3', 'M7 14h10v7H7z'],
  badge: ['M4 5h16v14H4z', 'M8 11a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M5.5 16a3 3 0 0 1 5 0', 'M13 9h4', 'M13 13h4'],
  sheet: ['M6 3h9l4 4v14H6z', 'M14 3v5h5', 'M9 12h7', 'M9 16h7'],
  keyboard: ['M3 7h18v11H3z', 'M7 11h.01', 'M11 11h.01', 'M15 11h.01', 'M8 15h8'],
  award: ['M12 14a5 5 0 1 0 0-10 5 5 0 0 0 0 10z', 'M9 13.2 7.5 21l4.5-2.5 4.5 2.5-1.5-7.8'],
};

export function printIcon(name, className = 'icon') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ICONS[name] ?? []) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/**
 * A print screen: the way back (to Attendance unless `back` says where), the title and the line
 * counting what will print, the Print button, and the panel of choices beside the paper (neither
 * is printed).
 */
export function printScreen({ workshopId, back = null, title, countLine, printBtn, panel, sheet }) {
  const way = back ?? { href: `#/workshops/${encodeURIComponent(workshopId)}/attendance`, label: t('print.backToAttendance') };
  return h('section', { class: 'view view-print' },
    h('div', { class: 'print-head no-print' },
      h('div', {},
        h('a', { class: 'back-link', href: way.href, testid: 'print-back' },
          icon('chevronLeft'), h('span', { text: way.label })),
        h('h1', { class: 'view-title', tabindex: -1, text: title }),
        countLine),
      h('div', { class: 'view-actions' }, printBtn)),
    h('div', { class: 'print-layout' }, panel, sheet));
}

/** The panel's printing tips: the screen's own (text or elements), then how to keep a PDF. */
export function printTips(...tips) {
  return h('div', { class: 'print-tips' },
    h('h2', { class: 'panel-title', text: t('print.tipsTitle') }),
    h('ul', { class: 'print-tip-list' },
      tips.map((tip) => (typeof tip === 'string' ? h('li', { text: tip }) : h('li', {}, tip))),
      h('li', { text: t('print.tipPdf') })));
}

/** The Print button: WebKitGTK's print dialog, which can also save to PDF. */
export function printButton() {
  return h('button', {
    type: 'button',
    class: 'btn btn-primary',
    testid: 'print-button',
    on: { click: () => window.print() },
  }, printIcon('printer'), h('span', { text: t('print.print') }));
}

/**
 * The core's SVG markup (a QR code) as an element of this page: parsed as SVG, never as HTML, so
 * nothing in it can run, and no inline markup reaches the strict CSP.
 */
export function svgFromCore(markup, { label = '', className = '' } = {}) {
  if (typeof markup !== 'string' || !markup) return null;
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = parsed.documentElement;
  if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length) {
    return null;
  }
  const svg = document.importNode(root, true);
  if (className) svg.setAttribute('class', className);
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  return svg;
}


/** A slot from `?day=…&session=…`, when it is one of the workshop's; else null. */
export function slotFromQuery(workshop, query) {
  const day = query?.get?.('day');
  const session = Number(query?.get?.('session'));
  const perDay = Math.max(1, Number(workshop?.sessionsPerDay) || 1);
  if (!day || !workshop?.days?.includes(day) || !Number.isInteger(session) || session < 1 || session > perDay) return null;
  return { day, session };
}

/** Splits a list into pages of `size`. */
export function pages(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
