// The welcome screen shown while there is no workshop at all.
import { h, icon } from '../dom.js';
import { t } from '../i18n.js';
import { openDemo } from './workshops.js';
import { importButton } from './import-workbook.js';

export async function render(_params, ctx) {
  const createBtn = h('a', { class: 'btn btn-primary btn-large', href: '#/workshops/new', testid: 'create-workshop' },
    icon('plus'), h('span', { text: t('workshops.create') }));
  const demoBtn = h('button', { type: 'button', class: 'btn btn-large', testid: 'open-demo' },
    icon('sparkle'), h('span', { text: t('workshops.openDemo') }));
  demoBtn.addEventListener('click', () => openDemo(ctx, demoBtn));

  const feature = (iconName, title, text) =>
    h('li', { class: 'feature' },
      h('span', { class: 'feature-icon', aria: { hidden: 'true' } }, icon(iconName)),
      h('div', {}, h('h2', { class: 'feature-title', text: title }), h('p', { class: 'feature-text', text })));

  const root = h('section', { class: 'view view-welcome', testid: 'first-run' },
    h('div', { class: 'welcome-card' },
      h('p', { class: 'welcome-kicker', text: t('welcome.kicker') }),
      h('h1', { class: 'welcome-title', tabindex: -1, text: t('welcome.title') }),
      h('p', { class: 'welcome-lead', text: t('welcome.lead') }),
      h('ul', { class: 'features' },
        feature('users', t('welcome.featureRegisterTitle'), t('welcome.featureRegister')),
        feature('pin', t('welcome.featureBalanceTitle'), t('welcome.featureBalance')),
        feature('backup', t('welcome.featureOfflineTitle'), t('welcome.featureOffline'))),
      h('div', { class: 'welcome-actions' }, createBtn, demoBtn),
      h('p', { class: 'welcome-note muted', text: t('welcome.demoNote') }),
      // A new laptop receiving a workshop from another one starts here too.
      h('div', { class: 'welcome-import' },
        h('span', { class: 'muted', text: t('welcome.importLead') }),
        importButton(ctx, { small: true }))),
  );
  return { root, focus: () => createBtn.focus() };
}
