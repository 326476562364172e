// Grouping notes under a heading (H on a note): one of the quadrant's headings, or a new one
// typed there, made where the note is.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { glyph } from './glyphs.js';

export function createHeadings(ed) {
  function pickHeading(id, anchor) {
    const note = ed.byId(id);
    if (!note || note.isHeading) return;
    const headings = ed.board.notes.filter((n) => n.isHeading && n.quadrant === note.quadrant);
    const input = h('input', {
      type: 'text',
      class: 'input input-small',
      testid: 'heading-new-input',
      dir: 'auto',
      maxLength: 1000,
      autocomplete: 'off',
      placeholder: t('board.heading.newPlaceholder'),
      aria: { label: t('board.heading.new') },
    });
    const { list, first } = ed.menuList([
      ...headings.map((heading) => ({
        label: heading.text,
        testid: 'heading-option',
        icon: glyph('heading'),
        hint: note.headingId === heading.id ? '✓' : null,
        run: () => groupUnder(id, heading.id),
      })),
      ...(note.headingId ? [{ label: t('board.heading.none'), testid: 'heading-none', run: () => groupUnder(id, null) }] : []),
    ]);
    input.addEventListener('keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        const text = input.value.trim();
        if (!text) return;
        ed.closePopover();
        groupUnderNew(id, text);
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        first()?.focus();
      }
    });
    ed.openPopover(anchor, [
      h('p', { class: 'board-popover-title', text: t('board.heading.title') }),
      input,
      ...(headings.length || note.headingId ? [list] : [h('p', { class: 'board-popover-note muted', text: t('board.heading.noneYet') })]),
    ], { testid: 'heading-picker', label: t('board.heading.title'), returnTo: id, className: 'board-popover-picker' });
    input.focus();
  }

  /** Puts the note under the heading (null: under none). */
  async function groupUnder(id, headingId) {
    ed.focusId = id;
    const r = await ed.save(() => api.setNoteHeading(id, headingId));
    if (r.ok) ed.applyBoard(r.value, { note: id });
  }

  /**
   * A new heading with the note under it, as one edit: the core puts the heading where the note
   * stood, above it or above the heading the note was under.
   */
  async function groupUnderNew(id, text) {
    const note = ed.byId(id);
    if (!note) return;
    ed.focusId = id;
    const made = await ed.save(() => api.addHeading(ed.board.id, note.quadrant, text, [id]));
    if (made.ok) ed.reload({ note: id });
  }

  return { pickHeading, groupUnder, groupUnderNew };
}
