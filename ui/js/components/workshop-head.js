// The head of a workshop's working screens (groups, plans): the screen's title over the
// workshop's title, place and dates, and the screen's buttons beside them.
import { h, icon } from '../dom.js';
import { countryName } from '../countries.js';
import { formatDayRange } from '../format.js';

export function workshopHead({ workshop, title, headingId, actions }) {
  const place = [workshop.venueCity, countryName(workshop.country)].filter(Boolean).join(', ');
  return h('div', { class: 'workshop-head' },
    h('div', { class: 'workshop-head-text' },
      h('h1', { class: 'view-title', id: headingId, tabindex: -1, text: title }),
      h('p', { class: 'workshop-item-meta' },
        h('span', { class: 'meta meta-title', dir: 'auto', text: workshop.title }),
        place ? h('span', { class: 'meta' }, icon('pin'), h('span', { dir: 'auto', text: place })) : null,
        h('span', { class: 'meta' }, icon('calendar'), h('span', { text: formatDayRange(workshop.startDate, workshop.endDate) })))),
    h('div', { class: 'view-actions' }, actions));
}
