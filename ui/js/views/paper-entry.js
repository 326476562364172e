// Typing a paper sign-in sheet back in, on the attendance screen: choose the day and session, and
// the sheet's list appears in the same order and numbering as on paper. Keyboard first: type the
// ticked row numbers ("1 3 4-9", Enter), or move with the arrow keys and tick with Space; Ctrl+Enter
// saves every tick at once, marked "from paper". People already marked for the session (at the
// kiosk, by hand) are shown ticked and stay as they are.
import { h, clear } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { formatSlotDay, sessionName } from '../format.js';
import { sheetHash } from './sign-in-sheet.js';

/**
 * "1 3 4-9" → [1, 3, 4, 5, 6, 7, 8, 9]. Commas, spaces and dashes of any kind separate; a range
 * may run backwards ("9-4"). Returns { numbers, bad } with `bad` the pieces that are not numbers
 * or rows of the sheet (1…max).
 */
export function parseRowNumbers(text, max) {
  const numbers = [];
  const bad = [];
  const pieces = String(text ?? '')
    .replace(/\s*[-\u2010-\u2015\u2212]\s*/g, '-')
    .split(/[\s,;]+/)
    .filter(Boolean);
  for (const piece of pieces) {
    const range = piece.match(/^(\d+)-(\d+)$/);
    const single = piece.match(/^\d+$/);
    if (range) {
      let [from, to] = [Number(range[1]), Number(range[2])];
      if (from > to) [from, to] = [to, from];
      if (from < 1 || to > max || to - from > 1000) {
        bad.push(piece);
        continue;
      }
      for (let n = from; n <= to; n += 1) numbers.push(n);
    } else if (single && Number(piece) >= 1 && Number(piece) <= max) {
      numbers.push(Number(piece));
    } else {
      bad.push(piece);
    }
  }
  return { numbers: [...new Set(numbers)], bad };
}

/**
 * The paper entry panel. `onSaved(grid, { count, slot })` after saving, `onClose()` when left
 * without saving. `restore` brings back a slot and ticks after a language switch.
 */
