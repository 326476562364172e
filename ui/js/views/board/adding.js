// Adding what the room says: the text typed into a quadrant's input goes into the list at once,
// marked as on its way, and the input is free for the next note. "# " first makes a heading.
// A failed save keeps the text: back in the input if nothing was typed since, else in the list
// with Retry and "Back to the input".
import { uniqueId } from '../../dom.js';
import * as api from '../../api.js';
import { errorText } from '../../errors.js';

export function createAdding(ed) {
  async function addFrom(q) {
    const input = ed.quadrantInput(q);
    const raw = input.value;
    const text = raw.trim();
    if (!text) return;
    const headingMatch = /^#\s+(.+)$/s.exec(text);
    const entry = { key: uniqueId('pending'), raw, text: headingMatch ? headingMatch[1].trim() : text, heading: Boolean(headingMatch), failed: null };
    input.value = '';
    ed.writeDraft(q, '');
    ed.pendingAdds.get(q).push(entry);
    ed.drawQuadrant(q);
    ed.scrollToEnd(q);
    await submitPending(q, entry);
  }

  function forget(q, entry) {
    const pending = ed.pendingAdds.get(q);
    pending.splice(pending.indexOf(entry), 1);
  }

  async function submitPending(q, entry) {
    entry.failed = null;
    ed.drawQuadrant(q);
    const raisedBy = { groupId: ed.raisedByDefault?.groupId ?? null, participantId: ed.raisedByDefault?.participantId ?? null };
    const r = await ed.save(() => (entry.heading
      ? api.addHeading(ed.board.id, q, entry.text)
      : api.addNote(ed.board.id, q, entry.text, raisedBy)));
    const input = ed.quadrantInput(q);
    if (r.ok) {
      forget(q, entry);
      ed.applyNote(r.value, null, true);
      ed.scrollToEnd(q);
      return;
    }
    if (!input.value.trim()) {
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

  return { addFrom, submitPending, backToInput };
}
