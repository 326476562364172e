// What changes the groups: moving someone, adding, renaming or deleting a group, renaming or
// deleting the grouping. In a draft these change the draft only; otherwise each is stored at
// once as one undoable edit.
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { confirmDialog } from '../../components/confirm-dialog.js';
import { findMember } from './model.js';
import { askName } from './name-dialog.js';

export function createEdits(page) {
  /** Moves a participant to the group `toKey` (null: Unassigned); the name keeps the focus. */
  async function move(participantId, toKey) {
    const m = page.model();
    const found = m && findMember(m, participantId);
    if (!found || (found.group?.key ?? null) === toKey) return;
    if (page.draft) {
      page.moveInDraft(participantId, toKey);
      page.draw();
      page.focusMember(participantId);
      return;
    }
    if (page.busy) return;
    const toName = toKey === null ? t('groups.unassigned') : m.groups.find((g) => g.key === toKey)?.name ?? '';
    page.busy = true;
    try {
      const updated = await api.assignToGroup(page.selectedId, participantId, toKey);
      page.replaceGrouping(updated);
      page.ctx.hideError();
      page.draw();
      page.focusMember(participantId);
      page.undoBar.edited(t('groups.moved', { name: found.member.fullName, group: toName }));
    } catch (err) {
      page.ctx.showError(err);
      await page.reload();
    } finally {
      page.busy = false;
    }
  }

  async function addGroup() {
    const m = page.model();
    if (!m) return;
    const ask = {
      title: t('groups.addGroup'),
      label: t('groups.groupName'),
      value: t('groups.groupN', { n: m.groups.length + 1 }),
      testid: 'group-name-input',
      saveLabel: t('groups.addGroup'),
    };
    if (page.draft) {
      const name = await askName(ask);
      if (name === null) return;
      page.addDraftGroup(name);
      page.draw();
      return;
    }
    stored(await askName({ ...ask, save: (name) => api.addGroup(page.selectedId, name) }));
  }

  async function renameGroup(g) {
    const ask = { title: t('groups.renameGroup'), label: t('groups.groupName'), value: g.name, testid: 'group-name-input' };
    if (page.draft) {
      const name = await askName(ask);
      if (name === null) return;
      const target = page.draft.groups.find((x) => x.key === g.key);
      if (target) target.name = name;
      page.draw();
      return;
    }
    stored(await askName({ ...ask, save: (name) => api.renameGroup(g.key, name) }));
  }

  async function deleteGroup(g) {
    if (page.draft) {
      page.draft.groups = page.draft.groups.filter((x) => x.key !== g.key);
      page.draw();
      return;
    }
    // An empty group goes without asking.
    const ok = g.members.length === 0 || await confirmDialog({
      title: t('groups.deleteGroupTitle', { name: g.name }),
      body: [t('groups.deleteGroupText', { count: g.members.length })],
      confirmLabel: t('groups.deleteGroup'),
      confirmTestid: 'group-delete-confirm',
      danger: true,
    });
    if (!ok) return;
    try {
      stored(await api.deleteGroup(g.key), t('groups.groupDeleted', { name: g.name }));
    } catch (err) {
      page.ctx.showError(err);
    }
  }

  async function renameGrouping() {
    const g = page.selected();
    if (!g) return;
    stored(await askName({
      title: t('groups.renameGrouping'),
      label: t('groups.groupingName'),
      value: g.name,
      testid: 'grouping-name-edit',
      save: (name) => api.renameGrouping(g.id, name),
    }));
  }

  async function deleteGrouping() {
    const g = page.selected();
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
      await page.reload();
      page.undoBar.edited(t('groups.groupingDeleted', { name: g.name }));
      page.focusNewGrouping();
    } catch (err) {
      page.ctx.showError(err);
    }
  }

  /** A grouping the core sent back after an edit (nothing when the dialog was cancelled). */
  function stored(updated, message = null) {
    if (!updated) return;
    page.replaceGrouping(updated);
    page.draw();
    page.undoBar.edited(message);
  }

  return { move, addGroup, renameGroup, deleteGroup, renameGrouping, deleteGrouping };
}
