// The working groups of the open workshop: its groupings (by sub-region on day 2, by theme on
// day 4…) as tabs; each group a column with its members, its size and its sex balance, beside
// the participants in no group ("Unassigned"). People move between groups by drag and drop, or
// from the keyboard: focus a name, then Enter (or M) opens "Move to…", 1–9 moves straight to that
// group and 0 to Unassigned. A new grouping starts as a draft suggested by sub-region or by
// country, edited freely (rename, move, add, remove groups) and stored only by "Create grouping".
// Every stored edit is one undoable step: Ctrl+Z / Ctrl+Shift+Z, or the Undo and Redo buttons.
//
// askText() is shared with the action plans screen (views/plans.js).
import { h, icon, clear, uniqueId } from '../dom.js';
import { t, language, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { state } from '../state.js';
import { countryName } from '../countries.js';
import { formatDayRange, sexLabel } from '../format.js';
import { errorText } from '../errors.js';
import { field, createFieldErrors } from '../components/form-fields.js';
import { showModal } from '../components/modal.js';
import { showToast } from '../components/toast.js';
import { confirmDialog } from '../components/confirm-dialog.js';
import { createUndoBar } from '../undo.js';

// ---------------------------------------------------------------------------------------------
// Shared pieces

/**
 * A one-field dialog (a name). `save(text)` stores it and may throw the core's error, which is
 * shown under the field; resolves with what `save` returned, or null when cancelled.
 */
export function askText({ title, label, value = '', hint = null, testid = 'name-input', saveLabel = null, required = null, save }) {
  return new Promise((resolve) => {
    const errors = createFieldErrors();
    const titleId = uniqueId('ask-title');
    const input = h('input', { type: 'text', class: 'input', testid, value, maxLength: 200, autocomplete: 'off', dir: 'auto', attrs: { spellcheck: 'false' } });
    const container = field({ label, control: input, hint });
    errors.register('value', { control: input, container });
    const cancel = h('button', { type: 'button', class: 'btn', testid: `${testid}-cancel`, text: t('common.cancel') });
    const ok = h('button', { type: 'submit', class: 'btn btn-primary', testid: `${testid}-save`, text: saveLabel ?? t('common.saveChanges') });
    const form = h('form', { class: 'dialog-form', novalidate: true },
      h('h2', { class: 'dialog-title', id: titleId, dir: 'auto', text: title }),
      container,
      h('div', { class: 'dialog-actions' }, cancel, ok));
    const dialog = h('dialog', { class: 'dialog dialog-ask', testid: `${testid}-dialog`, aria: { labelledby: titleId } }, form);
    const finish = (answer) => {
      if (close()) resolve(answer);
    };
    const close = showModal(dialog, { onCancel: () => finish(null) });
    cancel.addEventListener('click', () => finish(null));
    input.addEventListener('input', () => errors.clearAll());
    let busy = false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      errors.clearAll();
      const text = input.value.trim();
      if (!text) {
        errors.show('value', required ?? t('groups.nameRequired'));
        errors.focusFirst();
        return;
      }
      busy = true;
      ok.disabled = true;
      try {
        const result = await save(text);
        finish(result ?? text);
      } catch (err) {
        errors.show('value', errorText(err));
        errors.focusFirst();
      } finally {
        busy = false;
        ok.disabled = false;
      }
    });
    input.focus();
    input.select();
  });
}

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

// ---------------------------------------------------------------------------------------------
// The screen

/** The grouping last shown, per workshop, so coming back shows the same one. */
const lastGrouping = new Map();

const countSex = (members, sex) => members.filter((m) => m.sex === sex).length;

