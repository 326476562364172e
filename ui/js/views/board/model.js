// What a SWOT board is, apart from any screen: its quadrants and where they sit, the order its
// notes are shown in, where a keyboard move puts a note, and the addresses of its screens.

export const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'];

/** Where each quadrant sits in the 2×2 grid: [row, column]. */
const GRID = { strengths: [0, 0], weaknesses: [0, 1], opportunities: [1, 0], threats: [1, 1] };

function quadrantAt(row, col) {
  return QUADRANTS.find((q) => GRID[q][0] === row && GRID[q][1] === col) ?? null;
}

/** The quadrant beside `q` in the grid for ← or → (null at the edge). */
export function quadrantBeside(q, key) {
  const [row, col] = GRID[q];
  return quadrantAt(row, col + (key === 'ArrowRight' ? 1 : -1));
}

/** Where Alt+Shift+arrows send a note: ← → in reading order, ↑ ↓ in the grid. */
export function quadrantToward(q, key) {
  const [row, col] = GRID[q];
  const i = QUADRANTS.indexOf(q);
  switch (key) {
    case 'ArrowLeft': return QUADRANTS[i - 1] ?? null;
    case 'ArrowRight': return QUADRANTS[i + 1] ?? null;
    case 'ArrowUp': return quadrantAt(row - 1, col);
    case 'ArrowDown': return quadrantAt(row + 1, col);
    default: return null;
  }
}

/** The question as the core compares it: without case or extra spaces. */
export function questionKey(question) {
  return String(question ?? '').split(/\s+/).filter(Boolean).join(' ').toLowerCase();
}

export function boardsHref(workshopId) {
  return `#/workshops/${encodeURIComponent(workshopId)}/boards`;
}

export function boardHref(workshopId, boardId) {
  return `${boardsHref(workshopId)}/${encodeURIComponent(boardId)}`;
}

function sortNotes(notes) {
  return [...(notes ?? [])].sort((a, b) => QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant) || a.position - b.position);
}

/** The board as the core sent it, its notes in quadrant and position order. */
export function normalise(board) {
  return { ...board, notes: sortNotes(board.notes) };
}

/** The board with `note` as the core sent it back (a new one added, unless `added` is false). */
export function withNote(board, note, added) {
  const notes = board.notes.map((n) => (n.id === note.id ? note : n));
  if (added && !board.notes.some((n) => n.id === note.id)) notes.push(note);
  return { ...board, notes: sortNotes(notes) };
}

/** The notes that count as notes: headings only group them. */
export function plainNotes(notes) {
  return notes.filter((n) => !n.isHeading);
}

/** The notes grouped under a heading. */
export function notesUnder(board, headingId) {
  return board.notes.filter((n) => n.headingId === headingId && !n.isHeading);
}

/**
 * A quadrant's rows as shown: [{ note, depth, rank }]. Headings are followed by their notes
 * (depth 1); with `ranking`, the notes alone by votes, each with its place (ties share one;
 * notes nobody voted for get none).
 */
export function displayOrder(board, quadrant, ranking) {
  const notes = board.notes.filter((n) => n.quadrant === quadrant);
  if (ranking) {
    const plain = plainNotes(notes);
    return plain
      .map((n, i) => ({ n, i }))
      .sort((a, b) => b.n.votes - a.n.votes || a.i - b.i)
      .map(({ n }) => ({ note: n, depth: 0, rank: n.votes > 0 ? 1 + plain.filter((o) => o.votes > n.votes).length : null }));
  }
  const headings = new Set(notes.filter((n) => n.isHeading).map((n) => n.id));
  const rows = [];
  for (const n of notes) {
    if (!n.isHeading && n.headingId && headings.has(n.headingId)) continue;
    rows.push({ note: n, depth: 0 });
    if (n.isHeading) {
      for (const c of notes) if (!c.isHeading && c.headingId === n.id) rows.push({ note: c, depth: 1 });
    }
  }
  return rows;
}

/**
 * Alt+↑/↓: where one place up (`dir` -1) or down (+1) among the notes beside it (under the same
 * heading, or not under any) is, as the core's move wants it: { before } (null: at the end), or
 * null when the note is already first or last.
 */
export function reorderTarget(board, note, dir) {
  const all = board.notes.filter((n) => n.quadrant === note.quadrant);
  const headings = new Set(all.filter((n) => n.isHeading).map((n) => n.id));
  const grouped = !note.isHeading && note.headingId && headings.has(note.headingId);
  const siblings = all.filter((n) => (grouped
    ? !n.isHeading && n.headingId === note.headingId
    : n.isHeading || !n.headingId || !headings.has(n.headingId)));
  const i = siblings.findIndex((n) => n.id === note.id);
  if (dir < 0) return i > 0 ? { before: siblings[i - 1].id } : null;
  if (i < 0 || i >= siblings.length - 1) return null;
  // Before whatever follows the next sibling in the quadrant's order (its notes, if a heading).
  const others = all.filter((n) => n.id !== note.id);
  const j = others.findIndex((n) => n.id === siblings[i + 1].id);
  return { before: others[j + 1]?.id ?? null };
}

/** The note shown after `targetId` once `movingId` is taken out (where a drop "after" goes). */
export function noteShownAfter(board, quadrant, targetId, movingId) {
  const rows = displayOrder(board, quadrant, false).filter((r) => r.note.id !== movingId);
  const i = rows.findIndex((r) => r.note.id === targetId);
  return rows[i + 1]?.note.id ?? null;
}
