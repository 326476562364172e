// The app header: name, the open workshop (a button back to the workshop list), Backups and the
// language switch. Rebuilt whenever the language or the open workshop changes.
import { h, icon, clear } from '../dom.js';
import { t, LANGUAGES, language } from '../i18n.js';
import { state } from '../state.js';
import { printIcon } from '../print.js';
import { startKioskDialog } from '../views/kiosk-start.js';

/** The header's places: the open workshop's screens, then the backups. */
function navItems(workshop) {
  const base = workshop ? `#/workshops/${encodeURIComponent(workshop.id)}` : null;
  return [
    ...(base ? [
      { route: 'participants', href: base, icon: icon('users'), label: t('header.participants') },
      { route: 'attendance', href: `${base}/attendance`, icon: icon('check'), label: t('header.attendance') },
      { route: 'badges', href: `${base}/badges`, icon: printIcon('badge'), label: t('header.badges'), secondary: true },
      { route: 'groups', href: `${base}/groups`, icon: icon('groups'), label: t('header.groups') },
      { route: 'boards', href: `${base}/boards`, icon: icon('board'), label: t('header.boards') },
      { route: 'plans', href: `${base}/plans`, icon: icon('plan'), label: t('header.plans') },
    ] : []),
    { route: 'backups', href: '#/backups', icon: icon('backup'), label: t('header.backups'), secondary: true },
  ];
}

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
      ...navItems(workshop).map((item) => h('a', {
        class: ['nav-link', route === item.route && 'is-current', item.secondary && 'is-secondary'],
        href: item.href,
        testid: `nav-${item.route}`,
        title: item.label,
        aria: { current: route === item.route ? 'page' : null },
      }, item.icon, h('span', { text: item.label }))))] : []),
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