export function createPaperEntry({ workshop, slot: startSlot, restore = null, onSaved, onClose, showError, hideError }) {
  const perDay = Math.max(1, Number(workshop.sessionsPerDay) || 1);
  let slot = restore?.slot ?? startSlot;
  let sheet = null;
  const ticks = new Set(restore?.ticks ?? []);
  let saving = false;
  let activeNumber = 1;
  let loadToken = 0;

  const daySelect = h('select', { class: 'select', id: 'paper-entry-day', testid: 'paper-entry-day' },
    (workshop.days ?? []).map((day, i) => h('option', { value: day, selected: day === slot.day, text: t('print.dayOption', { n: i + 1, date: formatSlotDay(day) }) })));
  const sessionSelect = h('select', { class: 'select', id: 'paper-entry-session', testid: 'paper-entry-session' },
    Array.from({ length: perDay }, (_, i) => h('option', { value: i + 1, selected: i + 1 === slot.session, text: sessionName(i + 1, perDay) })));
  const numbers = h('input', {
    type: 'text',
    class: 'input paper-numbers',
    id: 'paper-entry-numbers',
    testid: 'paper-entry-numbers',
    autocomplete: 'off',
    spellcheck: false,
    inputMode: 'numeric',
    placeholder: t('paper.numbersPlaceholder'),
    aria: { describedby: 'paper-entry-feedback' },
  });
  const feedback = h('p', { class: 'paper-feedback', id: 'paper-entry-feedback', testid: 'paper-entry-feedback', aria: { live: 'polite' } });
  const list = h('ol', { class: 'paper-list', testid: 'paper-entry', aria: { label: t('paper.listLabel') } });
  const count = h('p', { class: 'paper-count', testid: 'paper-entry-count', aria: { live: 'polite' } });
  const saveBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'paper-entry-save' });
  const cancelBtn = h('button', { type: 'button', class: 'btn', testid: 'paper-entry-cancel', text: t('common.cancel') });
  const printLink = h('a', { class: 'btn btn-small btn-ghost', testid: 'paper-entry-print' });

  function rowOf(number) {
    return sheet?.rows?.find((r) => r.number === number) ?? null;
  }

  function drawCount() {
    const already = sheet ? sheet.rows.filter((r) => r.mark).length : 0;
    count.textContent = sheet
      ? t('paper.count', { ticked: formatNumber(ticks.size), already: formatNumber(already), count: sheet.rows.length })
      : '';
    saveBtn.textContent = t('paper.save', { count: ticks.size });
    saveBtn.disabled = saving || ticks.size === 0;
  }

  function drawList() {
    const hadFocus = list.contains(document.activeElement);
    clear(list);
    if (!sheet) return;
    for (const row of sheet.rows) {
      const locked = Boolean(row.mark);
      const ticked = locked || ticks.has(row.participantId);
      const box = h('input', {
        type: 'checkbox',
        class: 'paper-check',
        checked: ticked,
        tabIndex: row.number === activeNumber ? 0 : -1,
        testid: 'paper-entry-check',
        // Not `disabled`: a disabled box cannot take the focus, and the arrow keys would skip it.
        aria: { label: t('paper.rowLabel', { number: row.number, name: row.fullName }), disabled: locked ? 'true' : null },
      });
      box.addEventListener('click', (e) => {
        if (locked) e.preventDefault();
      });
      box.addEventListener('change', () => toggle(row, box.checked));
      box.addEventListener('focus', () => {
        activeNumber = row.number;
        for (const other of list.querySelectorAll('.paper-check')) other.tabIndex = other === box ? 0 : -1;
      });
      list.append(h('li', {
        class: ['paper-row', ticked && 'is-ticked', locked && 'is-locked'],
        testid: 'paper-entry-row',
        data: { number: row.number, participant: row.participantId, mark: row.mark ?? (ticks.has(row.participantId) ? 'new' : null) },
      },
      h('label', { class: 'paper-label' },
        box,
        h('span', { class: 'paper-no', text: formatNumber(row.number) }),
        h('span', { class: 'paper-who' },
          h('span', { class: 'paper-name', dir: 'auto', text: row.fullName }),
          row.nameLatin ? h('span', { class: 'paper-latin', text: row.nameLatin }) : null),
        h('span', { class: 'paper-org', dir: 'auto', text: row.organisation }),
        h('span', { class: 'paper-state' },
          locked
            ? h('span', { class: 'paper-already', title: t(`attendance.how.${row.mark}`) },
              h('span', { class: `attendance-how how-${row.mark}`, aria: { hidden: 'true' }, text: t(`attendance.howShort.${row.mark}`) }),
              h('span', { text: t('paper.already') }))
            : null))));
    }
    if (hadFocus) focusRow(activeNumber);
  }

  function draw() {
    drawList();
    drawCount();
  }

  function focusRow(number) {
    const rows = sheet?.rows ?? [];
    if (!rows.length) return;
    activeNumber = Math.min(Math.max(1, number), rows.length);
    const box = list.querySelector(`[data-number="${activeNumber}"] .paper-check`);
    box?.focus();
    box?.closest('li')?.scrollIntoView({ block: 'nearest' });
  }

  function toggle(row, on) {
    if (row.mark) return;
    if (on) ticks.add(row.participantId);
    else ticks.delete(row.participantId);
    const li = list.querySelector(`[data-number="${row.number}"]`);
    li?.classList.toggle('is-ticked', on);
    if (li) li.dataset.mark = on ? 'new' : '';
    drawCount();
  }

  function tickTyped() {
    if (!sheet) return;
    const { numbers: found, bad } = parseRowNumbers(numbers.value, sheet.rows.length);
    for (const n of found) {
      const row = rowOf(n);
      if (row && !row.mark) ticks.add(row.participantId);
    }
    feedback.classList.toggle('is-error', bad.length > 0);
    if (bad.length) {
      feedback.textContent = t('paper.badNumbers', { bad: bad.join(' '), max: sheet.rows.length });
      // Keep only what was wrong in the box, to correct it.
      numbers.value = bad.join(' ');
    } else {
      feedback.textContent = found.length ? t('paper.ticked', { count: found.length }) : '';
      numbers.value = '';
    }
    draw();
  }

  async function load() {
    const token = ++loadToken;
    sheet = null;
    feedback.textContent = '';
    draw();
    list.setAttribute('aria-busy', 'true');
    printLink.href = sheetHash(workshop.id, slot);
    try {
      const next = await api.signInSheet(workshop.id, slot);
      if (token !== loadToken) return;
      sheet = next;
      // Ticks belong to one sheet: drop any of people not on this one.
      const here = new Set(sheet.rows.map((r) => r.participantId));
      for (const id of [...ticks]) if (!here.has(id)) ticks.delete(id);
      hideError();
    } catch (err) {
      if (token !== loadToken) return;
      showError(err);
    } finally {
      if (token === loadToken) list.removeAttribute('aria-busy');
    }
    draw();
  }

  function changeSlot() {
    const next = { day: daySelect.value, session: Number(sessionSelect.value) };
    if (next.day === slot.day && next.session === slot.session) return;
    // Ticks typed for one session never carry over to another.
    ticks.clear();
    slot = next;
    load();
  }

  async function save() {
    if (saving || !ticks.size) return;
    saving = true;
    drawCount();
    const ids = sheet.rows.filter((r) => ticks.has(r.participantId)).map((r) => r.participantId);
    try {
      const grid = await api.markAttendanceMany(workshop.id, slot, ids, 'paper');
      hideError();
      ticks.clear();
      onSaved(grid, { count: ids.length, slot, ids });
    } catch (err) {
      showError(err);
    } finally {
      saving = false;
      drawCount();
    }
  }

  daySelect.addEventListener('change', changeSlot);
  sessionSelect.addEventListener('change', changeSlot);
  numbers.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      tickTyped();
    } else if (e.key === 'ArrowDown' && !numbers.value) {
      e.preventDefault();
      focusRow(activeNumber);
    }
  });
  list.addEventListener('keydown', (e) => {
    if (!e.target.classList?.contains('paper-check') || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (step) {
      e.preventDefault();
      if (step === -1 && activeNumber === 1) numbers.focus();
      else focusRow(activeNumber + step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'Home' ? 1 : sheet?.rows?.length ?? 1);
    } else if (e.key === 'Enter') {
      // Enter ticks too, as on the number box; Space is the checkbox's own.
      e.preventDefault();
      const row = rowOf(activeNumber);
      if (row && !row.mark) {
        e.target.checked = !e.target.checked;
        toggle(row, e.target.checked);
      }
    }
  });
  saveBtn.addEventListener('click', save);
  cancelBtn.addEventListener('click', () => onClose());

  const root = h('section', { class: 'paper-entry card', testid: 'paper-entry-panel', aria: { labelledby: 'paper-entry-heading' } },
    h('div', { class: 'paper-entry-head' },
      h('div', {},
        h('h2', { class: 'paper-entry-title', id: 'paper-entry-heading', text: t('paper.title') }),
        h('p', { class: 'muted small', text: t('paper.intro') })),
      printLink),
    h('div', { class: 'paper-entry-controls' },
      h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'paper-entry-day', text: t('signIn.dayLabel') }), daySelect),
      h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'paper-entry-session', text: t('signIn.sessionLabel') }), sessionSelect),
      h('div', { class: 'field paper-numbers-field' },
        h('label', { class: 'field-label', for: 'paper-entry-numbers', text: t('paper.numbersLabel') }),
        numbers,
        feedback)),
    h('p', { class: 'paper-keys muted small', text: t('paper.keys') }),
    list,
    h('div', { class: 'paper-entry-foot' }, count, cancelBtn, saveBtn));
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && !ticks.size) {
      e.preventDefault();
      onClose();
    }
  });
  printLink.append(t('paper.printSheet'));

  load();

  return {
    root,
    focus() {
      numbers.focus();
    },
    snapshot: () => ({ slot, ticks: [...ticks] }),
  };
}