export async function render(params, ctx) {
  let workshop = state.workshop;
  if (!workshop || workshop.id !== params.id) {
    workshop = await api.openWorkshop(params.id);
    ctx.setWorkshop(workshop);
  }
  const workshopId = workshop.id;
  const restore = params.restore ?? {};

  let groupings = await api.listGroupings(workshopId);
  let selectedId = restore.selectedId ?? lastGrouping.get(workshopId) ?? null;
  if (!groupings.some((g) => g.id === selectedId)) selectedId = groupings[0]?.id ?? null;
  /** The grouping being drafted: { name, nameTouched, by, groups: [{ key, name, participantIds }], error }. */
  let draft = restore.draft ?? null;
  /** Everyone registered, by ID (for drafts, which hold only IDs). */
  let people = null;
  // Draft groups are keyed d1, d2…; a draft carried over a language switch keeps its keys.
  let draftSeq = Math.max(0, ...(draft?.groups ?? []).map((g) => Number(String(g.key).slice(1)) || 0));
  let dragging = null; // participant ID being dragged
  let menu = null; // the open "Move to…" menu: { el, anchor }
  let busy = false;

  const undoBar = createUndoBar(workshopId, async () => {
    await reload();
  });

  // ----- the page -----
  const newBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'groups-new' },
    icon('plus'), h('span', { text: t('groups.newGrouping') }));
  newBtn.addEventListener('click', () => startDraft('sub_region'));

  const tabsEl = h('div', { class: 'tabs grouping-tabs', role: 'tablist', aria: { label: t('groups.groupingsLabel') } });
  const barEl = h('div', { class: 'grouping-bar' });
  const hintEl = h('p', { class: 'muted groups-hint', testid: 'groups-hint', text: t('groups.hint') });
  const board = h('div', { class: 'group-board', testid: 'group-board' });
  const emptyEl = h('div', { class: 'empty-note groups-empty', testid: 'groups-empty', hidden: true });
  const place = [workshop.venueCity, countryName(workshop.country)].filter(Boolean).join(', ');

  const root = h('section', { class: 'view view-groups' },
    h('div', { class: 'workshop-head' },
      h('div', { class: 'workshop-head-text' },
        h('h1', { class: 'view-title', id: 'groups-heading', tabindex: -1, text: t('groups.title') }),
        h('p', { class: 'workshop-item-meta' },
          h('span', { class: 'meta meta-title', dir: 'auto', text: workshop.title }),
          place ? h('span', { class: 'meta' }, icon('pin'), h('span', { dir: 'auto', text: place })) : null,
          h('span', { class: 'meta' }, icon('calendar'), h('span', { text: formatDayRange(workshop.startDate, workshop.endDate) })))),
      h('div', { class: 'view-actions' }, undoBar.root, newBtn)),
    tabsEl,
    barEl,
    hintEl,
    emptyEl,
    board);

  // ----- data -----
  async function reload() {
    try {
      groupings = await api.listGroupings(workshopId);
      ctx.hideError();
    } catch (err) {
      ctx.showError(err);
    }
    if (!groupings.some((g) => g.id === selectedId)) selectedId = groupings[0]?.id ?? null;
    draw();
  }

  async function loadPeople() {
    if (people) return people;
    const list = await api.listParticipants(workshopId, '', false);
    people = new Map(list.map((p) => [p.id, {
      participantId: p.id, fullName: p.fullName, nameLatin: p.nameLatin, sex: p.sex, country: p.country, organisation: p.organisation,
    }]));
    return people;
  }

  function selected() {
    return groupings.find((g) => g.id === selectedId) ?? null;
  }

  /** What the board draws: the saved grouping or the draft, in one shape. */
  function model() {
    if (draft) {
      const placed = new Set(draft.groups.flatMap((g) => g.participantIds));
      const member = (id) => people?.get(id);
      return {
        draft: true,
        groups: draft.groups.map((g) => {
          const members = g.participantIds.map(member).filter(Boolean);
          return { key: g.key, name: g.name, members, women: countSex(members, 'woman'), men: countSex(members, 'man') };
        }),
        unassigned: [...(people?.values() ?? [])].filter((m) => !placed.has(m.participantId)),
      };
    }
    const g = selected();
    if (!g) return null;
    return {
      draft: false,
      groups: g.groups.map((x) => ({ key: x.id, name: x.name, members: x.members, women: x.women, men: x.men })),
      unassigned: g.unassigned,
    };
  }

  function findMember(m, participantId) {
    for (const g of m.groups) {
      const found = g.members.find((x) => x.participantId === participantId);
      if (found) return { member: found, group: g };
    }
    const found = m.unassigned.find((x) => x.participantId === participantId);
    return found ? { member: found, group: null } : null;
  }

  // ----- drawing -----
  function draw() {
    closeMenu();
    const hadFocus = board.contains(document.activeElement) ? document.activeElement?.dataset?.participant ?? null : null;
    drawTabs();
    drawBar();
    const m = model();
    emptyEl.hidden = Boolean(m);
    hintEl.hidden = !m;
    clear(board);
    board.hidden = !m;
    board.classList.toggle('is-draft', Boolean(m?.draft));
    if (!m) {
      clear(emptyEl).append(
        icon('groups', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('groups.emptyTitle') }),
        h('p', { class: 'muted', text: t('groups.emptyText') }),
        h('div', { class: 'groups-empty-actions' },
          suggestButton('sub_region', t('groups.suggestBySubRegion')),
          suggestButton('country', t('groups.suggestByCountry')),
          suggestButton('none', t('groups.startEmpty'))));
      return;
    }
    board.append(
      groupCard(m, { key: null, name: t('groups.unassigned'), members: m.unassigned }, -1),
      ...m.groups.map((g, i) => groupCard(m, g, i)),
      addGroupTile());
    if (hadFocus) focusMember(hadFocus);
  }

  function suggestButton(by, text) {
    const b = h('button', { type: 'button', class: ['btn', by === 'sub_region' && 'btn-primary'], testid: `groups-empty-${by}`, text });
    b.addEventListener('click', () => startDraft(by));
    return b;
  }

  function drawTabs() {
    clear(tabsEl);
    const items = groupings.map((g) => ({ id: g.id, name: g.name, count: g.groups.length, current: !draft && g.id === selectedId }));
    if (draft) items.push({ id: '__draft', name: draft.name || t('groups.draftName'), count: draft.groups.length, current: true, draft: true });
    tabsEl.hidden = items.length === 0;
    for (const item of items) {
      const tab = h('button', {
        type: 'button',
        role: 'tab',
        class: ['tab', item.current && 'is-selected', item.draft && 'tab-draft'],
        testid: item.draft ? 'grouping-tab-draft' : 'grouping-tab',
        data: { grouping: item.draft ? null : item.id },
        aria: { selected: String(item.current) },
        tabIndex: item.current ? 0 : -1,
      },
      item.draft ? icon('sparkle') : icon('groups'),
      h('span', { dir: 'auto', text: item.name }),
      h('span', { class: 'tab-count', title: t('groups.groupCount', { count: item.count }), text: formatNumber(item.count) }));
      if (!item.draft) {
        tab.addEventListener('click', () => {
          if (draft) return; // finish or cancel the draft first
          selectedId = item.id;
          lastGrouping.set(workshopId, selectedId);
          draw();
        });
        tab.disabled = Boolean(draft);
      }
      tabsEl.append(tab);
    }
  }

  tabsEl.addEventListener('keydown', (e) => {
    if (draft || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const i = groupings.findIndex((g) => g.id === selectedId);
    if (i < 0) return;
    e.preventDefault();
    const rtl = getComputedStyle(tabsEl).direction === 'rtl';
    const step = (e.key === 'ArrowRight') !== rtl ? 1 : -1;
    selectedId = groupings[(i + step + groupings.length) % groupings.length].id;
    lastGrouping.set(workshopId, selectedId);
    draw();
    tabsEl.querySelector('[aria-selected="true"]')?.focus();
  });

  function summaryText(m) {
    const placed = m.groups.reduce((n, g) => n + g.members.length, 0);
    return t('groups.summary', {
      people: t('groups.people', { count: placed + m.unassigned.length }),
      groups: t('groups.groupCount', { count: m.groups.length }),
      unassigned: m.unassigned.length,
    });
  }

  function drawBar() {
    clear(barEl);
    const m = model();
    barEl.hidden = !m;
    barEl.classList.toggle('is-draft', Boolean(draft));
    if (!m) return;
    if (draft) {
      drawDraftBar(m);
      return;
    }
    const g = selected();
    const addBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'group-add' }, icon('plus'), h('span', { text: t('groups.addGroup') }));
    addBtn.addEventListener('click', addGroup);
    const renameBtn = h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'grouping-rename' }, icon('edit'), h('span', { text: t('groups.renameGrouping') }));
    renameBtn.addEventListener('click', renameGrouping);
    const deleteBtn = h('button', { type: 'button', class: 'btn btn-small btn-ghost btn-ghost-danger', testid: 'grouping-delete' }, icon('trash'), h('span', { text: t('groups.deleteGrouping') }));
    deleteBtn.addEventListener('click', deleteGrouping);
    barEl.append(
      h('div', { class: 'grouping-bar-text' },
        h('h2', { class: 'grouping-name', dir: 'auto', testid: 'grouping-name', text: g.name }),
        h('p', { class: 'muted', testid: 'grouping-summary', text: summaryText(m) })),
      h('div', { class: 'grouping-bar-actions' }, addBtn, renameBtn, deleteBtn));
  }

  // ----- the draft of a new grouping -----
  function drawDraftBar(m) {
    const errors = createFieldErrors();
    const nameInput = h('input', { type: 'text', class: 'input', testid: 'grouping-name-input', value: draft.name, maxLength: 120, dir: 'auto', autocomplete: 'off' });
    nameInput.addEventListener('input', () => {
      draft.name = nameInput.value;
      draft.nameTouched = true;
      errors.clear('name');
      const tabLabel = tabsEl.querySelector('.tab-draft span[dir]');
      if (tabLabel) tabLabel.textContent = draft.name || t('groups.draftName');
    });
    nameInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        createFromDraft();
      }
    });
    const by = h('select', { class: 'select', testid: 'groups-suggest-by' },
      ['sub_region', 'country', 'none'].map((v) => h('option', { value: v, text: t(`groups.by.${v}`), selected: v === draft.by })));
    by.addEventListener('change', async () => {
      await suggestInto(by.value);
      barEl.querySelector('[data-testid="groups-suggest-by"]')?.focus();
    });
    const nameField = field({ label: t('groups.groupingName'), control: nameInput });
    errors.register('name', { control: nameInput, container: nameField });
    const byField = field({ label: t('groups.suggestBy'), control: by });
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'grouping-cancel', text: t('common.cancel') });
    cancel.addEventListener('click', cancelDraft);
    const create = h('button', { type: 'button', class: 'btn btn-primary', testid: 'grouping-create' }, icon('check'), h('span', { text: t('groups.create') }));
    create.addEventListener('click', createFromDraft);
    const addBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'group-add' }, icon('plus'), h('span', { text: t('groups.addGroup') }));
    addBtn.addEventListener('click', addGroup);
    barEl.append(
      h('div', { class: 'draft-notice' },
        icon('sparkle', 'icon draft-icon'),
        h('div', {},
          h('strong', { text: t('groups.draftTitle') }),
          h('span', { class: 'muted', text: ` ${t('groups.draftText')}` }))),
      h('div', { class: 'draft-fields' }, nameField, byField,
        h('p', { class: 'draft-summary muted', testid: 'grouping-summary', text: summaryText(m) })),
      ...(draft.error ? [h('p', { class: 'form-error', role: 'alert', testid: 'grouping-error', text: draft.error })] : []),
      h('div', { class: 'grouping-bar-actions' }, addBtn, h('span', { class: 'spacer' }), cancel, create));
    if (draft.errorField === 'name') errors.show('name', draft.error);
    draftControls = { nameInput, errors };
  }
  let draftControls = null;

  async function startDraft(by) {
    if (draft) {
      draftControls?.nameInput.focus();
      return;
    }
    try {
      await loadPeople();
    } catch (err) {
      ctx.showError(err);
      return;
    }
    draft = { name: '', nameTouched: false, by, groups: [], error: null };
    await suggestInto(by);
    draftControls?.nameInput.focus();
    draftControls?.nameInput.select();
  }

  function defaultName(by) {
    return t(`groups.defaultName.${by}`);
  }

  async function suggestInto(by) {
    if (!draft) return;
    draft.by = by;
    if (!draft.nameTouched) draft.name = defaultName(by);
    draft.error = null;
    draft.errorField = null;
    if (by === 'none') {
      draft.groups = [1, 2, 3].map((n) => ({ key: `d${++draftSeq}`, name: t('groups.groupN', { n }), participantIds: [] }));
    } else {
      try {
        const suggested = await api.suggestGroups(workshopId, by, language());
        draft.groups = suggested.map((g) => ({ key: `d${++draftSeq}`, name: g.name, participantIds: [...g.participantIds] }));
      } catch (err) {
        ctx.showError(err);
        draft.groups = [];
      }
    }
    draw();
  }

  function cancelDraft() {
    draft = null;
    draftControls = null;
    draw();
    newBtn.focus();
  }

  async function createFromDraft() {
    if (!draft || busy) return;
    const name = draft.name.trim();
    if (!name) {
      draft.error = t('groups.groupingNameRequired');
      draft.errorField = 'name';
      draw();
      draftControls?.nameInput.focus();
      return;
    }
    busy = true;
    try {
      const created = await api.createGrouping(workshopId, name,
        draft.groups.map((g) => ({ name: g.name, participantIds: g.participantIds })));
      draft = null;
      draftControls = null;
      selectedId = created.id;
      lastGrouping.set(workshopId, selectedId);
      groupings = await api.listGroupings(workshopId);
      draw();
      undoBar.refresh();
      showToast(t('groups.created', { name: created.name }));
      board.querySelector('[data-testid="group-member"]')?.focus();
    } catch (err) {
      draft.error = errorText(err);
      draft.errorField = err?.field === 'name' ? 'name' : null;
      draw();
    } finally {
      busy = false;
    }
  }

  // ----- columns -----
  function groupCard(m, g, index) {
    const unassigned = g.key === null;
    const n = g.members.length;
    const women = g.women ?? countSex(g.members, 'woman');
    const men = g.men ?? countSex(g.members, 'man');
    const list = h('ul', { class: 'group-members', aria: { label: g.name } }, g.members.map((member) => memberEl(member, g.key)));
    const actions = [];
    if (!unassigned) {
      const rename = h('button', { type: 'button', class: 'btn-icon', testid: 'group-rename', title: t('groups.renameGroup'), aria: { label: t('groups.renameGroupNamed', { name: g.name }) } }, icon('edit'));
      rename.addEventListener('click', () => renameGroup(g));
      const remove = h('button', { type: 'button', class: 'btn-icon btn-icon-danger', testid: 'group-delete', title: t('groups.deleteGroup'), aria: { label: t('groups.deleteGroupNamed', { name: g.name }) } }, icon('trash'));
      remove.addEventListener('click', () => deleteGroup(g));
      actions.push(rename, remove);
    }
    const card = h('section', {
      class: ['group-card', unassigned && 'group-card-unassigned', unassigned && n === 0 && 'is-empty'],
      testid: unassigned ? 'unassigned' : 'group-card',
      data: { group: g.key ?? '', size: n },
      aria: { label: t('groups.cardLabel', { name: g.name, count: n }) },
    },
    h('header', { class: 'group-head' },
      unassigned
        ? h('span', { class: 'group-number group-number-none', title: t('groups.keyHint', { key: '0' }), text: '0' })
        : h('span', { class: 'group-number', title: index < 9 ? t('groups.keyHint', { key: String(index + 1) }) : '', text: index < 9 ? String(index + 1) : '·' }),
      h('h3', { class: 'group-name', dir: 'auto', title: g.name, text: g.name }),
      h('span', { class: 'group-size', testid: 'group-size', data: { count: n }, text: t('groups.size', { count: n }) }),
      ...(actions.length ? [h('span', { class: 'group-actions' }, actions)] : [])),
    ...(unassigned ? [] : [balanceBar({ women, men, total: n })]),
    list,
    ...(n === 0 ? [h('p', { class: 'group-empty', text: unassigned ? t('groups.everyoneAssigned') : t('groups.emptyGroup') })] : []));
    if (!unassigned) {
      card.querySelector('.group-name').addEventListener('dblclick', () => renameGroup(g));
    }
    // Drag and drop: the whole column takes a drop.
    card.addEventListener('dragover', (e) => {
      if (!dragging) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      card.classList.add('is-drop-target');
    });
    card.addEventListener('dragleave', (e) => {
      if (!card.contains(e.relatedTarget)) card.classList.remove('is-drop-target');
    });
    card.addEventListener('drop', (e) => {
      e.preventDefault();
      card.classList.remove('is-drop-target');
      const pid = dragging ?? e.dataTransfer?.getData('text/plain');
      dragging = null;
      if (pid) move(pid, g.key);
    });
    return card;
  }

  function memberEl(m, groupKey) {
    const latin = m.nameLatin && m.nameLatin !== m.fullName ? m.nameLatin : '';
    const meta = [countryName(m.country), m.organisation].filter(Boolean).join(' · ');
    const moveBtn = h('button', {
      type: 'button',
      class: 'btn-icon member-move',
      tabIndex: -1,
      title: t('groups.moveMenuHint'),
      aria: { label: t('groups.moveNamed', { name: m.fullName }), haspopup: 'menu' },
    }, icon('chevronDown'));
    const li = h('li', {
      class: 'member',
      testid: 'group-member',
      tabIndex: 0,
      draggable: true,
      data: { participant: m.participantId, group: groupKey ?? '', sex: m.sex },
      aria: {
        label: [m.fullName, latin, sexLabel(m.sex), meta].filter(Boolean).join(', '),
        keyshortcuts: 'Enter M 0 1 2 3 4 5 6 7 8 9',
        description: t('groups.memberKeys'),
      },
    },
    h('span', { class: ['sex-dot', `sex-${m.sex}`], title: sexLabel(m.sex), aria: { hidden: 'true' } }),
    h('span', { class: 'member-text' },
      h('span', { class: 'member-name', dir: 'auto', text: m.fullName }),
      ...(latin ? [h('span', { class: 'member-latin', text: latin })] : []),
      ...(meta ? [h('span', { class: 'member-meta', dir: 'auto', text: meta })] : [])),
    moveBtn);
    moveBtn.addEventListener('click', (e) => {
      e.stopPropagation();
      openMenu(li);
    });
    li.addEventListener('dragstart', (e) => {
      dragging = m.participantId;
      closeMenu();
      if (e.dataTransfer) {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', m.participantId);
      }
      li.classList.add('is-dragging');
      board.classList.add('is-dragging');
    });
    li.addEventListener('dragend', () => {
      dragging = null;
      li.classList.remove('is-dragging');
      board.classList.remove('is-dragging');
      for (const c of board.querySelectorAll('.is-drop-target')) c.classList.remove('is-drop-target');
    });
    return li;
  }

  function addGroupTile() {
    const b = h('button', { type: 'button', class: 'group-add-tile', testid: 'group-add-tile' }, icon('plus'), h('span', { text: t('groups.addGroup') }));
    b.addEventListener('click', addGroup);
    return b;
  }

  function focusMember(participantId) {
    const el = board.querySelector(`.member[data-participant="${CSS.escape(participantId)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }

  // ----- the keyboard -----
  board.addEventListener('keydown', (e) => {
    const li = e.target.closest?.('.member');
    if (!li || e.target !== li || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const pid = li.dataset.participant;
    const m = model();
    if (!m) return;
    if (e.key === ' ') {
      // Opened on key-up: a Space released over the menu would otherwise choose its first group.
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === 'm' || e.key === 'M' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      openMenu(li);
    } else if (/^[1-9]$/.test(e.key)) {
      const g = m.groups[Number(e.key) - 1];
      if (g) {
        e.preventDefault();
        move(pid, g.key);
      }
    } else if (e.key === '0') {
      e.preventDefault();
      move(pid, null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling;
      next?.focus();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      const cards = [...board.querySelectorAll('.group-card')];
      const card = li.closest('.group-card');
      const at = [...card.querySelectorAll('.member')].indexOf(li);
      const rtl = getComputedStyle(board).direction === 'rtl';
      const step = (e.key === 'ArrowRight') !== rtl ? 1 : -1;
      for (let i = cards.indexOf(card) + step; i >= 0 && i < cards.length; i += step) {
        const members = cards[i].querySelectorAll('.member');
        if (members.length) {
          members[Math.min(at, members.length - 1)].focus();
          break;
        }
      }
    }
  });

  board.addEventListener('keyup', (e) => {
    const li = e.target.closest?.('.member');
    if (li && e.target === li && e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      openMenu(li);
    }
  });

  // ----- "Move to…" -----
  function openMenu(li) {
    closeMenu();
    const m = model();
    const pid = li.dataset.participant;
    const found = m && findMember(m, pid);
    if (!found) return;
    const from = found.group?.key ?? null;
    const targets = [
      ...m.groups.map((g, i) => ({ key: g.key, name: g.name, n: i < 9 ? String(i + 1) : '', size: g.members.length })),
      { key: null, name: t('groups.unassigned'), n: '0', size: m.unassigned.length },
    ];
    const items = targets.map((target) => {
      const current = target.key === from;
      const item = h('button', {
        type: 'button',
        role: 'menuitem',
        class: ['move-option', current && 'is-current'],
        testid: 'group-move-option',
        data: { group: target.key ?? '' },
        tabIndex: -1,
        aria: { disabled: current ? 'true' : null },
      },
      h('span', { class: 'move-option-key', aria: { hidden: 'true' }, text: target.n }),
      h('span', { class: 'move-option-name', dir: 'auto', text: target.name }),
      h('span', { class: 'move-option-size', text: current ? t('groups.currentGroup') : t('groups.size', { count: target.size }) }));
      item.addEventListener('click', () => {
        if (current) return;
        closeMenu({ refocus: false });
        move(pid, target.key);
      });
      return item;
    });
    const el = h('div', { class: 'move-menu', role: 'menu', testid: 'group-move-menu', aria: { label: t('groups.moveTo', { name: found.member.fullName }) } },
      h('p', { class: 'move-menu-title', dir: 'auto', text: t('groups.moveTo', { name: found.member.fullName }) }),
      items);
    document.body.append(el);
    const r = li.getBoundingClientRect();
    const w = el.offsetWidth;
    const hgt = el.offsetHeight;
    el.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - w - 8))}px`;
    el.style.top = `${r.bottom + 4 + hgt > window.innerHeight - 8 ? Math.max(8, r.top - hgt - 4) : r.bottom + 4}px`;
    menu = { el, anchor: li };
    li.classList.add('is-menu-open');
    const enabled = () => items.filter((i) => i.getAttribute('aria-disabled') !== 'true');
    (enabled()[0] ?? items[0]).focus();
    el.addEventListener('keydown', (e) => {
      const list = enabled();
      const at = list.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        list[(at + step + list.length) % list.length]?.focus();
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        (e.key === 'Home' ? list[0] : list[list.length - 1])?.focus();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closeMenu();
      } else if (e.key === 'Tab') {
        e.preventDefault();
        closeMenu();
      } else if (/^[0-9]$/.test(e.key)) {
        const item = items.find((i) => i.querySelector('.move-option-key').textContent === e.key);
        if (item) {
          e.preventDefault();
          item.click();
        }
      }
    });
  }

  function closeMenu({ refocus = true } = {}) {
    if (!menu) return;
    const { el, anchor } = menu;
    menu = null;
    const hadFocus = el.contains(document.activeElement);
    el.remove();
    anchor.classList.remove('is-menu-open');
    if (refocus && hadFocus && anchor.isConnected) anchor.focus();
  }

  const onPointerDown = (e) => {
    if (menu && !menu.el.contains(e.target) && !e.target.closest?.('.member-move')) closeMenu({ refocus: false });
  };
  const onScroll = () => closeMenu({ refocus: false });
  document.addEventListener('mousedown', onPointerDown, true);
  window.addEventListener('resize', onScroll);
  document.addEventListener('scroll', onScroll, true);

  // ----- edits -----
  async function move(participantId, toKey) {
    const m = model();
    const found = m && findMember(m, participantId);
    if (!found || (found.group?.key ?? null) === toKey) return;
    const toName = toKey === null ? t('groups.unassigned') : m.groups.find((g) => g.key === toKey)?.name ?? '';
    if (draft) {
      for (const g of draft.groups) g.participantIds = g.participantIds.filter((id) => id !== participantId);
      if (toKey !== null) draft.groups.find((g) => g.key === toKey)?.participantIds.push(participantId);
      draw();
      focusMember(participantId);
      return;
    }
    if (busy) return;
    busy = true;
    try {
      const updated = await api.assignToGroup(selectedId, participantId, toKey);
      groupings = groupings.map((g) => (g.id === updated.id ? updated : g));
      ctx.hideError();
      draw();
      focusMember(participantId);
      undoBar.refresh();
      undoBar.toast(t('groups.moved', { name: found.member.fullName, group: toName }));
    } catch (err) {
      ctx.showError(err);
      await reload();
    } finally {
      busy = false;
    }
  }

  async function addGroup() {
    const m = model();
    if (!m) return;
    const suggestion = t('groups.groupN', { n: m.groups.length + 1 });
    if (draft) {
      const name = await askText({ title: t('groups.addGroup'), label: t('groups.groupName'), value: suggestion, testid: 'group-name-input', saveLabel: t('groups.addGroup'), save: async (text) => text });
      if (name === null) return;
      draft.groups.push({ key: `d${++draftSeq}`, name, participantIds: [] });
      draw();
      return;
    }
    const updated = await askText({
      title: t('groups.addGroup'),
      label: t('groups.groupName'),
      value: suggestion,
      testid: 'group-name-input',
      saveLabel: t('groups.addGroup'),
      save: (text) => api.addGroup(selectedId, text),
    });
    if (!updated) return;
    groupings = groupings.map((g) => (g.id === updated.id ? updated : g));
    draw();
    undoBar.refresh();
  }

  async function renameGroup(g) {
    if (draft) {
      const name = await askText({ title: t('groups.renameGroup'), label: t('groups.groupName'), value: g.name, testid: 'group-name-input', save: async (text) => text });
      if (name === null) return;
      const target = draft.groups.find((x) => x.key === g.key);
      if (target) target.name = name;
      draw();
      return;
    }
    const updated = await askText({
      title: t('groups.renameGroup'),
      label: t('groups.groupName'),
      value: g.name,
      testid: 'group-name-input',
      save: (text) => api.renameGroup(g.key, text),
    });
    if (!updated) return;
    groupings = groupings.map((x) => (x.id === updated.id ? updated : x));
    draw();
    undoBar.refresh();
  }

  async function deleteGroup(g) {
    if (draft) {
      draft.groups = draft.groups.filter((x) => x.key !== g.key);
      draw();
      return;
    }
    const ok = g.members.length === 0 || await confirmDialog({
      title: t('groups.deleteGroupTitle', { name: g.name }),
      body: [t('groups.deleteGroupText', { count: g.members.length })],
      confirmLabel: t('groups.deleteGroup'),
      confirmTestid: 'group-delete-confirm',
      danger: true,
    });
    if (!ok) return;
    try {
      const updated = await api.deleteGroup(g.key);
      groupings = groupings.map((x) => (x.id === updated.id ? updated : x));
      draw();
      undoBar.refresh();
      undoBar.toast(t('groups.groupDeleted', { name: g.name }));
    } catch (err) {
      ctx.showError(err);
    }
  }

  async function renameGrouping() {
    const g = selected();
    if (!g) return;
    const updated = await askText({
      title: t('groups.renameGrouping'),
      label: t('groups.groupingName'),
      value: g.name,
      testid: 'grouping-name-edit',
      save: (text) => api.renameGrouping(g.id, text),
    });
    if (!updated) return;
    groupings = groupings.map((x) => (x.id === updated.id ? updated : x));
    draw();
    undoBar.refresh();
  }

  async function deleteGrouping() {
    const g = selected();
    if (!g) return;
    const ok = await confirmDialog({
      title: t('groups.deleteGroupingTitle', { name: g.name }),
      body: [t('groups.deleteGroupingText', { count: g.groups.length })],
      confirmLabel: t('groups.deleteGrouping'),
      confirmTestid: 'grouping-delete-confirm',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.deleteGrouping(g.id);
      await reload();
      undoBar.refresh();
      undoBar.toast(t('groups.groupingDeleted', { name: g.name }));
      newBtn.focus();
    } catch (err) {
      ctx.showError(err);
    }
  }

  if (draft) {
    try {
      await loadPeople();
    } catch (err) {
      ctx.showError(err);
    }
  }
  draw();
  await undoBar.refresh();

  return {
    root,
    focus(opts = {}) {
      if (opts.restoring) return;
      root.querySelector('h1')?.focus({ preventScroll: true });
    },
    snapshot: () => ({ selectedId, draft }),
    unmount() {
      closeMenu({ refocus: false });
      undoBar.destroy();
      document.removeEventListener('mousedown', onPointerDown, true);
      window.removeEventListener('resize', onScroll);
      document.removeEventListener('scroll', onScroll, true);
    },
  };
}
