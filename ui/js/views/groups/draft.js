// The draft of a new grouping: suggested by sub-region or by country (or three empty groups),
// then edited freely (rename, move, add, remove groups) and stored only by "Create grouping".
// A draft holds participant IDs only; everyone registered is read once for it.
import { h, icon } from '../../dom.js';
import { t, language } from '../../i18n.js';
import * as api from '../../api.js';
import { errorText } from '../../errors.js';
import { field, createFieldErrors } from '../../components/form-fields.js';
import { showToast } from '../../components/toast.js';

const SUGGEST_BY = ['sub_region', 'country', 'none'];

export function createDraft(page, restoredDraft) {
  /** { name, nameTouched, by, groups: [{ key, name, participantIds }], error, errorField }. */
  page.draft = restoredDraft ?? null;
  // Draft groups are keyed d1, d2…; a draft carried over a language switch keeps its keys.
  let seq = Math.max(0, ...(page.draft?.groups ?? []).map((g) => Number(String(g.key).slice(1)) || 0));
  let nameInput = null; // the draft's name field, while it is shown
  let people = null; // Map participant ID → member, once read

  const newKey = () => `d${++seq}`;

  /** Everyone registered, by ID (for drafts, which hold only IDs). */
  async function loadPeople() {
    if (people) return people;
    const list = await api.listParticipants(page.workshopId, '', false);
    people = new Map(list.map((p) => [p.id, {
      participantId: p.id, fullName: p.fullName, nameLatin: p.nameLatin, sex: p.sex, country: p.country, organisation: p.organisation,
    }]));
    return people;
  }

  function focusName() {
    nameInput?.focus();
  }

  /** The draft's part of the bar: its name, what the suggestion is by, Cancel and Create. */
  function draftBar(m) {
    const { draft } = page;
    const errors = createFieldErrors();
    const input = h('input', { type: 'text', class: 'input', testid: 'grouping-name-input', value: draft.name, maxLength: 120, dir: 'auto', autocomplete: 'off' });
    const formError = draft.error ? h('p', { class: 'form-error', role: 'alert', testid: 'grouping-error', text: draft.error }) : null;
    input.addEventListener('input', () => {
      draft.name = input.value;
      draft.nameTouched = true;
      errors.clear('name');
      // A name typed answers "the name is required": that error must not come back with a redraw.
      if (draft.errorField === 'name') {
        draft.error = null;
        draft.errorField = null;
        formError?.remove();
      }
      page.renameDraftTab(draft.name);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        createFromDraft();
      }
    });
    const by = h('select', { class: 'select', testid: 'groups-suggest-by' },
      SUGGEST_BY.map((v) => h('option', { value: v, text: t(`groups.by.${v}`), selected: v === draft.by })));
    by.addEventListener('change', async () => {
      await suggestInto(by.value);
      page.barEl.querySelector('[data-testid="groups-suggest-by"]')?.focus();
    });
    const nameField = field({ label: t('groups.groupingName'), control: input });
    errors.register('name', { control: input, container: nameField });
    const byField = field({ label: t('groups.suggestBy'), control: by });
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'grouping-cancel', text: t('common.cancel') });
    cancel.addEventListener('click', cancelDraft);
    const create = h('button', { type: 'button', class: 'btn btn-primary', testid: 'grouping-create' }, icon('check'), h('span', { text: t('groups.create') }));
    create.addEventListener('click', createFromDraft);
    if (draft.errorField === 'name') errors.show('name', draft.error);
    nameInput = input;
    return [
      h('div', { class: 'draft-notice' },
        icon('sparkle', 'icon draft-icon'),
        h('div', {},
          h('strong', { text: t('groups.draftTitle') }),
          h('span', { class: 'muted', text: ` ${t('groups.draftText')}` }))),
      h('div', { class: 'draft-fields' }, nameField, byField,
        h('p', { class: 'draft-summary muted', testid: 'grouping-summary', text: page.summaryText(m) })),
      formError,
      h('div', { class: 'grouping-bar-actions' }, page.addGroupButton(), h('span', { class: 'spacer' }), cancel, create),
    ];
  }

  async function startDraft(by) {
    if (page.draft) {
      focusName();
      return;
    }
    try {
      await loadPeople();
    } catch (err) {
      page.ctx.showError(err);
      return;
    }
    page.draft = { name: '', nameTouched: false, by, groups: [], error: null };
    await suggestInto(by);
    focusName();
    nameInput?.select();
  }

  /** Fills the draft with the suggestion `by` ('sub_region', 'country' or 'none'). */
  async function suggestInto(by) {
    const { draft } = page;
    if (!draft) return;
    draft.by = by;
    if (!draft.nameTouched) draft.name = t(`groups.defaultName.${by}`);
    draft.error = null;
    draft.errorField = null;
    if (by === 'none') {
      draft.groups = [1, 2, 3].map((n) => ({ key: newKey(), name: t('groups.groupN', { n }), participantIds: [] }));
    } else {
      try {
        const suggested = await api.suggestGroups(page.workshopId, by, language());
        draft.groups = suggested.map((g) => ({ key: newKey(), name: g.name, participantIds: [...g.participantIds] }));
      } catch (err) {
        page.ctx.showError(err);
        draft.groups = [];
      }
    }
    page.draw();
  }

  function cancelDraft() {
    page.draft = null;
    nameInput = null;
    page.draw();
    page.focusNewGrouping();
  }

  async function createFromDraft() {
    const { draft } = page;
    if (!draft || page.busy) return;
    const name = draft.name.trim();
    if (!name) {
      draft.error = t('groups.groupingNameRequired');
      draft.errorField = 'name';
      page.draw();
      focusName();
      return;
    }
    page.busy = true;
    try {
      const created = await api.createGrouping(page.workshopId, name,
        draft.groups.map((g) => ({ name: g.name, participantIds: g.participantIds })));
      page.draft = null;
      nameInput = null;
      page.groupings = await api.listGroupings(page.workshopId);
      page.select(created.id);
      page.undoBar.edited();
      showToast(t('groups.created', { name: created.name }));
      page.board.querySelector('[data-testid="group-member"]')?.focus();
    } catch (err) {
      if (!page.draft) {
        // Created, but not read back: the banner says why the screen may be out of date.
        page.ctx.showError(err);
        return;
      }
      draft.error = errorText(err);
      draft.errorField = err?.field === 'name' ? 'name' : null;
      page.draw();
    } finally {
      page.busy = false;
    }
  }

  /** Moves a participant within the draft (`groupKey` null: to Unassigned). */
  function moveInDraft(participantId, groupKey) {
    for (const g of page.draft.groups) g.participantIds = g.participantIds.filter((id) => id !== participantId);
    if (groupKey !== null) page.draft.groups.find((g) => g.key === groupKey)?.participantIds.push(participantId);
  }

  const addDraftGroup = (name) => page.draft.groups.push({ key: newKey(), name, participantIds: [] });

  return {
    loadPeople,
    people: () => people,
    draftBar,
    startDraft,
    moveInDraft,
    addDraftGroup,
  };
}
