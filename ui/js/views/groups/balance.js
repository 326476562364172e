// The balance of women and men in a group: a bar (women, men, others) and the counts in words,
// with a warning when a group of three or more has no women, or no men.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';

/** The sex balance of a set of people: a bar (women, men, others) and the counts in words. */
export function balanceBar({ women, men, total }) {
  const others = Math.max(0, total - women - men);
  const pct = (n) => `${total ? (n / total) * 100 : 0}%`;
  const seg = (cls, n) => {
    const s = h('span', { class: ['balance-seg', cls] });
    s.style.width = pct(n);
    return s;
  };
  const words = [
    t('groups.women', { count: women }),
    t('groups.men', { count: men }),
    ...(others ? [t('groups.others', { count: others })] : []),
  ];
  return h('div', {
    class: ['group-balance', total === 0 && 'is-empty'],
    testid: 'group-balance',
    data: { women, men, others },
    title: words.join(', '),
  },
  h('div', { class: 'balance-bar', aria: { hidden: 'true' } }, seg('seg-women', women), seg('seg-men', men), seg('seg-other', others)),
  h('div', { class: 'balance-text' },
    h('span', { class: 'balance-women' }, h('span', { class: 'sex-dot sex-woman', aria: { hidden: 'true' } }), words[0]),
    h('span', { class: 'balance-men' }, h('span', { class: 'sex-dot sex-man', aria: { hidden: 'true' } }), words[1]),
    ...(others ? [h('span', { class: 'balance-other' }, h('span', { class: 'sex-dot sex-another', aria: { hidden: 'true' } }), words[2])] : []),
    ...(total >= 3 && (women === 0 || men === 0)
      ? [h('span', { class: 'tag tag-warn balance-warn', testid: 'group-balance-warn', text: women === 0 ? t('groups.noWomen') : t('groups.noMen') })]
      : [])));
}
