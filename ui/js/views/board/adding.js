// Adding what the room says: Enter saves the note and it goes into the list as soon as it is
// saved, the input then empty for the next one. A save that takes longer than a glance shows the
// text in the list meanwhile, marked as on its way (a quick one skips that frame: drawing the list
// twice would double what Enter costs). "# " first makes a heading. A failed save keeps the text:
// in the input if nothing was typed since, else in the list with Retry and "Back to the input".
//
// The typed text stays in the input until its note is painted (or anything is typed there, or
// the save is slow): emptying a focused input costs WebKit a frame of its own, about 30 ms on the
// machine of BENCHMARKS.md, which would otherwise come before the note's.
import { uniqueId } from '../../dom.js';
import * as api from '../../api.js';
import { errorText } from '../../errors.js';
import { QUADRANTS } from './model.js';

/** How long a save may take before its note is shown on its way (ms). */
const PENDING_AFTER = 100;

/** Runs `fn` in a task after the next frame is painted. */
const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

export function createAdding(ed) {
  /** Per quadrant, the text of a note added and still in its input, to be emptied. */
  const held = new Map();

  function emptyInput(q) {
    if (!held.has(q)) return;
    const raw = held.get(q);
    held.delete(q);
    const input = ed.quadrantInput(q);
    if (input.value === raw) input.value = '';
  }

  // Anything typed into the input empties it first (a key, a paste, an input method's text).
  for (const q of QUADRANTS) {
    const input = ed.quadrantInput(q);
    for (const type of ['keydown', 'beforeinput', 'compositionstart']) input.addEventListener(type, () => emptyInput(q));
  }

  /** What the input holds for the facilitator: not the text of a note already added. */
  const inputText = (q) => (held.has(q) ? '' : ed.quadrantInput(q).value);

  async function addFrom(q) {
    const input = ed.quadrantInput(q);
    const raw = input.value;
    const text = raw.trim();
    if (!text) return;
    const headingMatch = /^#\s+(.+)$/s.exec(text);
    const entry = { key: uniqueId('pending'), raw, text: headingMatch ? headingMatch[1].trim() : text, heading: Boolean(headingMatch), failed: null };
    held.set(q, raw);
    ed.writeDraft(q, '');
    ed.pendingAdds.get(q).push(entry);
    await submitPending(q, entry, PENDING_AFTER);
  }

  function forget(q, entry) {
    const pending = ed.pendingAdds.get(q);
    pending.splice(pending.indexOf(entry), 1);
  }

  /** Saves the entry; it is drawn on its way after `showAfter` ms if not saved by then. */
  async function submitPending(q, entry, showAfter = 0) {
    entry.failed = null;
    const showPending = () => {
      emptyInput(q);
      ed.drawQuadrant(q);
      ed.scrollToEnd(q);
    };
    let timer = null;
    if (showAfter > 0) timer = setTimeout(showPending, showAfter);
    else showPending();
    const raisedBy = { groupId: ed.raisedByDefault?.groupId ?? null, participantId: ed.raisedByDefault?.participantId ?? null };
    const r = await ed.save(() => (entry.heading
      ? api.addHeading(ed.board.id, q, entry.text)
      : api.addNote(ed.board.id, q, entry.text, raisedBy)));
    clearTimeout(timer);
    const input = ed.quadrantInput(q);
    if (r.ok) {
      forget(q, entry);
      ed.applyNote(r.value, null, true);
      ed.scrollToEnd(q);
      afterPaint(() => {
        if (held.get(q) === entry.raw) emptyInput(q);
      });
      return;
    }
    if (held.get(q) === entry.raw) {
      // Still in the input, nothing typed since: it stays there, as it was.
      held.delete(q);
      forget(q, entry);
      ed.writeDraft(q, entry.raw);
      ed.drawQuadrant(q);
    } else if (!input.value.trim()) {
      // Nothing typed since: the text goes back into the input, as it was.
      forget(q, entry);
      input.value = entry.raw;
      ed.writeDraft(q, entry.raw);
      ed.drawQuadrant(q);
    } else {
      entry.failed = errorText(r.err);
      ed.drawQuadrant(q);
      ed.scrollToEnd(q);
    }
  }

  function backToInput(q, entry) {
    forget(q, entry);
    const input = ed.quadrantInput(q);
    input.value = input.value.trim() ? `${entry.raw} ${input.value}` : entry.raw;
    ed.writeDraft(q, input.value);
    ed.drawQuadrant(q);
    input.focus();
  }

  return { addFrom, submitPending, backToInput, inputText };
}
