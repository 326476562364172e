// The app header: name, the open workshop (a button back to the workshop list), Backups and the
// language switch. Rebuilt whenever the language or the open workshop changes.
import { h, icon, clear } from '../dom.js';
import { t, LANGUAGES, language } from '../i18n.js';
import { state } from '../state.js';
import { printIcon } from '../print.js';
import { startKioskDialog } from '../views/kiosk-start.js';

export function renderHeader(el, { route, onLanguage, navigation = true }) {
  clear(el);
  const workshop = state.workshop;
  const languageId = 'header-language';

  const switcher = h('a', {
    class: ['workshop-switcher', route === 'workshops' && 'is-current'],
    href: '#/workshops',
    testid: 'workshop-switcher',
    title: t('header.switchWorkshop'),
  },
  h('span', { class: 'workshop-switcher-label', text: workshop ? t('header.workshop') : t('header.workshops') }),
  h('span', {
    class: 'workshop-switcher-title',
    dir: 'auto',
    testid: 'current-workshop-title',
    text: workshop ? workshop.title : t('header.noWorkshop'),
  }),
  icon('chevronDown', 'icon workshop-switcher-icon'));

  const select = h('select', { id: languageId, class: 'select select-compact', testid: 'language-switch' },
    LANGUAGES.map(({ code, label }) => h('option', { value: code, text: label, lang: code, selected: code === language() })));
  select.addEventListener('change', () => onLanguage(select.value));

  el.append(
    h('a', { class: 'brand', href: workshop ? `#/workshops/${encodeURIComponent(workshop.id)}` : '#/workshops' },
      h('span', { class: 'brand-mark', aria: { hidden: 'true' } }, icon('users', 'icon brand-icon')),
      h('span', { class: 'brand-name', text: t('app.name') })),
    // Without data there is nowhere to go: only the brand and the language remain.
    // (The DOM's append would print a bare `false`, hence the spread.)
    ...(navigation ? [h('nav', { class: 'header-nav', aria: { label: t('header.navLabel') } },
      switcher,
      workshop && h('a', {
        class: ['nav-link', route === 'participants' && 'is-current'],
        href: `#/workshops/${encodeURIComponent(workshop.id)}`,
        testid: 'nav-participants',
        title: t('header.participants'),
        aria: { current: route === 'participants' ? 'page' : null },
      }, icon('users'), h('span', { text: t('header.participants') })),
      workshop && h('a', {
        class: ['nav-link', route === 'attendance' && 'is-current'],
        href: `#/workshops/${encodeURIComponent(workshop.id)}/attendance`,
        testid: 'nav-attendance',
        title: t('header.attendance'),
        aria: { current: route === 'attendance' ? 'page' : null },
      }, icon('check'), h('span', { text: t('header.attendance') })),
      workshop && h('a', {
        class: ['nav-link', route === 'badges' && 'is-current'],
        href: `#/workshops/${encodeURIComponent(workshop.id)}/badges`,
        testid: 'nav-badges',
        title: t('badges.title'),
        aria: { current: route === 'badges' ? 'page' : null },
      }, printIcon('badge'), h('span', { text: t('header.badges') })),
      h('a', {
        class: ['nav-link', route === 'backups' && 'is-current'],
        href: '#/backups',
        testid: 'nav-backups',
        title: t('header.backups'),
        aria: { current: route === 'backups' ? 'page' : null },
      }, icon('backup'), h('span', { text: t('header.backups') })))] : []),
    ...(navigation && workshop ? [h('button', {
      type: 'button',
      class: 'btn btn-kiosk',
      testid: 'start-kiosk',
      title: t('kioskStart.title'),
      on: { click: () => startKioskDialog(workshop) },
    }, icon('pin'), h('span', { text: t('kioskStart.button') }))] : []),
    h('div', { class: 'header-language' },
      h('label', { for: languageId, class: 'header-language-label' }, icon('globe'), h('span', { class: 'sr-only', text: t('header.language') })),
      select),
  );
}
