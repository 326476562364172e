// Who raised a note: a group or a participant, from a compact picker (type a few letters, ↑↓,
// Enter). The same picker sets who new notes are from until changed.
import { h, clear } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { countryName, fold } from '../../countries.js';

/** At most this many choices are listed; typing narrows them. */
const SHOWN = 80;

export function createRaisedBy(ed) {
  let choices = null; // { groups, participants }, loaded when first needed

  /** The workshop's groups and participants (also what the history and the settings name). */
  async function loadChoices() {
    if (choices) return choices;
    const [groups, participants] = await Promise.all([
      api.groupChoices(ed.workshopId).catch(() => []),
      api.listParticipants(ed.workshopId).catch(() => []),
    ]);
    choices = { groups, participants };
    return choices;
  }

  function pickRaisedByFor(id, anchor) {
    const note = ed.byId(id);
    if (!note) return;
    const current = { groupId: note.raisedByGroupId, participantId: note.raisedByParticipantId };
    pickRaisedBy(anchor, current, async (picked) => {
      ed.focusId = id;
      const r = await ed.save(() => api.setNoteRaisedBy(id, { groupId: picked.groupId ?? null, participantId: picked.participantId ?? null }));
      if (r.ok) ed.applyNote(r.value, { note: id });
      else ed.focusNote(id);
    }, id);
  }

  /**
   * Opens the picker under `anchor` with `current` marked; `onPick({ groupId, participantId,
   * name })` gets the choice (all null for nobody in particular); `returnTo`: see popovers.js.
   */
  async function pickRaisedBy(anchor, current, onPick, returnTo) {
    let c;
    try {
      c = await loadChoices();
    } catch (err) {
      ed.ctx.showError(err);
      return;
    }
    const filter = h('input', {
      type: 'text',
      class: 'input input-small',
      testid: 'raised-by-filter',
      dir: 'auto',
      autocomplete: 'off',
      placeholder: t('board.raisedByFilter'),
      role: 'combobox',
      aria: { label: t('board.raisedByFilter'), controls: 'raised-by-listbox' },
    });
    const listEl = h('ul', { class: 'board-options', role: 'listbox', id: 'raised-by-listbox', testid: 'raised-by-options', aria: { label: t('board.raisedByTitle') } });
    const all = [
      { kind: 'none', label: t('board.raisedByNobody'), value: { groupId: null, participantId: null, name: null } },
      ...c.groups.map((g) => ({
        kind: 'group', label: g.name, sub: g.groupingName, key: fold(`${g.name} ${g.groupingName}`),
        value: { groupId: g.id, participantId: null, name: g.name },
      })),
      ...c.participants.map((p) => ({
        kind: 'participant', label: p.fullName, sub: [p.nameLatin !== p.fullName ? p.nameLatin : '', p.organisation].filter(Boolean).join(' · '),
        key: fold(`${p.fullName} ${p.nameLatin} ${p.organisation} ${countryName(p.country, p.countryName)}`),
        value: { groupId: null, participantId: p.id, name: p.fullName },
      })),
    ];
    const isCurrent = (o) => (o.kind === 'none'
      ? !current?.groupId && !current?.participantId
      : (o.value.groupId && o.value.groupId === current?.groupId) || (o.value.participantId && o.value.participantId === current?.participantId));
    let options = [];
    let active = 0;

    function draw() {
      const q = fold(filter.value);
      options = all.filter((o) => !q || (o.key ?? fold(o.label)).includes(q)).slice(0, SHOWN);
      active = Math.min(active, Math.max(0, options.length - 1));
      clear(listEl);
      let lastKind = null;
      options.forEach((o, i) => {
        if (o.kind !== lastKind && o.kind !== 'none') {
          listEl.append(h('li', { class: 'board-options-group', role: 'presentation', text: t(`board.raisedByKind.${o.kind}`) }));
        }
        lastKind = o.kind;
        const li = h('li', {
          class: ['board-option', i === active && 'is-active', isCurrent(o) && 'is-current'],
          role: 'option',
          id: `raised-by-opt-${i}`,
          testid: o.kind === 'none' ? 'raised-by-none' : 'raised-by-option',
          data: { kind: o.kind },
          aria: { selected: String(i === active) },
        }, h('span', { class: 'board-option-label', dir: 'auto', text: o.label }),
        ...(o.sub ? [h('span', { class: 'board-option-sub', dir: 'auto', text: o.sub })] : []));
        li.addEventListener('mousedown', (e) => e.preventDefault()); // the filter keeps the focus
        li.addEventListener('click', () => choose(o));
        listEl.append(li);
      });
      if (!options.length) listEl.append(h('li', { class: 'board-option-empty muted', text: t('board.raisedByNone') }));
      filter.setAttribute('aria-activedescendant', options.length ? `raised-by-opt-${active}` : '');
      listEl.querySelector('.is-active')?.scrollIntoView({ block: 'nearest' });
    }

    function choose(o) {
      ed.closePopover();
      onPick(o.value);
    }

    filter.addEventListener('input', () => {
      active = 0;
      draw();
    });
    filter.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!options.length) return;
        active = (active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
        draw();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (options[active]) choose(options[active]);
      }
    });
    draw();
    ed.openPopover(anchor, [
      h('p', { class: 'board-popover-title', text: t('board.raisedByTitle') }),
      filter,
      listEl,
      ...(c.groups.length ? [] : [h('p', { class: 'board-popover-note muted', text: t('board.raisedByNoGroups') })]),
    ], { testid: 'raised-by-picker', label: t('board.raisedByTitle'), returnTo, className: 'board-popover-picker' });
    filter.focus();
  }

  return { loadChoices, pickRaisedBy, pickRaisedByFor };
}
